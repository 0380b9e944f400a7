package vn.dvc.organisation;

import java.time.LocalDate;

/** A new agency exists from {@code effective}. */
public record AgencyCreated(String code, AgencyLevel level, String parentCode, LocalDate effective) {
}
