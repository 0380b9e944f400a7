package vn.dvc.document;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Scans through a ClamAV daemon with its INSTREAM command: the file goes in chunks, each preceded by its
 * length as a 4-byte big-endian number, then a zero length; clamd answers {@code stream: OK} or
 * {@code stream: <name> FOUND}. Anything else (an error, a timeout, a refused connection) is a failed
 * scan, and the file is refused rather than stored unchecked.
 */
final class ClamdScanner implements VirusScanner {

    private static final int CHUNK = 64 * 1024;
    private static final int MAX_REPLY = 1024;

    private final String host;
    private final int port;
    private final Duration timeout;

    ClamdScanner(String host, int port, Duration timeout) {
        this.host = host;
        this.port = port;
        this.timeout = timeout;
    }

    @Override
    public ScanResult scan(InputStream content) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), (int) timeout.toMillis());
            socket.setSoTimeout((int) timeout.toMillis());
            DataOutputStream out = new DataOutputStream(socket.getOutputStream());
            out.write("zINSTREAM\0".getBytes(StandardCharsets.US_ASCII));
            byte[] chunk = new byte[CHUNK];
            int read;
            while ((read = content.read(chunk)) > 0) {
                out.writeInt(read);
                out.write(chunk, 0, read);
            }
            out.writeInt(0);
            out.flush();
            return interpret(reply(socket.getInputStream()));
        } catch (IOException e) {
            return ScanResult.failed("clamd at " + host + ":" + port + ": " + e.getMessage());
        }
    }

    /** The reply up to its terminating NUL (the "z" form of the command). */
    private static String reply(InputStream in) throws IOException {
        ByteArrayOutputStream reply = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) > 0 && reply.size() < MAX_REPLY) {
            reply.write(b);
        }
        return reply.toString(StandardCharsets.US_ASCII).strip();
    }

    static ScanResult interpret(String reply) {
        String answer = reply.startsWith("stream:") ? reply.substring("stream:".length()).strip() : reply;
        if (answer.equals("OK")) {
            return ScanResult.clean();
        }
        if (answer.endsWith(" FOUND")) {
            return ScanResult.infected(answer.substring(0, answer.length() - " FOUND".length()).strip());
        }
        return ScanResult.failed("clamd answered: " + (answer.isEmpty() ? "nothing" : answer));
    }
}
