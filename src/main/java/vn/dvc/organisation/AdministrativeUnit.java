package vn.dvc.organisation;

import java.time.LocalDate;

/**
 * A province, district or commune as it was during [{@code validFrom}, {@code validTo}), with its GSO
 * code. Codes are reused over time, so a unit is identified by its code and a day.
 */
public record AdministrativeUnit(String code, String name, String unitType, Level level, String parentCode,
        LocalDate validFrom, LocalDate validTo) {

    public enum Level {
        PROVINCE, DISTRICT, COMMUNE
    }

    /** An earlier unit this one was formed from; {@code partial} when only part of it came over. */
    public record Predecessor(AdministrativeUnit unit, boolean partial) {
    }
}
