package vn.dvc.organisation;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/** One entry of an agency's audit trail: what changed, from when, and who recorded it. */
public record AgencyChange(Kind kind, LocalDate effective, String detail, String actor, OffsetDateTime recordedAt) {

    public enum Kind {
        CREATED, RENAMED, UPDATED, MERGED, DISSOLVED
    }
}
