package vn.dvc.deadline;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import vn.dvc.dossier.Dossier;
import vn.dvc.shared.VietnamTime;

/**
 * What other modules and pages read about a dossier's deadline: early / on time / late, the apology and new
 * appointment, how the result was returned.
 */
@Service
public class Deadlines {

    private final JdbcClient jdbc;

    Deadlines(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Early, on time or late for a finished dossier, empty while it is not finished. Compared on Vietnam dates
     * with the original due date (an apology's new appointment does not make a late dossier on time), as the
     * statistics count it: finished before the due day is early, on it on time, after it late; a dossier without
     * a due date is on time.
     */
    public Optional<Timeliness> timeliness(Dossier dossier) {
        return timeliness(dossier.finishedAt(), dossier.dueAt());
    }

    /** As {@link #timeliness(Dossier)} for a finish time and a due time. */
    public static Optional<Timeliness> timeliness(Instant finishedAt, Instant dueAt) {
        if (finishedAt == null) {
            return Optional.empty();
        }
        if (dueAt == null) {
            return Optional.of(Timeliness.ON_TIME);
        }
        LocalDate finished = finishedAt.atZone(VietnamTime.ZONE).toLocalDate();
        LocalDate due = dueAt.atZone(VietnamTime.ZONE).toLocalDate();
        return Optional.of(finished.isBefore(due) ? Timeliness.EARLY
                : finished.isEqual(due) ? Timeliness.ON_TIME : Timeliness.LATE);
    }

    /** The due time the agency works to: the apology's new appointment if there is one, else the due date. */
    public Instant currentDueAt(Dossier dossier) {
        return apology(dossier.id()).map(Apology::newDueAt).orElse(dossier.dueAt());
    }

    /** The apology and new appointment of the dossier, if one was issued. */
    public Optional<Apology> apology(long dossierId) {
        return jdbc.sql("""
                select dossier_id, agency_code, reason, original_due_at, new_due_at, issued_at, officer, officer_name
                  from deadline_apology where dossier_id = ?""").param(dossierId)
                .query((rs, n) -> new Apology(rs.getLong("dossier_id"), rs.getString("agency_code"),
                        rs.getString("reason"), instant(rs, "original_due_at"), instant(rs, "new_due_at"),
                        instant(rs, "issued_at"), rs.getString("officer"), rs.getString("officer_name")))
                .optional();
    }

    /** How the result was returned, once it was. */
    public Optional<Delivery> delivery(long dossierId) {
        return jdbc.sql("""
                select dossier_id, agency_code, method, address, tracking_number, postal_status, returned_at, officer,
                       status_updated_at
                  from deadline_delivery where dossier_id = ?""").param(dossierId)
                .query((rs, n) -> new Delivery(rs.getLong("dossier_id"), rs.getString("agency_code"),
                        ReturnMethod.valueOf(rs.getString("method")), rs.getString("address"),
                        rs.getString("tracking_number"),
                        rs.getString("postal_status") == null ? null : PostalStatus.valueOf(rs.getString("postal_status")),
                        instant(rs, "returned_at"), rs.getString("officer"), instant(rs, "status_updated_at")))
                .optional();
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
