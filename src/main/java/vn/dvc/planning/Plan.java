package vn.dvc.planning;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A year's plan: the registration cycle of the services to bring to level 4 that year.
 *
 * @param registrationDeadline the last day (Vietnam time) on which agencies may register
 */
public record Plan(int year, PlanStatus status, LocalDate registrationDeadline, Instant createdAt, String createdBy,
        Instant consolidatedAt, Instant approvedAt, Instant publishedAt) {

    /** Agencies may register on this day: registration is open and the deadline has not passed. */
    public boolean acceptsRegistrationsOn(LocalDate day) {
        return status == PlanStatus.REGISTRATION_OPEN && !day.isAfter(registrationDeadline);
    }

    public boolean published() {
        return status == PlanStatus.PUBLISHED;
    }
}
