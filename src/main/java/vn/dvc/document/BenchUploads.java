package vn.dvc.document;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.UUID;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;

/**
 * The rungs of the submission benchmark's ladder (bench/dossier.sh, ADR 0022): the online submission's
 * multipart request (a form and files) received by ever more of what a submission does, to show where
 * its cost goes. Each rung does what the one before does, and more:
 * <ol>
 * <li>{@code /bench/uploads/bare}: the parts read through the same multipart handling, nothing else;</li>
 * <li>{@code /bench/uploads/checked}: each file also staged, hashed (SHA-256), its type detected from the
 * content and scanned, by the checks {@link Documents#store} makes, and not stored;</li>
 * <li>{@code /bench/uploads/durable}: each file also written durably to the {@link BlobStore} (the same
 * store as documents), then one row (the form and the files' SHA-256) inserted in one transaction into
 * {@code bench_submission}, a table only the benchmark script creates.</li>
 * </ol>
 * No sign-in, no CSRF token. It exists only when {@code app.bench.baseline=true}, which only the benchmark
 * script sets; it is not part of the API.
 */
@RestController
@ConditionalOnProperty(name = "app.bench.baseline", havingValue = "true")
class BenchUploads {

    private final Documents documents;
    private final BlobStore blobs;
    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;

    BenchUploads(Documents documents, BlobStore blobs, JdbcClient jdbc, TransactionTemplate transaction) {
        this.documents = documents;
        this.blobs = blobs;
        this.jdbc = jdbc;
        this.transaction = transaction;
    }

    @PostMapping(path = "/bench/uploads/bare", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<Void> bare(@RequestParam String procedureCode, @RequestParam(required = false) String agencyCode,
            @RequestParam String form, MultipartHttpServletRequest request) throws IOException {
        for (MultipartFile file : request.getMultiFileMap().toSingleValueMap().values()) {
            try (InputStream in = file.getInputStream()) {
                in.transferTo(OutputStream.nullOutputStream());
            }
        }
        return ResponseEntity.status(HttpStatus.CREATED).build();
    }

    @PostMapping(path = "/bench/uploads/checked", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<Void> checked(@RequestParam String procedureCode,
            @RequestParam(required = false) String agencyCode, @RequestParam String form,
            MultipartHttpServletRequest request) throws IOException {
        for (var part : request.getMultiFileMap().entrySet()) {
            for (MultipartFile file : part.getValue()) {
                try (InputStream in = file.getInputStream(); StagedUpload copy = documents.stage(in, RULES)) {
                    documents.check(part.getKey(), file.getOriginalFilename(), copy, RULES);
                }
            }
        }
        return ResponseEntity.status(HttpStatus.CREATED).build();
    }

    @PostMapping(path = "/bench/uploads/durable", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<Void> durable(@RequestParam String procedureCode,
            @RequestParam(required = false) String agencyCode, @RequestParam String form,
            MultipartHttpServletRequest request) throws IOException {
        StringBuilder sha256 = new StringBuilder();
        java.util.List<String> keys = new java.util.ArrayList<>();
        for (var part : request.getMultiFileMap().entrySet()) {
            for (MultipartFile file : part.getValue()) {
                try (InputStream in = file.getInputStream(); StagedUpload copy = documents.stage(in, RULES)) {
                    documents.check(part.getKey(), file.getOriginalFilename(), copy, RULES);
                    try (InputStream bytes = copy.open()) {
                        keys.add(blobs.put(UUID.randomUUID().toString(), bytes));
                    }
                    sha256.append(sha256.isEmpty() ? "" : ",").append(copy.sha256());
                }
            }
        }
        // Durable before the commit that refers to them, as a submission's files are.
        try {
            transaction.executeWithoutResult(status -> jdbc.sql(
                    "insert into bench_submission(form, sha256, storage_keys) values (?, ?, ?)")
                    .params(form, sha256.toString(), String.join(",", keys)).update());
        } catch (RuntimeException e) {
            keys.forEach(blobs::delete);
            throw e;
        }
        return ResponseEntity.status(HttpStatus.CREATED).build();
    }

    private static final UploadRules RULES = UploadRules.defaults();
}
