package vn.dvc.notification;

import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;

import jakarta.mail.Address;
import jakarta.mail.internet.MimeMessage;

/**
 * The embedded default's mail server: when no SMTP server is configured ({@code spring.mail.host}
 * unset), a real SMTP server (GreenMail) runs inside the application, every mail really goes through
 * SMTP to it, and {@code /mailbox} shows what it received, so that e-mail verification and status
 * mails can be followed on a machine with nothing installed. Configuring {@code spring.mail.host}
 * removes both the server and the page.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.mail.host:}'.isEmpty()")
class MailSandbox {

    private static final Logger log = LoggerFactory.getLogger(MailSandbox.class);

    @Bean(destroyMethod = "stop")
    GreenMail sandboxMailServer(@Value("${app.mail.sandbox.port:0}") int port) {
        GreenMail server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.start();
        log.info("Mail sandbox: SMTP on 127.0.0.1:{}, messages shown at /mailbox", server.getSmtp().getPort());
        return server;
    }

    @Bean
    JavaMailSenderImpl mailSender(GreenMail sandboxMailServer) {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost("127.0.0.1");
        sender.setPort(sandboxMailServer.getSmtp().getPort());
        sender.setDefaultEncoding(StandardCharsets.UTF_8.name());
        return sender;
    }

    @Controller
    @ConditionalOnExpression("'${spring.mail.host:}'.isEmpty()")
    static class MailboxPage {

        private final GreenMail server;

        MailboxPage(GreenMail server) {
            this.server = server;
        }

        @GetMapping("/mailbox")
        String mailbox(Model model) throws Exception {
            MimeMessage[] received = server.getReceivedMessages();
            List<Received> messages = new ArrayList<>();
            for (int i = received.length - 1; i >= 0 && messages.size() < 50; i--) {
                MimeMessage m = received[i];
                messages.add(new Received(
                        String.join(", ", Arrays.stream(m.getAllRecipients()).map(Address::toString).toList()),
                        m.getSubject(),
                        m.getSentDate() == null ? null
                                : ZonedDateTime.ofInstant(m.getSentDate().toInstant(), ZoneId.of("Asia/Ho_Chi_Minh")),
                        m.getContent() instanceof String text ? text : GreenMailUtil.getBody(m)));
            }
            model.addAttribute("messages", messages);
            model.addAttribute("total", received.length);
            return "notification/mailbox";
        }
    }

    record Received(String to, String subject, ZonedDateTime sentAt, String body) {
    }
}
