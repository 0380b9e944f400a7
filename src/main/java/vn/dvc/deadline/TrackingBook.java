package vn.dvc.deadline;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import vn.dvc.dossier.DossierStatus;
import vn.dvc.shared.InvalidInputException;
import vn.dvc.shared.ProblemException.FieldProblem;
import vn.dvc.shared.VietnamTime;

/**
 * The tracking book of a reception desk (sổ theo dõi hồ sơ, Circular 01/2018 form 06): one line per dossier the
 * agency received in a period (Vietnam dates, at most a year), in order of receipt. A read-only report over the
 * dossier, reception and deadline tables.
 */
@Service
public class TrackingBook {

    /** At most this many days in one book. */
    static final int MAX_DAYS = 366;

    /** The period of a book, both days included. */
    public record Period(LocalDate from, LocalDate to) {
    }

    /** One line of the book. {@code number} is the receipt's serial number (form 01), null if it has none. */
    public record Line(Integer number, String dossierCode, String procedureName, String applicantName,
            String applicantAddress, String applicantPhone, Instant receivedAt, Instant dueAt, Instant handedOverAt,
            Instant finishedAt, Instant returnedAt, DossierStatus status, Timeliness timeliness, Instant newDueAt,
            ReturnMethod returnMethod, String trackingNumber) {
    }

    private final JdbcClient jdbc;

    TrackingBook(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The period from two {@code yyyy-MM-dd} texts; bad, reversed or too long periods are refused (400). */
    public static Period period(String from, String to) {
        List<FieldProblem> problems = new ArrayList<>();
        LocalDate f = date(from, "from", problems);
        LocalDate t = date(to, "to", problems);
        if (problems.isEmpty() && t.isBefore(f)) {
            problems.add(new FieldProblem("to", "deadline.book.period-reversed"));
        } else if (problems.isEmpty() && ChronoUnit.DAYS.between(f, t) >= MAX_DAYS) {
            problems.add(new FieldProblem("to", "deadline.book.period-too-long", MAX_DAYS));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return new Period(f, t);
    }

    private static LocalDate date(String text, String field, List<FieldProblem> problems) {
        if (text == null || text.isBlank()) {
            problems.add(new FieldProblem(field, "deadline.book.date-required"));
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            problems.add(new FieldProblem(field, "deadline.book.date-invalid"));
            return null;
        }
    }

    /**
     * The lines of the agency's book for the period. "Handed over to processing" is the first time the dossier
     * entered processing (status 4) in its timeline; the due date is the original one (an apology's new
     * appointment is in {@code newDueAt}).
     */
    public List<Line> lines(String agencyCode, Period period) {
        Instant start = period.from().atStartOfDay(VietnamTime.ZONE).toInstant();
        Instant end = period.to().plusDays(1).atStartOfDay(VietnamTime.ZONE).toInstant();
        return jdbc.sql("""
                select r.number, d.code, d.procedure_name, d.on_behalf, d.represented_name,
                       coalesce(p.full_name, a.full_name) as applicant_name, p.address, p.phone,
                       d.received_at, d.due_at, d.finished_at, d.returned_at, d.status,
                       (select min(e.occurred_at) from dossier_event e
                         where e.dossier_id = d.id and e.to_status = 4) as handed_over_at,
                       ap.new_due_at, dl.method, dl.tracking_number
                  from dossier d
                  join account a on a.id = d.applicant_id
                  left join applicant p on p.account_id = d.applicant_id
                  left join reception_receipt r on r.dossier_id = d.id
                  left join deadline_apology ap on ap.dossier_id = d.id
                  left join deadline_delivery dl on dl.dossier_id = d.id
                 where d.agency_code = :agency and d.received_at >= :start and d.received_at < :end
                 order by d.received_at, d.id""")
                .param("agency", agencyCode).param("start", Timestamp.from(start)).param("end", Timestamp.from(end))
                .query((rs, n) -> {
                    Instant finished = Deadlines.instant(rs, "finished_at");
                    Instant due = Deadlines.instant(rs, "due_at");
                    String name = rs.getString("applicant_name");
                    if (rs.getBoolean("on_behalf") && rs.getString("represented_name") != null) {
                        name = rs.getString("represented_name") + " (" + name + ")";
                    }
                    return new Line((Integer) rs.getObject("number"), rs.getString("code"),
                            rs.getString("procedure_name"), name, rs.getString("address"), rs.getString("phone"),
                            Deadlines.instant(rs, "received_at"), due, Deadlines.instant(rs, "handed_over_at"),
                            finished, Deadlines.instant(rs, "returned_at"), DossierStatus.ofNational(rs.getInt("status")),
                            Deadlines.timeliness(finished, due).orElse(null), Deadlines.instant(rs, "new_due_at"),
                            rs.getString("method") == null ? null : ReturnMethod.valueOf(rs.getString("method")),
                            rs.getString("tracking_number"));
                })
                .list();
    }
}
