package vn.dvc.dossier;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.dvc.shared.ConflictException;

/**
 * Dossier codes of Circular 01/2018 art. 19: {@code <agency code>-YYMMDD-NNNN}, NNNN the sequence of
 * dossiers received that day at that agency. The number is taken inside the submitting transaction
 * by an upsert on {@code dossier_sequence}: concurrent submissions to one agency wait for each other
 * on that row, and a rolled-back submission gives its number back, so numbers are unique and
 * consecutive.
 */
@Component
class DossierCodes {

    static final Pattern CODE = Pattern.compile("^\\d{3}\\.\\d{2}\\.\\d{2}\\.[A-Z]\\d{2}-\\d{6}-\\d{4}$");
    static final int MAX_PER_DAY = 9999;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyMMdd");

    private final JdbcClient jdbc;

    DossierCodes(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The next code for the agency and day; must run inside the transaction that saves the dossier. */
    String next(String agencyCode, LocalDate receiptDay) {
        int number = jdbc.sql("""
                insert into dossier_sequence(agency_code, receipt_date, last_value) values (?, ?, 1)
                on conflict (agency_code, receipt_date) do update set last_value = dossier_sequence.last_value + 1
                returning last_value""").params(agencyCode, receiptDay).query(Integer.class).single();
        if (number > MAX_PER_DAY) {
            throw new ConflictException("dossier.code.exhausted", agencyCode);
        }
        return format(agencyCode, receiptDay, number);
    }

    static String format(String agencyCode, LocalDate day, int number) {
        return agencyCode + "-" + DAY.format(day) + "-" + String.format("%04d", number);
    }

    static boolean wellFormed(String code) {
        return code != null && CODE.matcher(code).matches();
    }
}
