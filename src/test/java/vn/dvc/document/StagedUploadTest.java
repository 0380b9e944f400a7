package vn.dvc.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Random;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StagedUploadTest {

    @TempDir
    Path staging;

    @Test
    void aSmallUploadStaysInMemoryWithItsSizeHashAndType() throws Exception {
        byte[] pdf = Samples.pdf();
        try (StagedUpload copy = StagedUpload.read(new ByteArrayInputStream(pdf), 10_000_000, staging)) {
            assertThat(copy.inMemory()).isTrue();
            assertThat(copy.size()).isEqualTo(pdf.length);
            assertThat(copy.sha256()).isEqualTo(sha256(pdf));
            assertThat(copy.detectType()).contains(FileType.PDF);
            try (InputStream in = copy.open()) {
                assertThat(in.readAllBytes()).isEqualTo(pdf);
            }
        }
        assertThat(files()).isZero();
    }

    @Test
    void aStreamThatDoesNotTellItsLengthGrowsTheBufferAndKeepsEveryByte() throws Exception {
        byte[] content = random(700_001);
        try (StagedUpload copy = StagedUpload.read(trickling(content), 10_000_000, staging)) {
            assertThat(copy.inMemory()).isTrue();
            assertThat(copy.size()).isEqualTo(content.length);
            assertThat(copy.sha256()).isEqualTo(sha256(content));
            try (InputStream in = copy.open()) {
                assertThat(in.readAllBytes()).isEqualTo(content);
            }
        }
    }

    @Test
    void anUploadLargerThanTheMemoryShareGoesToAStagingFileRemovedOnClose() throws Exception {
        byte[] content = random(StagedUpload.IN_MEMORY_BYTES * 3 + 17);
        try (StagedUpload copy = StagedUpload.read(trickling(content), 10_000_000, staging)) {
            assertThat(copy.inMemory()).isFalse();
            assertThat(files()).isEqualTo(1);
            assertThat(copy.size()).isEqualTo(content.length);
            assertThat(copy.sha256()).isEqualTo(sha256(content));
            try (InputStream in = copy.open()) {
                assertThat(in.readAllBytes()).isEqualTo(content);
            }
        }
        assertThat(files()).isZero();
    }

    @Test
    void anUploadOfExactlyTheMemoryShareIsKeptWhole() throws Exception {
        byte[] content = random(StagedUpload.IN_MEMORY_BYTES);
        try (StagedUpload copy = StagedUpload.read(new ByteArrayInputStream(content), 10_000_000, staging)) {
            assertThat(copy.size()).isEqualTo(content.length);
            try (InputStream in = copy.open()) {
                assertThat(in.readAllBytes()).isEqualTo(content);
            }
        }
    }

    @Test
    void readingStopsOneByteAfterTheLimitWhereverTheLimitIs() throws Exception {
        for (long limit : new long[] {0, 10, 100_000, StagedUpload.IN_MEMORY_BYTES - 1, StagedUpload.IN_MEMORY_BYTES,
                StagedUpload.IN_MEMORY_BYTES + 5_000}) {
            CountingStream endless = new CountingStream(new Random(limit));
            try (StagedUpload copy = StagedUpload.read(endless, limit, staging)) {
                assertThat(copy.size()).as("limit %d", limit).isEqualTo(limit + 1);
                assertThat(endless.count).as("bytes read with limit %d", limit).isEqualTo(limit + 1);
            }
            assertThat(files()).isZero();
        }
    }

    @Test
    void anEmptyOrMissingUploadHasSizeZero() throws Exception {
        try (StagedUpload copy = StagedUpload.read(new ByteArrayInputStream(new byte[0]), 100, staging)) {
            assertThat(copy.size()).isZero();
        }
        try (StagedUpload copy = StagedUpload.read(null, 100, staging)) {
            assertThat(copy.size()).isZero();
        }
    }

    private long files() throws IOException {
        try (Stream<Path> list = Files.list(staging)) {
            return list.count();
        }
    }

    private static byte[] random(int length) {
        byte[] bytes = new byte[length];
        new Random(length).nextBytes(bytes);
        return bytes;
    }

    /** Gives at most 1,000 bytes per read and does not tell how much is left, as a network stream. */
    private static InputStream trickling(byte[] content) {
        return new FilterInputStream(new ByteArrayInputStream(content)) {
            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                return super.read(b, off, Math.min(len, 1_000));
            }

            @Override
            public int available() {
                return 0;
            }
        };
    }

    private static String sha256(byte[] content) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    }

    /** Never ends; counts what was read. */
    private static final class CountingStream extends InputStream {
        private final Random random;
        long count;

        CountingStream(Random random) {
            this.random = random;
        }

        @Override
        public int read() {
            count++;
            return random.nextInt(256);
        }

        @Override
        public int read(byte[] b, int off, int len) {
            byte[] chunk = new byte[len];
            random.nextBytes(chunk);
            System.arraycopy(chunk, 0, b, off, len);
            count += len;
            return len;
        }
    }
}
