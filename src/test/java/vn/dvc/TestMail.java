package vn.dvc;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;

/**
 * The tests' SMTP server: a real GreenMail server on a free port, started once per test run and
 * configured as the application's {@code spring.mail.host}, so mails take the production path.
 */
public final class TestMail {

    private static GreenMail server;
    private static int port;

    private TestMail() {
    }

    static synchronized int port() {
        server();
        return port;
    }

    public static synchronized GreenMail server() {
        if (server == null) {
            server = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            server.start();
            port = server.getSmtp().getPort();
        }
        return server;
    }

    /** Stops the server (to test retries); {@link #restart()} brings it back on the same port. */
    public static synchronized void stop() {
        server().stop();
    }

    public static synchronized void restart() {
        server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.start();
    }

    /** The messages received for one address, waiting up to ten seconds for at least {@code count}. */
    public static List<MimeMessage> awaitMessagesTo(String address, int count) throws Exception {
        Instant end = Instant.now().plus(Duration.ofSeconds(10));
        while (true) {
            List<MimeMessage> found = messagesTo(address);
            if (found.size() >= count || Instant.now().isAfter(end)) {
                return found;
            }
            Thread.sleep(100);
        }
    }

    public static List<MimeMessage> messagesTo(String address) throws Exception {
        MimeMessage[] all = server().getReceivedMessages();
        java.util.ArrayList<MimeMessage> found = new java.util.ArrayList<>();
        for (MimeMessage m : all) {
            if (Arrays.stream(m.getRecipients(Message.RecipientType.TO)).anyMatch(a -> a.toString().contains(address))) {
                found.add(m);
            }
        }
        return found;
    }

    public static String text(MimeMessage message) throws Exception {
        Object content = message.getContent();
        return content instanceof String s ? s : String.valueOf(content);
    }
}
