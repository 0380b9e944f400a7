package vn.dvc.processing;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import vn.dvc.identity.AccountContacts;
import vn.dvc.identity.Role;
import vn.dvc.notification.MailOutbox;
import vn.dvc.reception.DueSoon;
import vn.dvc.shared.VietnamTime;

/**
 * Warns the officer responsible for a dossier's open step (its holder, or every officer of the step's
 * role at the agency while it waits in the pool) by mail when the step comes within the lead time of its
 * due time (the same lead time as dossiers, {@link DueSoon}): once per step stay. Runs every
 * {@code app.processing.step-warning-interval}; {@link #warn(Instant)} is the same run at a given moment.
 */
@Component
public class StepWarnings {

    private static final Logger log = LoggerFactory.getLogger(StepWarnings.class);
    private static final Locale VIETNAMESE = Locale.forLanguageTag("vi");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm dd/MM/yyyy");

    private record OpenStep(long id, String code, String agencyCode, String stepName, String role, String assignee,
            Instant dueAt) {
    }

    private final JdbcClient jdbc;
    private final DueSoon dueSoon;
    private final AccountContacts contacts;
    private final MailOutbox outbox;
    private final MessageSource messages;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final String publicUrl;

    StepWarnings(JdbcClient jdbc, DueSoon dueSoon, AccountContacts contacts, MailOutbox outbox, MessageSource messages,
            PlatformTransactionManager transactionManager, Clock clock,
            @Value("${app.public-url:http://localhost:8080}") String publicUrl) {
        this.jdbc = jdbc;
        this.dueSoon = dueSoon;
        this.contacts = contacts;
        this.outbox = outbox;
        this.messages = messages;
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = clock;
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    }

    @Scheduled(fixedDelayString = "${app.processing.step-warning-interval:PT15M}", initialDelayString = "PT1M")
    void run() {
        int warned = warn(clock.instant());
        if (warned > 0) {
            log.info("Warned the officers of {} steps due soon", warned);
        }
    }

    /** Warns about every open step due soon at {@code now} and not warned about yet; answers how many. */
    public int warn(Instant now) {
        Instant horizon = now.plus(Duration.ofDays(dueSoon.workingDays() * 2L + 16));
        List<OpenStep> candidates = jdbc.sql("""
                select s.id, d.code, s.agency_code, s.name, s.role, s.assignee, s.due_at
                  from dossier_step s join dossier d on d.id = s.dossier_id
                 where s.ended_at is null and d.status = 4 and s.due_at >= :now and s.due_at < :horizon
                   and not exists (select 1 from processing_step_warning w where w.step_id = s.id)
                 order by s.due_at, s.id""")
                .param("now", Timestamp.from(now)).param("horizon", Timestamp.from(horizon))
                .query((rs, n) -> new OpenStep(rs.getLong("id"), rs.getString("code"), rs.getString("agency_code"),
                        rs.getString("name"), rs.getString("role"), rs.getString("assignee"),
                        rs.getTimestamp("due_at").toInstant()))
                .list();
        Map<String, Instant> limits = new HashMap<>();
        int warned = 0;
        for (OpenStep step : candidates) {
            Instant limit = limits.computeIfAbsent(step.agencyCode(), agency -> dueSoon.limit(now, agency));
            if (!step.dueAt().isAfter(limit) && Boolean.TRUE.equals(transactions.execute(status -> warn(step, now)))) {
                warned++;
            }
        }
        return warned;
    }

    private boolean warn(OpenStep step, Instant now) {
        List<String> recipients = step.assignee() != null
                ? contacts.email(step.assignee()).map(List::of).orElse(List.of())
                : contacts.officerEmails(step.agencyCode(), Set.of(Role.valueOf(step.role())));
        int inserted = jdbc.sql("""
                insert into processing_step_warning(step_id, warned_at, recipients) values (?, ?, ?)
                on conflict do nothing""").params(step.id(), Timestamp.from(now), recipients.size()).update();
        if (inserted == 0) {
            return false;
        }
        Object[] args = {step.code(), step.stepName(), TIME.format(step.dueAt().atZone(VietnamTime.ZONE)),
                publicUrl + "/reception/dossiers/" + step.code()};
        String subject = messages.getMessage("processing.mail.step-warning.subject", args, VIETNAMESE);
        String body = messages.getMessage("processing.mail.step-warning.body", args, VIETNAMESE);
        recipients.forEach(address -> outbox.queue(address, subject, body));
        return true;
    }
}
