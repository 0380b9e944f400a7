package vn.dvc.result;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code electronic_result} table and its per-dossier numbering. */
@Repository
class ResultRecords {

    private static final String COLUMNS = """
            select result_code, dossier_code, number, agency_code, agency_name, procedure_name, signer_subject,
                   document_id, file_sha256, size_bytes, generated, issued_by, signed_at
              from electronic_result""";

    private final JdbcClient jdbc;

    ResultRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The next number of the dossier's results, in the caller's transaction: concurrent issues for one
     * dossier queue on the sequence row, and a rolled-back issue gives its number back.
     */
    int nextNumber(long dossierId) {
        return jdbc.sql("""
                insert into electronic_result_sequence (dossier_id, last_value) values (?, 1)
                on conflict (dossier_id) do update set last_value = electronic_result_sequence.last_value + 1
                returning last_value""").param(dossierId).query(Integer.class).single();
    }

    void insert(long dossierId, ElectronicResult r, String certificateSha256) {
        jdbc.sql("""
                insert into electronic_result (result_code, dossier_id, dossier_code, number, agency_code, agency_name,
                    procedure_name, signer_subject, signer_certificate_sha256, document_id, file_sha256, size_bytes,
                    generated, issued_by, signed_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(r.resultCode(), dossierId, r.dossierCode(), r.number(), r.agencyCode(), r.agencyName(),
                        r.procedureName(), r.signerSubject(), certificateSha256, r.documentId(), r.sha256(), r.size(),
                        r.generated(), r.issuedBy(), Timestamp.from(r.signedAt()))
                .update();
    }

    Optional<ElectronicResult> find(String resultCode) {
        return jdbc.sql(COLUMNS + " where result_code = ?").param(resultCode).query(ResultRecords::map).optional();
    }

    Optional<ElectronicResult> findBySha256(String sha256) {
        return jdbc.sql(COLUMNS + " where file_sha256 = ? order by signed_at limit 1").param(sha256)
                .query(ResultRecords::map).optional();
    }

    boolean signedWith(String certificateSha256) {
        return jdbc.sql("select exists (select 1 from electronic_result where signer_certificate_sha256 = ?)")
                .param(certificateSha256).query(Boolean.class).single();
    }

    List<ElectronicResult> ofDossier(String dossierCode) {
        return jdbc.sql(COLUMNS + " where dossier_code = ? order by number").param(dossierCode)
                .query(ResultRecords::map).list();
    }

    private static ElectronicResult map(ResultSet rs, int row) throws SQLException {
        String subject = rs.getString("signer_subject");
        return new ElectronicResult(rs.getString("result_code"), rs.getString("dossier_code"), rs.getInt("number"),
                rs.getString("agency_code"), rs.getString("agency_name"), rs.getString("procedure_name"), subject,
                commonName(subject), rs.getObject("document_id", UUID.class), rs.getString("file_sha256"),
                rs.getLong("size_bytes"), rs.getBoolean("generated"), rs.getString("issued_by"),
                rs.getTimestamp("signed_at").toInstant());
    }

    /** The CN of an RFC 2253 subject, for display. */
    static String commonName(String subject) {
        try {
            for (javax.naming.ldap.Rdn rdn : new javax.naming.ldap.LdapName(subject).getRdns()) {
                if ("CN".equalsIgnoreCase(rdn.getType())) {
                    return rdn.getValue().toString();
                }
            }
        } catch (javax.naming.InvalidNameException e) {
            // fall through: show the subject as it is
        }
        return subject;
    }
}
