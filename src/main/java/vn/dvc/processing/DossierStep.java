package vn.dvc.processing;

import java.time.Instant;
import java.time.LocalDate;

import vn.dvc.identity.Role;
import vn.dvc.shared.VietnamTime;

/**
 * One stay of a dossier at a step of its process: handed over by {@code startedBy} at {@code startedAt} to
 * {@code assignee} (null while it waits in the pool of the role), due at {@code dueAt}, ended (or not yet) by
 * {@code endedBy} with an outcome and a note (the reason of a sending back).
 */
public record DossierStep(long id, long dossierId, int ordinal, String name, Role role, String assignee,
        Instant startedAt, String startedBy, Instant dueAt, Instant endedAt, String endedBy, Outcome outcome,
        String note) {

    /** How a step ended. */
    public enum Outcome {
        /** Handed to the next step. */
        FORWARDED,
        /** Sent back to the previous step, with a reason. */
        SENT_BACK,
        /** Handed to another officer of the same role; the step goes on with the same due time. */
        REASSIGNED,
        /** The leader approved: the dossier is finished. */
        APPROVED,
        /** The dossier's processing was stopped (status 8, ADR 0029): no step follows. */
        STOPPED
    }

    /** A step against its due time: ended early (before the due day), on time, late; or open in time, overdue. */
    public enum Timeliness { EARLY, ON_TIME, LATE, IN_TIME, OVERDUE }

    public boolean open() {
        return endedAt == null;
    }

    /** Early, on time or late once ended (Vietnam days, as for dossiers); in time or overdue while open. */
    public Timeliness timeliness(Instant now) {
        if (endedAt == null) {
            return now.isAfter(dueAt) ? Timeliness.OVERDUE : Timeliness.IN_TIME;
        }
        if (endedAt.isAfter(dueAt)) {
            return Timeliness.LATE;
        }
        LocalDate ended = endedAt.atZone(VietnamTime.ZONE).toLocalDate();
        LocalDate due = dueAt.atZone(VietnamTime.ZONE).toLocalDate();
        return ended.isBefore(due) ? Timeliness.EARLY : Timeliness.ON_TIME;
    }
}
