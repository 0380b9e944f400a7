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
 * the same two indexed queries, so the answer time does not tell them apart; a malformed code runs
 * the same query (and finds nothing).
 */
@Component
class DossierLookup {

    record Found(String dossierCode, String procedureCode, String procedureName, String agencyCode, String agencyName,
            DossierStatus status, Instant submittedAt, Instant receivedAt, Instant dueAt, Instant finishedAt,
            Instant returnedAt) {
    }

    private static final String PROVINCE = "000.00.00.H21";

    private final JdbcClient jdbc;
    private final Agencies agencies;

    DossierLookup(JdbcClient jdbc, Agencies agencies) {
        this.jdbc = jdbc;
        this.agencies = agencies;
    }

    Optional<Found> find(String code) {
        String normalised = code == null ? "" : code.strip().toUpperCase(java.util.Locale.ROOT);
        Optional<Dossier> dossier = jdbc.sql(Dossiers.COLUMNS + " where d.code = ?").param(normalised)
                .query(Dossiers::map).optional();
        // The agency's current name: looked up for unknown codes too (the province), to keep the work equal.
        String agencyCode = dossier.map(Dossier::agencyCode).orElse(PROVINCE);
        String agencyName = agencies.find(agencyCode).map(Agency::name).orElse(agencyCode);
        return dossier.map(d -> new Found(d.code(), d.procedureCode(), d.procedureName(), d.agencyCode(), agencyName,
                d.status(), d.submittedAt(), d.receivedAt(), d.dueAt(), d.finishedAt(), d.returnedAt()));
    }
}
