package vn.dvc.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VirusScannersTest {

    @TempDir
    Path dir;

    @Test
    void eicarScannerFindsTheTestSignatureAnywhereEvenAcrossBlocks() throws IOException {
        EicarScanner scanner = new EicarScanner();
        assertThat(scanner.scan(Files.write(dir.resolve("a"), Samples.eicar())).outcome())
                .isEqualTo(ScanResult.Outcome.INFECTED);
        byte[] straddling = Samples.concat(new byte[64 * 1024 - 30], Samples.eicar(), new byte[100]);
        assertThat(scanner.scan(Files.write(dir.resolve("b"), straddling)))
                .isEqualTo(ScanResult.infected(EicarScanner.THREAT));
        assertThat(scanner.scan(Files.write(dir.resolve("c"), Samples.pdf()))).isEqualTo(ScanResult.clean());
        byte[] almost = Arrays.copyOf(Samples.eicar(), 67);
        assertThat(scanner.scan(Files.write(dir.resolve("d"), almost))).isEqualTo(ScanResult.clean());
        assertThat(EicarScanner.SIGNATURE).isEqualTo(Samples.eicar());
    }

    @Test
    void eicarSearchFindsTheSignatureAtEveryOffsetAndNotInNearMisses() throws IOException {
        java.util.Random random = new java.util.Random(2575);
        byte[] signature = Samples.eicar();
        for (int offset : new int[] {0, 1, 67, 68, 69, 500, 64 * 1024 - 68, 64 * 1024 - 67, 64 * 1024 - 1,
                64 * 1024, 64 * 1024 + 1, 131_000}) {
            byte[] content = new byte[offset + signature.length + random.nextInt(50)];
            random.nextBytes(content);
            System.arraycopy(signature, 0, content, offset, signature.length);
            assertThat(EicarScanner.contains(new java.io.ByteArrayInputStream(content), signature))
                    .as("signature at %d", offset).isTrue();
        }
        // Many windows that match all but one byte of the signature (first, middle or last).
        java.io.ByteArrayOutputStream nearMisses = new java.io.ByteArrayOutputStream();
        for (int i = 0; i < 3000; i++) {
            byte[] miss = signature.clone();
            int at = i % 3 == 0 ? 0 : i % 3 == 1 ? signature.length / 2 : signature.length - 1;
            miss[at] = (byte) (miss[at] + 1);
            nearMisses.write(miss);
            nearMisses.write(signature, 0, i % signature.length);
        }
        assertThat(EicarScanner.contains(new java.io.ByteArrayInputStream(nearMisses.toByteArray()), signature))
                .isFalse();
    }

    @Test
    void eicarScannerFailsRatherThanPassingAFileItCannotRead() {
        assertThat(new EicarScanner().scan(dir.resolve("missing")).outcome()).isEqualTo(ScanResult.Outcome.FAILED);
    }

    @Test
    void clamdScannerStreamsTheFileInChunksAndReadsTheVerdict() throws Exception {
        byte[] content = Samples.concat(new byte[150_000], Samples.utf8("end"));
        try (FakeClamd clamd = new FakeClamd("stream: OK")) {
            ScanResult result = new ClamdScanner("127.0.0.1", clamd.port(), Duration.ofSeconds(10))
                    .scan(Files.write(dir.resolve("clean"), content));
            assertThat(result).isEqualTo(ScanResult.clean());
            assertThat(clamd.command()).isEqualTo("zINSTREAM");
            assertThat(clamd.received()).isEqualTo(content);
        }
        try (FakeClamd clamd = new FakeClamd("stream: Win.Test.EICAR_HDB-1 FOUND")) {
            assertThat(new ClamdScanner("127.0.0.1", clamd.port(), Duration.ofSeconds(10))
                    .scan(Files.write(dir.resolve("infected"), Samples.eicar())))
                    .isEqualTo(ScanResult.infected("Win.Test.EICAR_HDB-1"));
        }
        try (FakeClamd clamd = new FakeClamd("INSTREAM size limit exceeded. ERROR")) {
            assertThat(new ClamdScanner("127.0.0.1", clamd.port(), Duration.ofSeconds(10))
                    .scan(Files.write(dir.resolve("big"), content)).outcome()).isEqualTo(ScanResult.Outcome.FAILED);
        }
    }

    @Test
    void clamdScannerFailsWhenTheDaemonCannotBeReached() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        ScanResult result = new ClamdScanner("127.0.0.1", closedPort, Duration.ofSeconds(5))
                .scan(Files.write(dir.resolve("x"), Samples.pdf()));
        assertThat(result.outcome()).isEqualTo(ScanResult.Outcome.FAILED);
    }

    @Test
    void interpretsClamdReplies() {
        assertThat(ClamdScanner.interpret("stream: OK")).isEqualTo(ScanResult.clean());
        assertThat(ClamdScanner.interpret("stream: Eicar-Signature FOUND")).isEqualTo(ScanResult.infected("Eicar-Signature"));
        assertThat(ClamdScanner.interpret("").outcome()).isEqualTo(ScanResult.Outcome.FAILED);
    }

    /** A one-connection stand-in for clamd on a free port: reads an INSTREAM request, sends a fixed reply. */
    static final class FakeClamd implements AutoCloseable {

        private final ServerSocket server = new ServerSocket(0);
        private final CompletableFuture<String> command = new CompletableFuture<>();
        private final CompletableFuture<byte[]> received = new CompletableFuture<>();

        FakeClamd(String reply) throws IOException {
            Thread thread = new Thread(() -> serve(reply), "fake-clamd");
            thread.setDaemon(true);
            thread.start();
        }

        private void serve(String reply) {
            try (Socket socket = server.accept()) {
                DataInputStream in = new DataInputStream(socket.getInputStream());
                ByteArrayOutputStream name = new ByteArrayOutputStream();
                int b;
                while ((b = in.read()) > 0) {
                    name.write(b);
                }
                command.complete(name.toString(StandardCharsets.US_ASCII));
                ByteArrayOutputStream data = new ByteArrayOutputStream();
                int length;
                while ((length = in.readInt()) > 0) {
                    data.write(in.readNBytes(length));
                }
                received.complete(data.toByteArray());
                OutputStream out = socket.getOutputStream();
                out.write((reply + "\0").getBytes(StandardCharsets.US_ASCII));
                out.flush();
            } catch (IOException e) {
                command.completeExceptionally(e);
                received.completeExceptionally(e);
            }
        }

        int port() {
            return server.getLocalPort();
        }

        String command() throws Exception {
            return command.get(10, TimeUnit.SECONDS);
        }

        byte[] received() throws Exception {
            return received.get(10, TimeUnit.SECONDS);
        }

        @Override
        public void close() throws IOException {
            server.close();
        }
    }
}
