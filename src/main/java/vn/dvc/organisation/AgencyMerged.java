package vn.dvc.organisation;

import java.time.LocalDate;

/** The agency ceased on {@code effective}; {@code successorCode} took over its work (and its dossiers). */
public record AgencyMerged(String code, String successorCode, LocalDate effective) {
}
