package vn.dvc.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.text.Normalizer;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import vn.dvc.IntegrationTest;
import vn.dvc.shared.InvalidInputException;
import vn.dvc.shared.NotFoundException;
import vn.dvc.shared.ProblemException.FieldProblem;

@IntegrationTest
class DocumentsTest {

    static final Locale VIETNAMESE = Locale.forLanguageTag("vi");

    @Autowired
    Documents documents;
    @Autowired
    BlobStore blobs;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MessageSource messages;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    Clock clock;
    @Value("${app.documents.dir}")
    Path directory;

    StoredDocument store(String name, byte[] content, UploadRules rules) {
        return documents.store("attachment", name, new ByteArrayInputStream(content), rules);
    }

    /** The refusal, after checking that it stored nothing: no new row and no new file anywhere in the store. */
    FieldProblem refusal(String name, byte[] content, UploadRules rules) {
        return refusal(() -> store(name, content, rules));
    }

    FieldProblem refusal(Runnable upload) {
        long rows = rows();
        long files = files();
        InvalidInputException refused = catchThrowableOfType(InvalidInputException.class, upload::run);
        assertThat(refused).as("refused").isNotNull();
        assertThat(rows()).as("rows").isEqualTo(rows);
        assertThat(files()).as("files").isEqualTo(files);
        assertThat(refused.fieldProblems()).hasSize(1);
        assertThat(refused.fieldProblems().get(0).field()).isEqualTo("attachment");
        return refused.fieldProblems().get(0);
    }

    String vietnamese(FieldProblem problem) {
        return messages.getMessage(problem.messageKey(), problem.args().toArray(), VIETNAMESE);
    }

    long rows() {
        return jdbc.sql("select count(*) from document").query(Long.class).single();
    }

