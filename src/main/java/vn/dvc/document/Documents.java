package vn.dvc.document;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import vn.dvc.shared.InvalidInputException;
import vn.dvc.shared.NotFoundException;
import vn.dvc.shared.ProblemException.FieldProblem;

/**
 * Stores files after checking them, and reads them back verified. A file is staged (in memory up to
 * 1 MB, else on disk, {@link StagedUpload}) while it is counted and hashed, so an oversized upload is cut
 * off at the limit whatever its declared length; then its type is recognised from the content, it is
 * scanned, and only then written to the
 * {@link BlobStore} and recorded in {@code document}. A refusal stores nothing. Logs name documents by
 * id and hash, never by file name (names often carry people's names).
 */
@Service
public class Documents {

    private static final Logger log = LoggerFactory.getLogger(Documents.class);
    /** Extensions that say "run me" whatever the content: such a name never matches a document. */
    private static final Set<String> ACTIVE_EXTENSIONS = Set.of("exe", "dll", "com", "scr", "msi", "bat", "cmd",
            "ps1", "vbs", "vbe", "js", "jse", "mjs", "wsf", "hta", "jar", "class", "sh", "lnk", "apk", "html",
            "htm", "xhtml", "shtml", "svg", "svgz", "xml", "php", "jsp", "asp", "aspx", "py", "pl", "reg", "swf");

    private final JdbcClient jdbc;
    private final BlobStore blobs;
    private final VirusScanner scanner;
    private final Clock clock;
    private final Path staging;

    Documents(JdbcClient jdbc, BlobStore blobs, VirusScanner scanner, Clock clock,
            @Value("${app.documents.staging-dir:${app.documents.dir:data/documents}/.staging}") Path staging) {
        this.jdbc = jdbc;
        this.blobs = blobs;
        this.scanner = scanner;
        this.clock = clock;
        this.staging = staging.toAbsolutePath().normalize();
        LocalDiskBlobStore.createPrivateDirectories(this.staging);
        LocalDiskBlobStore.removeLeftovers(this.staging, clock.instant().minus(LocalDiskBlobStore.LEFTOVER_AGE));
    }

    /**
     * Checks a file (not empty, within the size limit, of an accepted type by its content, a name that
     * does not contradict the content, no virus found), then stores it. Joins the caller's transaction:
     * if that rolls back, the stored bytes are removed too. The stream is read to the limit at most and
     * not closed.
     *
     * @param field the form field the file came in, named in the refusal
     * @throws InvalidInputException on any refusal, with a message naming the file and the rule; nothing
     *                               is stored then
     */
    @Transactional
    public StoredDocument store(String field, String originalFileName, InputStream content, UploadRules rules) {
        try (StagedUpload copy = stage(content, rules)) {
            Checked checked = check(field, originalFileName, copy, rules);
            return save(copy, checked.name(), checked.type());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot stage an upload", e);
        }
    }

    /** A staged upload that passed {@link #check}: its name, agreeing with its type, and its type. */
    record Checked(String name, FileType type) {
    }

    /** Reads an upload (not closed) to the limit of {@code rules}, counted and hashed; the caller closes the copy. */
    StagedUpload stage(InputStream content, UploadRules rules) throws IOException {
        return StagedUpload.read(content, rules.maxBytes(), staging);
    }

    /**
     * The checks of {@link #store} on a staged copy: not empty, within the size limit, an accepted type by
     * its content, a name that does not contradict it, no virus found. Stores nothing.
     *
     * @throws InvalidInputException on any refusal
     */
    Checked check(String field, String originalFileName, StagedUpload copy, UploadRules rules) throws IOException {
        String name = FileNames.sanitise(originalFileName);
        if (copy.size() == 0) {
            throw refusal(field, "empty", "document.error.empty", name);
        }
        if (copy.size() > rules.maxBytes()) {
            throw refusal(field, "too large", "document.error.too-large", name, rules.sizeLabel());
        }
        Optional<FileType> detected = copy.detectType();
        if (detected.isEmpty() || !rules.allows(detected.get())) {
            throw refusal(field, "type " + detected.map(FileType::label).orElse("unknown"), "document.error.type",
                    name, rules.typeLabels());
        }
        FileType type = detected.get();
        name = nameAgreeingWith(field, name, type);
        ScanResult scan;
        try (InputStream in = copy.open()) {
            scan = scanner.scan(in);
        }
        if (scan.outcome() == ScanResult.Outcome.INFECTED) {
            log.warn("Refused an infected upload (field {}, {}, SHA-256 {})", field, scan.threat(), copy.sha256());
            throw new InvalidInputException(List.of(new FieldProblem(field, "document.error.infected", name)));
        }
        if (scan.outcome() != ScanResult.Outcome.CLEAN) {
            log.error("Refused an upload that could not be scanned (field {}): {}", field, scan.threat());
            throw new InvalidInputException(List.of(new FieldProblem(field, "document.error.scan-failed", name)));
        }
        return new Checked(name, type);
    }

    /** @throws NotFoundException when no document has this id */
    public StoredDocument describe(UUID id) {
        return row(id).document();
    }

