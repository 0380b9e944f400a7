package vn.dvc.payment;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.dvc.dossier.Dossier;
import vn.dvc.dossier.DossierTransitions;
import vn.dvc.dossier.Dossiers;
import vn.dvc.identity.AccountPrincipal;
import vn.dvc.identity.Role;
import vn.dvc.shared.InvalidInputException;
import vn.dvc.shared.NotFoundException;
import vn.dvc.shared.ProblemException.FieldProblem;
import vn.dvc.shared.VietnamTime;

/**
 * An officer's request for an additional amount (status 6, "yêu cầu thực hiện nghĩa vụ tài chính"): the
 * dossier moves to 6 through {@link DossierTransitions#requestPayment} (timeline and the applicant's mail) and
 * the amount to pay is recorded in {@code payment_request}, in one transaction. The request is settled when the
 * gateway confirms its payment (IPN or reconciliation); the dossier then goes back to 4.
 */
@Service
public class PaymentRequests {

    /** The largest amount an officer may request (a typing error guard): one billion đồng. */
    static final long MAX_AMOUNT = 1_000_000_000L;

    /** One request, as stored; {@code paidAt} null while open. */
    public record PaymentRequest(long id, String dossierCode, String agencyCode, long amountVnd, String reason,
            Instant dueAt, String requestedBy, Instant requestedAt, Instant paidAt) {

        public boolean open() {
            return paidAt == null;
        }
    }

    private final JdbcClient jdbc;
    private final DossierTransitions transitions;
    private final Dossiers dossiers;
    private final Clock clock;

    PaymentRequests(JdbcClient jdbc, DossierTransitions transitions, Dossiers dossiers, Clock clock) {
        this.dossiers = dossiers;
        this.jdbc = jdbc;
        this.transitions = transitions;
        this.clock = clock;
    }

    /**
     * The officer (reception officer, specialist or leader of the dossier's agency) asks for {@code amountVnd}
     * for {@code reason}, to be paid by the end of {@code deadline} (Vietnam time). Bad input changes nothing;
     * another agency's dossier is not found; a dossier not received or not in processing is a conflict.
     */
    @Transactional
    public Dossier request(String dossierCode, AccountPrincipal officer, Long amountVnd, String reason,
            LocalDate deadline) {
        String agency = officerAgency(officer);
        dossiers.findAtAgency(dossierCode, agency)
                .orElseThrow(() -> new NotFoundException("dossier.not-found", dossierCode));
        List<FieldProblem> problems = new ArrayList<>();
        if (amountVnd == null || amountVnd <= 0 || amountVnd > MAX_AMOUNT) {
            problems.add(new FieldProblem("amountVnd", "payment.request.amount-invalid"));
        }
        if (reason == null || reason.isBlank()) {
            problems.add(new FieldProblem("reason", "payment.request.reason-required"));
        } else if (reason.length() > 1000) {
            problems.add(new FieldProblem("reason", "payment.request.reason-too-long", 1000));
        }
        LocalDate today = clock.instant().atZone(VietnamTime.ZONE).toLocalDate();
        if (deadline == null || deadline.isBefore(today)) {
            problems.add(new FieldProblem("deadline", "payment.request.deadline-invalid"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        Instant due = deadline.atTime(LocalTime.of(23, 59)).atZone(VietnamTime.ZONE).toInstant();
        Dossier dossier = transitions.requestPayment(dossierCode, agency, officer.getUsername(), amountVnd,
                reason.strip(), due);
        jdbc.sql("""
                insert into payment_request(dossier_code, agency_code, amount_vnd, reason, due_at, requested_by,
                                            requested_at)
                values (?, ?, ?, ?, ?, ?, ?)""")
                .params(dossier.code(), dossier.agencyCode(), amountVnd, reason.strip(), Timestamp.from(due),
                        officer.getUsername(), Timestamp.from(clock.instant()))
                .update();
        return dossier;
    }

    /** The open request of a dossier, if any. */
    public Optional<PaymentRequest> open(String dossierCode) {
        return jdbc.sql("select * from payment_request where dossier_code = ? and paid_at is null")
                .param(dossierCode).query(PaymentRequests::map).optional();
    }

    /** Every request of a dossier, newest first. */
    public List<PaymentRequest> ofDossier(String dossierCode) {
        return jdbc.sql("select * from payment_request where dossier_code = ? order by id desc")
                .param(dossierCode).query(PaymentRequests::map).list();
    }

    Optional<PaymentRequest> find(long id) {
        return jdbc.sql("select * from payment_request where id = ?").param(id).query(PaymentRequests::map).optional();
    }

    /** Settles the request (in the settling payment's transaction). */
    void settle(long id, Instant paidAt) {
        jdbc.sql("update payment_request set paid_at = ? where id = ? and paid_at is null")
                .params(Timestamp.from(paidAt), id).update();
    }

    /** The agency of an officer who may act on dossiers; others are denied. */
    static String officerAgency(AccountPrincipal officer) {
        if (officer == null || officer.agencyCode() == null
                || !(officer.has(Role.RECEPTION_OFFICER) || officer.has(Role.SPECIALIST) || officer.has(Role.LEADER))) {
            throw new AccessDeniedException("not an officer of an agency");
        }
        return officer.agencyCode();
    }

    private static PaymentRequest map(ResultSet rs, int row) throws SQLException {
        Timestamp paid = rs.getTimestamp("paid_at");
        return new PaymentRequest(rs.getLong("id"), rs.getString("dossier_code"), rs.getString("agency_code"),
                rs.getLong("amount_vnd"), rs.getString("reason"), rs.getTimestamp("due_at").toInstant(),
                rs.getString("requested_by"), rs.getTimestamp("requested_at").toInstant(),
                paid == null ? null : paid.toInstant());
    }
}
