package vn.dvc.organisation;

import java.time.LocalDate;

/** The agency ceased on {@code effective} without a successor. */
public record AgencyDissolved(String code, LocalDate effective) {
}
