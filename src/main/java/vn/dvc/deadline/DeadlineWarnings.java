package vn.dvc.deadline;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumSet;
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
 * Warns the officers of an agency (the roles of {@code app.deadline.warning-roles}) by mail when one of its
 * dossiers in processing (status 2 or 4) comes within the lead time of its due time ({@link DueSoon}, one working
 * day by default): once per dossier and due time, so an apology's new appointment is warned about again. Runs
 * every {@code app.deadline.warning-interval}; {@link #warn(Instant)} is the same run at a given moment.
 */
@Component
public class DeadlineWarnings {

    private static final Logger log = LoggerFactory.getLogger(DeadlineWarnings.class);
    private static final Locale VIETNAMESE = Locale.forLanguageTag("vi");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm dd/MM/yyyy");

    private record Candidate(long id, String code, String agencyCode, String procedureName, Instant dueAt) {
    }

    private final JdbcClient jdbc;
    private final DueSoon dueSoon;
    private final AccountContacts contacts;
    private final MailOutbox outbox;
    private final MessageSource messages;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final Set<Role> roles;
    private final String publicUrl;

    DeadlineWarnings(JdbcClient jdbc, DueSoon dueSoon, AccountContacts contacts, MailOutbox outbox,
            MessageSource messages, PlatformTransactionManager transactionManager, Clock clock,
            @Value("${app.deadline.warning-roles:RECEPTION_OFFICER,SPECIALIST,LEADER}") List<Role> roles,
            @Value("${app.public-url:http://localhost:8080}") String publicUrl) {
        this.jdbc = jdbc;
        this.dueSoon = dueSoon;
        this.contacts = contacts;
        this.outbox = outbox;
        this.messages = messages;
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = clock;
        this.roles = roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    }

    @Scheduled(fixedDelayString = "${app.deadline.warning-interval:PT15M}", initialDelayString = "PT1M")
    void run() {
        int warned = warn(clock.instant());
        if (warned > 0) {
            log.info("Warned the officers of {} dossiers due soon", warned);
        }
    }

    /**
     * Warns about every dossier due soon at {@code now} and not yet warned about for its current due time; answers
     * how many dossiers were warned about. Each dossier is recorded and mailed in its own transaction.
     */
    public int warn(Instant now) {
        // Candidates: due from now up to a span that surely covers the lead time (weekends, Tết); the exact
        // limit is the agency's own working time, computed below.
        Instant horizon = now.plus(Duration.ofDays(dueSoon.workingDays() * 2L + 16));
        List<Candidate> candidates = jdbc.sql("""
                select d.id, d.code, d.agency_code, d.procedure_name, coalesce(a.new_due_at, d.due_at) as due
                  from dossier d left join deadline_apology a on a.dossier_id = d.id
                 where d.status in (2, 4) and coalesce(a.new_due_at, d.due_at) >= :now
                   and coalesce(a.new_due_at, d.due_at) < :horizon
                   and not exists (select 1 from deadline_warning w
                                    where w.dossier_id = d.id and w.due_at = coalesce(a.new_due_at, d.due_at))
                 order by due, d.id""")
                .param("now", Timestamp.from(now)).param("horizon", Timestamp.from(horizon))
                .query((rs, n) -> new Candidate(rs.getLong("id"), rs.getString("code"), rs.getString("agency_code"),
                        rs.getString("procedure_name"), rs.getTimestamp("due").toInstant()))
                .list();
        Map<String, Instant> limits = new HashMap<>();
        List<Candidate> due = new ArrayList<>();
        for (Candidate c : candidates) {
            Instant limit = limits.computeIfAbsent(c.agencyCode(), agency -> dueSoon.limit(now, agency));
            if (!c.dueAt().isAfter(limit)) {
                due.add(c);
            }
        }
        int warned = 0;
        for (Candidate c : due) {
            Boolean done = transactions.execute(status -> warn(c, now));
            if (Boolean.TRUE.equals(done)) {
                warned++;
            }
        }
        return warned;
    }

    private boolean warn(Candidate c, Instant now) {
        List<String> recipients = contacts.officerEmails(c.agencyCode(), roles);
        int inserted = jdbc.sql("""
                insert into deadline_warning(dossier_id, due_at, warned_at, recipients) values (?, ?, ?, ?)
                on conflict do nothing""")
                .params(c.id(), Timestamp.from(c.dueAt()), Timestamp.from(now), recipients.size()).update();
        if (inserted == 0) {
            return false;
        }
        Object[] args = {c.code(), c.procedureName(), TIME.format(c.dueAt().atZone(VietnamTime.ZONE)),
                publicUrl + "/reception/dossiers/" + c.code()};
        String subject = messages.getMessage("deadline.mail.warning.subject", args, VIETNAMESE);
        String body = messages.getMessage("deadline.mail.warning.body", args, VIETNAMESE);
        recipients.forEach(address -> outbox.queue(address, subject, body));
        return true;
    }
}
