package vn.dvc.reception;

import java.time.Instant;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import vn.dvc.calendar.WorkingCalendar;
import vn.dvc.shared.VietnamTime;

/**
 * When a dossier counts as due soon: its due time is at most {@code app.reception.due-soon-working-days}
 * working days (of the agency's working hours, one day = 8 working hours by default) away. The queue marks
 * and filters such dossiers, and the deadline module warns their officers by mail at that moment.
 */
@Component
public class DueSoon {

    private final WorkingCalendar calendar;
    private final int workingDays;

    DueSoon(WorkingCalendar calendar, @Value("${app.reception.due-soon-working-days:1}") int workingDays) {
        if (workingDays < 0) {
            throw new IllegalArgumentException("app.reception.due-soon-working-days cannot be negative");
        }
        this.calendar = calendar;
        this.workingDays = workingDays;
    }

    /** The lead time in working days. */
    public int workingDays() {
        return workingDays;
    }

    /** A dossier of this agency due at or before the moment answered is due soon at {@code now}. */
    public Instant limit(Instant now, String agencyCode) {
        return calendar.addWorkingTime(now.atZone(VietnamTime.ZONE), calendar.workingDay().multipliedBy(workingDays),
                agencyCode).toInstant();
    }

    /** Whether a due time is not yet past at {@code now} but within the lead time. */
    public boolean isDueSoon(Instant dueAt, Instant now, String agencyCode) {
        return dueAt != null && !dueAt.isBefore(now) && !dueAt.isAfter(limit(now, agencyCode));
    }
}
