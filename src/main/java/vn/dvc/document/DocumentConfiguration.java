package vn.dvc.document;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Where documents are kept ({@code app.documents.dir}) and how they are scanned: by a ClamAV daemon
 * when {@code app.documents.clamd.host} is set, else for the EICAR test signature only.
 */
@Configuration(proxyBeanMethods = false)
class DocumentConfiguration {

    private static final Logger log = LoggerFactory.getLogger(DocumentConfiguration.class);

    /**
     * {@code app.documents.store=files} (default): one file per document ({@link LocalDiskBlobStore});
     * {@code segments}: shared segment files with group commit ({@link SegmentBlobStore}, ADR 0020), which
     * still reads the documents stored as files before.
     */
    @Bean
    BlobStore localDiskBlobStore(@Value("${app.documents.dir:data/documents}") Path directory, Clock clock,
            @Value("${app.documents.store:files}") String store,
            @Value("${app.documents.segment-size:1GB}") org.springframework.util.unit.DataSize segmentSize) {
        LocalDiskBlobStore files = new LocalDiskBlobStore(directory, clock);
        return switch (store.strip()) {
            case "files" -> files;
            case "segments" -> new SegmentBlobStore(directory, segmentSize.toBytes(), files);
            default -> throw new IllegalStateException("app.documents.store must be files or segments: " + store);
        };
    }

    @Bean
    VirusScanner virusScanner(@Value("${app.documents.clamd.host:}") String host,
            @Value("${app.documents.clamd.port:3310}") int port,
            @Value("${app.documents.clamd.timeout:PT30S}") Duration timeout) {
        if (host.isBlank()) {
            log.warn("No virus scanner configured (app.documents.clamd.host): uploads are checked for the EICAR "
                    + "test signature only");
            return new EicarScanner();
        }
        return new ClamdScanner(host.strip(), port, timeout);
    }
}
