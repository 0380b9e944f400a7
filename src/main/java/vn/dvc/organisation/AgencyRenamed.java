package vn.dvc.organisation;

import java.time.LocalDate;

/** The agency bears {@code newName} from {@code effective}; its code does not change. */
public record AgencyRenamed(String code, String oldName, String newName, LocalDate effective) {
}
