package vn.dvc.payment;

import java.time.Clock;
import java.time.Instant;
import java.time.Period;
import java.util.List;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

import vn.dvc.dossier.Dossier;
import vn.dvc.dossier.DossierStatus;
import vn.dvc.payment.DossierFees.Assessment;
import vn.dvc.payment.DossierFees.FeeItem;
import vn.dvc.payment.PaymentRequests.PaymentRequest;
import vn.dvc.shared.VietnamTime;

/**
 * What a dossier has to pay now, and until when. An officer's open request (status 6) comes first; otherwise
 * the dossier's fee ({@link DossierFees}) while it is unpaid and payable under {@code payment.fee-timing}:
 * <ul>
 * <li>{@code ON_SUBMISSION} (default, [M]: RULES.md §1 says only that level 4 / full-online procedures take the
 * fee online): payable from submission (status 1) until the dossier is closed; the deadline counts from the
 * submission.</li>
 * <li>{@code AFTER_RECEPTION}: payable only once the agency received the dossier (never for a refused one, so
 * nothing has to be refunded); the deadline counts from the receipt.</li>
 * </ul>
 * The deadline is that moment plus {@code payment.fee-deadline} (calendar days, default 3), at 23:59 Vietnam
 * time. Reception is not blocked by an unpaid fee: the officer sees it on the dossier page.
 */
@Service
class PaymentDues {

    enum FeeTiming {
        ON_SUBMISSION, AFTER_RECEPTION
    }

    /** An amount due: {@code kind} FEE or REQUESTED, its items, why (legal basis or officer's reason), until when. */
    record Due(String kind, Long requestId, List<FeeItem> items, long amountVnd, String why, Instant dueAt) {
    }

    private final DossierFees fees;
    private final PaymentRequests requests;
    private final Payments payments;
    private final Clock clock;
    private final FeeTiming timing;
    private final Period deadline;

    PaymentDues(DossierFees fees, PaymentRequests requests, Payments payments, Clock clock,
            @Value("${payment.fee-timing:ON_SUBMISSION}") FeeTiming timing,
            @Value("${payment.fee-deadline:P3D}") Period deadline) {
        this.fees = fees;
        this.requests = requests;
        this.payments = payments;
        this.clock = clock;
        this.timing = timing;
        this.deadline = deadline;
    }

    FeeTiming timing() {
        return timing;
    }

    /** Whether the dossier's fee has been paid. */
    boolean feePaid(String dossierCode) {
        return payments.ofDossier(dossierCode).stream()
                .anyMatch(p -> p.status() == PaymentStatus.PAID && Payment.FEE.equals(p.kind()));
    }

    /** Whether the fee may be paid in the dossier's status under the timing setting. */
    boolean feePayableNow(Dossier dossier) {
        DossierStatus status = dossier.status();
        if (status.closed() || status == DossierStatus.STOPPED) {
            return false;
        }
        return timing == FeeTiming.ON_SUBMISSION || dossier.receivedAt() != null;
    }

    /** The deadline of the dossier's fee, or null before it starts (not yet received under AFTER_RECEPTION). */
    Instant feeDeadline(Dossier dossier) {
        Instant from = timing == FeeTiming.ON_SUBMISSION ? dossier.submittedAt() : dossier.receivedAt();
        if (from == null) {
            return null;
        }
        return from.atZone(VietnamTime.ZONE).toLocalDate().plus(deadline).atTime(23, 59).atZone(VietnamTime.ZONE)
                .toInstant();
    }

    /** The fee itself (whether due or not). */
    Assessment fee(Dossier dossier) {
        return fees.of(dossier);
    }

    /** What the applicant can pay now: the open request first, else the unpaid fee; empty when nothing. */
    Optional<Due> payableNow(Dossier dossier) {
        Optional<PaymentRequest> open = requests.open(dossier.code());
        if (open.isPresent()) {
            PaymentRequest r = open.get();
            return Optional.of(new Due(Payment.REQUESTED, r.id(), List.of(new FeeItem(r.reason(), r.amountVnd())),
                    r.amountVnd(), r.reason(), r.dueAt()));
        }
        Assessment fee = fees.of(dossier);
        if (fee.totalVnd() <= 0 || !feePayableNow(dossier) || feePaid(dossier.code())) {
            return Optional.empty();
        }
        return Optional.of(new Due(Payment.FEE, null, fee.items(), fee.totalVnd(), fee.legalBasis(),
                feeDeadline(dossier)));
    }

    boolean overdue(Instant dueAt) {
        return dueAt != null && dueAt.isBefore(clock.instant());
    }
}