    /**
     * The document's bytes, checked against the stored size and SHA-256 while they are read: reading to
     * the end of a damaged file throws {@link CorruptedDocumentException}. The caller closes the stream.
     *
     * @throws NotFoundException           when no document has this id
     * @throws CorruptedDocumentException when the stored file is missing
     */
    public InputStream open(UUID id) {
        Row row = row(id);
        try {
            return new VerifyingInputStream(blobs.get(row.key()), id, row.document().size(), row.document().sha256());
        } catch (UncheckedIOException e) {
            if (e.getCause() instanceof NoSuchFileException) {
                log.error("Document {} has no stored file", id);
                throw new CorruptedDocumentException(id, "the stored file is missing", e);
            }
            if (e.getCause() instanceof SegmentBlobStore.CorruptBlobException) {
                log.error("Document {} is damaged in its segment: {}", id, e.getCause().getMessage());
                throw new CorruptedDocumentException(id, "the stored bytes do not match their checksum", e);
            }
            throw e;
        }
    }

    /**
     * Reads the whole document to check it is intact (for integrity checks before a result is issued or
     * by a periodic job).
     *
     * @throws CorruptedDocumentException when it is not
     */
    public void verify(UUID id) {
        try (InputStream in = open(id)) {
            in.transferTo(OutputStream.nullOutputStream());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Holds an existing document for a reference the caller's transaction is about to write (a dossier made from
     * a draft's or an earlier upload's documents): until that transaction ends, the orphan sweep cannot delete
     * it. Answers the document's SHA-256, or empty when there is no such document (never stored, or already
     * swept), and then the caller must not refer to it. Takes a share lock on the row, so call it in the
     * transaction that writes the reference.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<String> reserve(UUID id) {
        return jdbc.sql("select sha256 from document where id = ? for share").param(id).query(String.class)
                .optional();
    }

    /**
     * Forgets a document (a discarded draft's attachment); its bytes are removed once the caller's
     * transaction commits. Unknown ids are ignored, so a retried clean-up does no harm.
     */
    @Transactional
    public void delete(UUID id) {
        Optional<String> key = jdbc.sql("delete from document where id = ? returning storage_key").param(id)
                .query(String.class).optional();
        key.ifPresent(k -> afterCommit(() -> blobs.delete(k)));
    }

    private StoredDocument save(StagedUpload copy, String name, FileType type) throws IOException {
        UUID id = UUID.randomUUID();
        String key;
        try (InputStream in = copy.open()) {
            key = blobs.put(id.toString(), in);
        }
        afterRollback(() -> blobs.delete(key));
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS); // what PostgreSQL keeps
        try {
            jdbc.sql("""
                    insert into document(id, file_name, media_type, size_bytes, sha256, storage_key, stored_at)
                    values (?, ?, ?, ?, ?, ?, ?)
                    """).params(id, name, type.mediaType(), copy.size(), copy.sha256(), key, Timestamp.from(now))
                    .update();
        } catch (RuntimeException e) {
            blobs.delete(key);
            throw e;
        }
        log.info("Stored document {} ({}, {} bytes, SHA-256 {})", id, type.label(), copy.size(), copy.sha256());
        return new StoredDocument(id, name, type.mediaType(), copy.size(), copy.sha256(), now);
    }

    /**
     * Content decides the type; the name may not say otherwise. Without a known extension the usual one
     * is added; images are often saved under another image's extension, which is corrected; any other
     * disagreement (a DOCX named .pdf, a PDF named .html) is refused.
     */
    private static String nameAgreeingWith(String field, String name, FileType type) {
        String extension = FileNames.extension(name);
        String usual = type.extensions().get(0);
        if (type.extensions().contains(extension)) {
            return name;
        }
        Optional<FileType> named = FileType.ofExtension(extension);
        if (named.isPresent() && named.get().image() && type.image()) {
            return FileNames.replaceExtension(name, usual);
        }
        if (named.isPresent() || ACTIVE_EXTENSIONS.contains(extension)) {
            throw refusal(field, "name disagrees with the content", "document.error.name-mismatch", name, extension,
                    type.label());
        }
        return FileNames.appendExtension(name, usual);
    }

    private static InvalidInputException refusal(String field, String reason, String messageKey, Object... args) {
        log.info("Refused an upload (field {}): {}", field, reason);
        return new InvalidInputException(List.of(new FieldProblem(field, messageKey, args)));
    }

    private Row row(UUID id) {
        return jdbc.sql("""
                select id, file_name, media_type, size_bytes, sha256, stored_at, storage_key from document where id = ?
                """).param(id)
                .query((rs, n) -> new Row(new StoredDocument(rs.getObject(1, UUID.class), rs.getString(2),
                        rs.getString(3), rs.getLong(4), rs.getString(5), rs.getTimestamp(6).toInstant()),
                        rs.getString(7)))
                .optional().orElseThrow(() -> new NotFoundException("document.error.not-found", id));
    }

    private static void afterRollback(Runnable action) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    if (status != STATUS_COMMITTED) {
                        action.run();
                    }
                }
            });
        }
    }

    private static void afterCommit(Runnable action) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    action.run();
                }
            });
        } else {
            action.run();
        }
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private record Row(StoredDocument document, String key) {
    }
}
