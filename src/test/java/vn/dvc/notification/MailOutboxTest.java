package vn.dvc.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import jakarta.mail.internet.MimeMessage;
import vn.dvc.IntegrationTest;
import vn.dvc.TestMail;
import vn.dvc.shared.InvalidInputException;

@IntegrationTest
class MailOutboxTest {

    @Autowired MailOutbox outbox;
    @Autowired MailDispatcher dispatcher;
    @Autowired TransactionTemplate transaction;
    @Autowired JdbcClient jdbc;

    static String address() {
        return "nguoi.nhan+" + UUID.randomUUID() + "@example.vn";
    }

    @Test
    void aMailQueuedInACommittedTransactionReachesTheSmtpServerWithVietnameseIntact() throws Exception {
        String to = address();
        transaction.executeWithoutResult(s -> outbox.queue(to, "Hồ sơ đã được tiếp nhận", "Kính gửi ông/bà,\nHồ sơ của quý vị đã được tiếp nhận."));

        List<MimeMessage> received = TestMail.awaitMessagesTo(to, 1);
        assertThat(received).hasSize(1);
        assertThat(received.get(0).getSubject()).isEqualTo("Hồ sơ đã được tiếp nhận");
        assertThat(TestMail.text(received.get(0))).contains("Hồ sơ của quý vị đã được tiếp nhận.");
        // The server has the mail; the dispatcher records it as sent when its transaction commits.
        boolean recorded = false;
        for (int i = 0; i < 100 && !recorded; i++) {
            recorded = jdbc.sql("select sent_at is not null from mail_outbox where recipient = ?").param(to)
                    .query(Boolean.class).single();
            if (!recorded) {
                Thread.sleep(100);
            }
        }
        assertThat(recorded).isTrue();
    }

    @Test
    void jakartaMailUsesTheNamedStreamProviderInsteadOfSearchingTheClassPath() {
        assertThat(System.getProperty(MailDispatcher.STREAM_PROVIDER_PROPERTY))
                .isEqualTo(MailDispatcher.ANGUS_STREAM_PROVIDER);
        assertThat(jakarta.mail.util.StreamProvider.provider().getClass().getName())
                .isEqualTo(MailDispatcher.ANGUS_STREAM_PROVIDER);
    }

    @Test
    void aRolledBackTransactionSendsNothing() throws Exception {
        String to = address();
        transaction.executeWithoutResult(s -> {
            outbox.queue(to, "Không được gửi", "…");
            s.setRollbackOnly();
        });
        dispatcher.dispatchDue();
        assertThat(TestMail.messagesTo(to)).isEmpty();
        assertThat(jdbc.sql("select count(*) from mail_outbox where recipient = ?").param(to).query(Long.class)
                .single()).isZero();
    }

    @Test
    void aMailIsRetriedUntilTheServerAcceptsIt() throws Exception {
        String to = address();
        TestMail.stop();
        try {
            transaction.executeWithoutResult(s -> outbox.queue(to, "Thử lại", "Nội dung"));
            // The attempt made right after the commit may still hold the row: wait for one to be recorded.
            int attempts = 0;
            for (int i = 0; i < 100 && attempts == 0; i++) {
                dispatcher.dispatchDue();
                attempts = jdbc.sql("select attempts from mail_outbox where recipient = ? and sent_at is null")
                        .param(to).query(Integer.class).single();
                if (attempts == 0) {
                    Thread.sleep(100);
                }
            }
            assertThat(attempts).isGreaterThanOrEqualTo(1);
        } finally {
            TestMail.restart();
        }
        jdbc.sql("update mail_outbox set next_attempt_at = now() where recipient = ?").param(to).update();
        dispatcher.dispatchDue();
        assertThat(TestMail.awaitMessagesTo(to, 1)).hasSize(1);
    }

    @Test
    void anInvalidAddressIsRefusedAndNothingIsQueued() {
        assertThatThrownBy(() -> outbox.queue("không phải địa chỉ", "x", "y")).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void theDelayGrowsUpToTheMaximum() {
        assertThat(dispatcher.backoff(1)).hasMinutes(1);
        assertThat(dispatcher.backoff(3)).hasMinutes(4);
        assertThat(dispatcher.backoff(30)).hasHours(1);
    }
}
