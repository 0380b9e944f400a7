package vn.dvc.audit;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.context.event.EventListener;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

import vn.dvc.dossier.DossierNoted;
import vn.dvc.result.ElectronicResultIssued;
import vn.dvc.dossier.DossierStatusChanged;
import vn.dvc.dossier.DossierSubmitted;
import vn.dvc.dossier.DossierTransferred;
import vn.dvc.payment.PaymentConfirmed;

/**
 * Feeds the trail from other modules' events, synchronously, in the transaction that published them: a
 * change that commits has its entry, one that rolls back has none. (Not a transactional listener: an
 * entry recorded after commit could be lost, and then the trail would not be complete.) The actor is the
 * signed-in user of the request, or {@code system} (schedules, the payment gateway's callback).
 */
@Component
class AuditListener {

    private final AuditTrail trail;

    AuditListener(AuditTrail trail) {
        this.trail = trail;
    }

    @EventListener
    void on(DossierSubmitted e) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("procedureCode", e.procedureCode());
        details.put("procedureVersionId", e.procedureVersionId());
        details.put("channel", e.channel().name());
        trail.record(actor(), "DOSSIER_SUBMITTED", e.dossierCode(), e.agencyCode(), details);
    }

    @EventListener
    void on(DossierStatusChanged e) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("from", e.from() == null ? null : e.from().national());
        details.put("to", e.to().national());
        details.put("procedureCode", e.procedureCode());
        details.put("channel", e.channel().name());
        trail.record(actor(), "DOSSIER_STATUS_CHANGED", e.dossierCode(), e.agencyCode(), details);
    }

    @EventListener
    void on(DossierNoted e) {
        trail.record(e.actor(), "DOSSIER_" + e.kind(), e.dossierCode(), e.agencyCode(), Map.of("kind", e.kind()));
    }

    @EventListener
    void on(ElectronicResultIssued e) {
        trail.record(e.issuedBy(), "RESULT_ISSUED", e.dossierCode(), e.agencyCode(),
                Map.of("resultCode", e.resultCode(), "documentId", e.documentId().toString()));
    }

    @EventListener
    void on(DossierTransferred e) {
        trail.record(actor(), "DOSSIER_TRANSFERRED", e.dossierCode(), e.toAgencyCode(),
                Map.of("fromAgency", e.fromAgencyCode(), "toAgency", e.toAgencyCode(), "reason", e.reason()));
    }

    @EventListener
    void on(PaymentConfirmed e) {
        trail.record(actor(), "PAYMENT_CONFIRMED", e.dossierCode(), null,
                Map.of("orderRef", e.orderRef(), "amountVnd", e.amountVnd()));
    }

    static String actor() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !auth.isAuthenticated() || auth.getName() == null
                || "anonymousUser".equals(auth.getName())) {
            return "system";
        }
        return auth.getName();
    }
}
