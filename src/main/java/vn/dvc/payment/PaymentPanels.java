package vn.dvc.payment;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;

import org.springframework.stereotype.Component;

import vn.dvc.dossier.Dossier;
import vn.dvc.dossier.DossierLifecycle;
import vn.dvc.dossier.DossierLifecycle.Action;
import vn.dvc.dossier.Dossiers;
import vn.dvc.identity.AccountPrincipal;
import vn.dvc.identity.CurrentUser;
import vn.dvc.identity.Role;
import vn.dvc.payment.DossierFees.Assessment;
import vn.dvc.payment.PaymentRequests.PaymentRequest;
import vn.dvc.shared.VietnamTime;

/**
 * What the payment fragments on the dossier pages show ({@code templates/payment/dossier-panel.html} for the
 * applicant, {@code officer-panel.html} for the agency's officers), read by the templates as
 * {@code @paymentPanels}: the dossier module's pages include the fragments without knowing this module. Each
 * method checks the reader again: null for anyone else.
 */
@Component("paymentPanels")
class PaymentPanels {

    /** A payment as a line of the panel; {@code receiptUrl} only for a confirmed one. */
    record Line(String orderRef, String kind, long amountVnd, String status, ZonedDateTime at, String receiptUrl) {
    }

    /**
     * The applicant's panel. {@code feeState}: none, paid, due, not-yet (payable after reception),
     * undetermined (schedule choice names no fee), closed (nothing can be paid any more).
     */
    record ApplicantPanel(String code, Assessment fee, String feeState, ZonedDateTime feeDueAt, boolean feeOverdue,
            PaymentRequest openRequest, ZonedDateTime requestDueAt, boolean requestOverdue, boolean canPay,
            List<Line> payments) {

        public boolean visible() {
            return !fee.items().isEmpty() || fee.undetermined() || openRequest != null || !payments.isEmpty();
        }
    }

    /** The officer's panel: the fee and its state, the requests, the payments, and whether a request may be made. */
    record OfficerPanel(String code, Assessment fee, String feeState, List<RequestLine> requests, List<Line> payments,
            boolean canRequest, LocalDate earliestDeadline) {
    }

    record RequestLine(long amountVnd, String reason, ZonedDateTime dueAt, String requestedBy, ZonedDateTime paidAt) {
    }

    private final Dossiers dossiers;
    private final PaymentDues dues;
    private final PaymentRequests requests;
    private final Payments payments;
    private final CurrentUser currentUser;
    private final Clock clock;

    PaymentPanels(Dossiers dossiers, PaymentDues dues, PaymentRequests requests, Payments payments,
            CurrentUser currentUser, Clock clock) {
        this.dossiers = dossiers;
        this.dues = dues;
        this.requests = requests;
        this.payments = payments;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    /** The panel of the signed-in applicant's own dossier; null for another reader. */
    public ApplicantPanel applicant(String code) {
        AccountPrincipal reader = currentUser.principal().filter(p -> p.has(Role.APPLICANT)).orElse(null);
        Dossier dossier = reader == null ? null : dossiers.findOwned(code, reader.id()).orElse(null);
        if (dossier == null) {
            return null;
        }
        Assessment fee = dues.fee(dossier);
        PaymentRequest open = requests.open(code).orElse(null);
        Instant feeDue = dues.feeDeadline(dossier);
        boolean canPay = dues.payableNow(dossier).isPresent();
        return new ApplicantPanel(code, fee, feeState(dossier, fee), zoned(feeDue), dues.overdue(feeDue), open,
                open == null ? null : zoned(open.dueAt()), open != null && dues.overdue(open.dueAt()), canPay,
                lines(code));
    }

    /** The panel of a dossier of the signed-in officer's agency; null for another reader. */
    public OfficerPanel officer(String code) {
        AccountPrincipal reader = currentUser.principal().orElse(null);
        if (reader == null || reader.agencyCode() == null) {
            return null;
        }
        Dossier dossier = dossiers.findAtAgency(code, reader.agencyCode()).orElse(null);
        if (dossier == null) {
            return null;
        }
        boolean mayRequest = reader.has(Role.RECEPTION_OFFICER) || reader.has(Role.SPECIALIST)
                || reader.has(Role.LEADER);
        Assessment fee = dues.fee(dossier);
        return new OfficerPanel(code, fee, feeState(dossier, fee),
                requests.ofDossier(code).stream().map(r -> new RequestLine(r.amountVnd(), r.reason(), zoned(r.dueAt()),
                        r.requestedBy(), zoned(r.paidAt()))).toList(),
                lines(code), mayRequest && DossierLifecycle.allows(dossier.status(), Action.REQUEST_PAYMENT),
                clock.instant().atZone(VietnamTime.ZONE).toLocalDate());
    }

    private String feeState(Dossier dossier, Assessment fee) {
        if (fee.undetermined()) {
            return "undetermined";
        }
        if (fee.totalVnd() <= 0) {
            return "none";
        }
        if (dues.feePaid(dossier.code())) {
            return "paid";
        }
        if (dossier.status().closed() || dossier.status() == vn.dvc.dossier.DossierStatus.STOPPED) {
            return "closed";
        }
        return dues.feePayableNow(dossier) ? "due" : "not-yet";
    }

    private List<Line> lines(String code) {
        return payments.ofDossier(code).stream().map(p -> new Line(p.orderRef(), p.kind(), p.amountVnd(),
                p.status().name(), zoned(p.paidAt() != null ? p.paidAt() : p.createdAt()),
                p.status() == PaymentStatus.PAID ? PaymentReceipts.url(p.orderRef()) : null)).toList();
    }

    private static ZonedDateTime zoned(Instant instant) {
        return instant == null ? null : instant.atZone(VietnamTime.ZONE);
    }
}
