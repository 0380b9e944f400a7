package vn.dvc.dossier;

import java.time.Instant;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.dvc.organisation.Agencies;
import vn.dvc.organisation.Agency;

/**
 * The public lookup: what anyone holding a dossier code may learn, which is the procedure, the agency,
 * the status and the dates, and nothing about the applicant or the form. Known and unknown codes cost
 * the same indexed query and the same (usually remembered) agency-name lookup, so the answer time does
 * not tell them apart; a malformed code runs the same query (and finds nothing).
 */
@Component
class DossierLookup {

    record Found(String dossierCode, String procedureCode, String procedureName, String agencyCode, String agencyName,
            DossierStatus status, Instant submittedAt, Instant receivedAt, Instant dueAt, Instant finishedAt,
            Instant returnedAt) {
    }

    private static final String PROVINCE = "000.00.00.H21";

    private static final java.time.Duration NAME_TTL = java.time.Duration.ofMinutes(5);

    private record CachedName(String name, Instant expires) {
    }

    private final JdbcClient jdbc;
    private final Agencies agencies;
    private final java.time.Clock clock;
    private final java.util.Map<String, CachedName> names = new java.util.concurrent.ConcurrentHashMap<>();

    DossierLookup(JdbcClient jdbc, Agencies agencies, java.time.Clock clock) {
        this.jdbc = jdbc;
        this.agencies = agencies;
        this.clock = clock;
    }

    /** A code as typed, the way codes are stored (surrounding spaces dropped, letters upper case). */
    static String normalise(String code) {
        return code == null ? "" : code.strip().toUpperCase(java.util.Locale.ROOT);
    }

    Optional<Found> find(String code) {
        String normalised = normalise(code);
        Optional<Found> found = jdbc.sql("""
                select code, procedure_code, procedure_name, agency_code, status, submitted_at, received_at, due_at,
                       finished_at, returned_at
                  from dossier where code = ?""").param(normalised)
                .query((rs, n) -> new Found(rs.getString("code"), rs.getString("procedure_code"),
                        rs.getString("procedure_name"), rs.getString("agency_code"), null,
                        DossierStatus.ofNational(rs.getInt("status")), Dossiers.instant(rs, "submitted_at"),
                        Dossiers.instant(rs, "received_at"), Dossiers.instant(rs, "due_at"),
                        Dossiers.instant(rs, "finished_at"), Dossiers.instant(rs, "returned_at")))
                .optional();
        // The agency's current name, for unknown codes too (the province's), to keep the work equal.
        String agencyName = agencyName(found.map(Found::agencyCode).orElse(PROVINCE));
        return found.map(f -> new Found(f.dossierCode(), f.procedureCode(), f.procedureName(), f.agencyCode(),
                agencyName, f.status(), f.submittedAt(), f.receivedAt(), f.dueAt(), f.finishedAt(), f.returnedAt()));
    }

    /** Agencies' names change rarely (a merger, a renaming): remembered for a few minutes. */
    private String agencyName(String agencyCode) {
        Instant now = clock.instant();
        CachedName cached = names.get(agencyCode);
        if (cached != null && cached.expires().isAfter(now)) {
            return cached.name();
        }
        String name = agencies.find(agencyCode).map(Agency::name).orElse(agencyCode);
        if (names.size() < 10_000) {
            names.put(agencyCode, new CachedName(name, now.plus(NAME_TTL)));
        }
        return name;
    }
}
