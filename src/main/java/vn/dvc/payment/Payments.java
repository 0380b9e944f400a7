package vn.dvc.payment;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The payments, by order reference or by dossier. */
@Repository
public class Payments {

    private static final String COLUMNS = """
            id, order_ref, dossier_code, agency_code, tmn_code, amount_vnd, purpose, status, gateway_txn_no,
            bank_code, response_code, paid_at, expires_at, created_at, updated_at, kind, request_id, settled_by""";

    static final RowMapper<Payment> ROW = Payments::map;

    private final JdbcClient jdbc;
    private final tools.jackson.databind.json.JsonMapper json;

    Payments(JdbcClient jdbc, tools.jackson.databind.json.JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public Optional<Payment> findByOrderRef(String orderRef) {
        return jdbc.sql("select " + COLUMNS + " from payment where order_ref = ?").param(orderRef).query(ROW)
                .optional();
    }

    /** The payments of a dossier, newest first. */
    public List<Payment> ofDossier(String dossierCode) {
        return jdbc.sql("select " + COLUMNS + " from payment where dossier_code = ? order by id desc")
                .param(dossierCode).query(ROW).list();
    }

    /** The items a payment pays (printed on its e-receipt). */
    List<DossierFees.FeeItem> items(long paymentId) {
        String items = jdbc.sql("select fee_items::text from payment where id = ?").param(paymentId).query(String.class)
                .single();
        return java.util.Arrays.asList(json.readValue(items, DossierFees.FeeItem[].class));
    }

    /** The payment, locked until the end of the transaction (IPNs of one order queue on it). */
    Optional<Payment> lock(String orderRef) {
        return jdbc.sql("select " + COLUMNS + " from payment where order_ref = ? for update").param(orderRef)
                .query(ROW).optional();
    }

    private static Payment map(ResultSet rs, int row) throws SQLException {
        return new Payment(rs.getLong("id"), rs.getString("order_ref"), rs.getString("dossier_code"),
                rs.getString("agency_code"), rs.getString("tmn_code"), rs.getLong("amount_vnd"),
                rs.getString("purpose"), PaymentStatus.valueOf(rs.getString("status")),
                rs.getString("gateway_txn_no"), rs.getString("bank_code"), rs.getString("response_code"),
                instant(rs.getTimestamp("paid_at")), instant(rs.getTimestamp("expires_at")),
                instant(rs.getTimestamp("created_at")), instant(rs.getTimestamp("updated_at")), rs.getString("kind"),
                rs.getObject("request_id", Long.class), rs.getString("settled_by"));
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
