package vn.dvc.organisation;

import java.time.LocalDate;

/**
 * An agency as it stands now (or stood until {@code validTo}).
 *
 * @param code QCVN 102:2016 code {@code VVV.ZZ.YY.H21}, printed in every dossier code of the agency
 * @param successorCode the agency that took over when this one was merged into it
 * @param demo true when the code or details were assigned for the demo rather than taken from a source
 */
public record Agency(String code, String name, String shortName, AgencyLevel level, String parentCode,
        String unitCode, String address, String phone, String email, String website, LocalDate validFrom,
        LocalDate validTo, String successorCode, boolean demo) {

    /** The pattern of RULES.md §2 for agency codes. */
    public static final String CODE_PATTERN = "^\\d{3}\\.\\d{2}\\.\\d{2}\\.[A-Z]\\d{2}$";

    public boolean activeOn(LocalDate day) {
        return !validFrom.isAfter(day) && (validTo == null || validTo.isAfter(day));
    }
}
