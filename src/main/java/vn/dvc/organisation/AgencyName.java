package vn.dvc.organisation;

import java.time.LocalDate;

/** A name an agency bore during [{@code validFrom}, {@code validTo}); {@code validTo} null while current. */
public record AgencyName(String name, String shortName, LocalDate validFrom, LocalDate validTo) {
}