    long files() {
        try (Stream<Path> walk = Files.walk(directory)) {
            return walk.filter(Files::isRegularFile).count();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    Path fileOf(StoredDocument document) {
        return ((LocalDiskBlobStore) blobs).path(document.id().toString());
    }

    static String sha256(byte[] content) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    }

    @Test
    void storesARealPdfAndReadsBackTheSameBytesAndHash() throws Exception {
        byte[] pdf = Samples.pdf();
        StoredDocument stored = store("Giấy đề nghị.pdf", pdf, UploadRules.defaults());

        assertThat(stored.mediaType()).isEqualTo("application/pdf");
        assertThat(stored.size()).isEqualTo(pdf.length);
        assertThat(stored.sha256()).isEqualTo(sha256(pdf));
        assertThat(stored.fileName()).isEqualTo("Giấy đề nghị.pdf");
        assertThat(stored.storedAt()).isBeforeOrEqualTo(clock.instant());
        assertThat(documents.describe(stored.id())).isEqualTo(stored);
        try (InputStream in = documents.open(stored.id())) {
            byte[] read = in.readAllBytes();
            assertThat(read).isEqualTo(pdf);
            assertThat(sha256(read)).isEqualTo(stored.sha256());
        }
        assertThat(Files.readAllBytes(fileOf(stored))).isEqualTo(pdf);
        documents.verify(stored.id());
    }

    @Test
    void storesOfficeDocumentsAndImagesUnderTheirDetectedTypes() {
        assertThat(store("to-khai.docx", Samples.docx(), UploadRules.defaults()).mediaType())
                .isEqualTo(FileType.DOCX.mediaType());
        assertThat(store("danh-sach.xls", Samples.xls(), UploadRules.defaults()).mediaType())
                .isEqualTo(FileType.XLS.mediaType());
        assertThat(store("anh.jpeg", Samples.image("jpeg"), UploadRules.defaults()).mediaType())
                .isEqualTo("image/jpeg");
    }

    @Test
    void refusesAnExecutableNamedPdfSayingItsContentIsNotAnAllowedType() {
        FieldProblem problem = refusal("Giay-to.pdf", Samples.executable(), UploadRules.defaults());
        assertThat(problem.messageKey()).isEqualTo("document.error.type");
        assertThat(vietnamese(problem)).isEqualTo("Nội dung tệp “Giay-to.pdf” không thuộc loại được chấp nhận. "
                + "Chỉ nhận các loại tệp: PDF, JPEG, PNG, DOC, DOCX, XLS, XLSX, ODT, ODS.");
    }

    @Test
    void refusesScriptsAndMarkupWhateverTheirName() {
        UploadRules anything = UploadRules.of(UploadRules.MEGABYTE, FileType.values());
        assertThat(refusal("ghi-chu.txt", Samples.utf8("#!/bin/sh\necho hi\n"), anything).messageKey())
                .isEqualTo("document.error.type");
        assertThat(refusal("anh.png", Samples.utf8("<svg onload=\"alert(1)\"/>"), anything).messageKey())
                .isEqualTo("document.error.type");
    }

    @Test
    void refusesAnOversizedFileByCountingTheBytesNotByTrustingADeclaredLength() {
        UploadRules oneKilobyte = UploadRules.of(1024, FileType.PDF);
        EndlessPdf endless = new EndlessPdf();
        FieldProblem problem = refusal(() -> documents.store("attachment", "ban-ve.pdf", endless, oneKilobyte));
        assertThat(problem.messageKey()).isEqualTo("document.error.too-large");
        assertThat(endless.read).isEqualTo(1025);
        assertThat(vietnamese(problem)).startsWith("Tệp “ban-ve.pdf” vượt quá dung lượng cho phép (1 KB).");

        byte[] exactly = Samples.concat(Samples.pdf(), new byte[1024 - Samples.pdf().length]);
        assertThat(store("vua-du.pdf", exactly, oneKilobyte).size()).isEqualTo(1024);
    }

    @Test
    void refusesAnEmptyFile() {
        FieldProblem problem = refusal("trong.pdf", new byte[0], UploadRules.defaults());
        assertThat(problem.messageKey()).isEqualTo("document.error.empty");
        assertThat(vietnamese(problem)).isEqualTo("Tệp “trong.pdf” không có nội dung. Vui lòng chọn lại tệp.");
        assertThat(refusal(() -> documents.store("attachment", "x.pdf", null, UploadRules.defaults())).messageKey())
                .isEqualTo("document.error.empty");
    }

    @Test
    void refusesTheEicarTestVirus() {
        FieldProblem alone = refusal("eicar.txt", Samples.eicar(), UploadRules.of(UploadRules.MEGABYTE, FileType.TEXT));
        assertThat(alone.messageKey()).isEqualTo("document.error.infected");
        assertThat(vietnamese(alone)).isEqualTo("Tệp “eicar.txt” bị phát hiện có mã độc nên không được tiếp nhận.");
        byte[] inPdf = Samples.concat(Samples.pdf(), Samples.eicar());
        assertThat(refusal("hop-dong.pdf", inPdf, UploadRules.defaults()).messageKey())
                .isEqualTo("document.error.infected");
    }

    @Test
    void refusesWhenTheScannerCannotDecide() {
        Documents unscanned = new Documents(jdbc, blobs, file -> ScanResult.failed("clamd unreachable"), clock,
                directory.resolve(".staging"));
        FieldProblem problem = refusal(() -> unscanned.store("attachment", "a.pdf",
                new ByteArrayInputStream(Samples.pdf()), UploadRules.defaults()));
        assertThat(problem.messageKey()).isEqualTo("document.error.scan-failed");
    }

    @Test
    void refusesADocumentWhoseNameContradictsItsContent() {
        FieldProblem problem = refusal("don.pdf", Samples.docx(), UploadRules.defaults());
        assertThat(problem.messageKey()).isEqualTo("document.error.name-mismatch");
        assertThat(vietnamese(problem)).startsWith("Tệp “don.pdf” có đuôi .pdf nhưng nội dung là tệp DOCX.");
        assertThat(refusal("trang.html", Samples.pdf(), UploadRules.defaults()).messageKey())
                .isEqualTo("document.error.name-mismatch");
    }

    @Test
    void correctsAnImageSavedUnderAnotherImagesExtension() {
        StoredDocument photo = store("ảnh chân dung.jpg", Samples.image("png"), UploadRules.defaults());
        assertThat(photo.mediaType()).isEqualTo("image/png");
        assertThat(photo.fileName()).isEqualTo("ảnh chân dung.png");
    }

    @Test
    void sanitisesNamesAndAddsTheExtensionOfTheContent() {
        UploadRules text = UploadRules.of(UploadRules.MEGABYTE, FileType.TEXT);
        assertThat(store("../../etc/passwd", Samples.utf8("root:x:0:0\n"), text).fileName()).isEqualTo("passwd.txt");
        String decomposed = Normalizer.normalize("Bản sao Giấy khai sinh", Normalizer.Form.NFD);
        assertThat(store(decomposed, Samples.pdf(), UploadRules.defaults()).fileName())
                .isEqualTo("Bản sao Giấy khai sinh.pdf");
        assertThat(store("hồ sơ.v2", Samples.pdf(), UploadRules.defaults()).fileName()).isEqualTo("hồ sơ.v2.pdf");
    }

    @Test
    void detectsABlobChangedOnDisk() throws Exception {
        StoredDocument stored = store("ban-sao.pdf", Samples.pdf(), UploadRules.defaults());
        try (RandomAccessFile file = new RandomAccessFile(fileOf(stored).toFile(), "rw")) {
            file.seek(100);
            int b = file.read();
            file.seek(100);
            file.write(b ^ 0x01);
        }
        try (InputStream in = documents.open(stored.id())) {
            assertThatThrownBy(in::readAllBytes).isInstanceOf(CorruptedDocumentException.class)
                    .hasMessageContaining(stored.id().toString()).hasMessageContaining("SHA-256");
        }
        assertThatThrownBy(() -> documents.verify(stored.id())).isInstanceOf(CorruptedDocumentException.class);
    }

    @Test
    void detectsABlobTruncatedLengthenedOrGone() throws Exception {
        StoredDocument truncated = store("a.pdf", Samples.pdf(), UploadRules.defaults());
        Files.write(fileOf(truncated), java.util.Arrays.copyOf(Samples.pdf(), 200));
        assertThatThrownBy(() -> documents.verify(truncated.id())).isInstanceOf(CorruptedDocumentException.class)
                .hasMessageContaining("200 bytes");

        StoredDocument lengthened = store("b.pdf", Samples.pdf(), UploadRules.defaults());
        Files.write(fileOf(lengthened), Samples.concat(Samples.pdf(), new byte[] {'x'}));
        assertThatThrownBy(() -> documents.verify(lengthened.id())).isInstanceOf(CorruptedDocumentException.class);

        StoredDocument gone = store("c.pdf", Samples.pdf(), UploadRules.defaults());
        Files.delete(fileOf(gone));
        assertThatThrownBy(() -> documents.open(gone.id())).isInstanceOf(CorruptedDocumentException.class)
                .hasMessageContaining("missing");
    }

    @Test
    void forgetsADeletedDocumentAndItsFile() {
        StoredDocument stored = store("nhap.pdf", Samples.pdf(), UploadRules.defaults());
        documents.delete(stored.id());
        assertThat(Files.exists(fileOf(stored))).isFalse();
        assertThatThrownBy(() -> documents.describe(stored.id())).isInstanceOf(NotFoundException.class);
        documents.delete(stored.id()); // a retried clean-up is harmless
    }

    @Test
    void keepsTheFileUntilTheCallersDeletionCommits() {
        StoredDocument stored = store("giu-lai.pdf", Samples.pdf(), UploadRules.defaults());
        TransactionTemplate transaction = new TransactionTemplate(transactions);
        transaction.executeWithoutResult(status -> {
            documents.delete(stored.id());
            status.setRollbackOnly();
        });
        assertThat(Files.exists(fileOf(stored))).isTrue();
        assertThat(documents.describe(stored.id())).isEqualTo(stored);
    }

    @Test
    void removesTheStoredFileWhenTheCallersTransactionRollsBack() {
        long rows = rows();
        long files = files();
        TransactionTemplate transaction = new TransactionTemplate(transactions);
        StoredDocument stored = transaction.execute(status -> {
            StoredDocument inside = store("se-huy.pdf", Samples.pdf(), UploadRules.defaults());
            assertThat(Files.exists(fileOf(inside))).isTrue();
            status.setRollbackOnly();
            return inside;
        });
        assertThat(Files.exists(fileOf(stored))).isFalse();
        assertThat(rows()).isEqualTo(rows);
        assertThat(files()).isEqualTo(files);
    }

    @Test
    void answersNotFoundForAnUnknownDocument() {
        UUID unknown = UUID.randomUUID();
        assertThatThrownBy(() -> documents.describe(unknown)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> documents.open(unknown)).isInstanceOf(NotFoundException.class);
    }

    /** A PDF that never ends, whatever length the upload announced; counts what was taken from it. */
    static final class EndlessPdf extends InputStream {

        private final byte[] head = Samples.pdf();
        long read;

        @Override
        public int read() {
            return (int) (read < head.length ? head[(int) read++] & 0xFF : (read++ % 26) + 'a');
        }
    }
}
