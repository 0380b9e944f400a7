package vn.dvc.result;

import java.util.Optional;

import org.springframework.stereotype.Component;

import vn.dvc.dossier.Dossier;
import vn.dvc.dossier.Dossiers;
import vn.dvc.identity.AccountPrincipal;
import vn.dvc.identity.CurrentUser;
import vn.dvc.identity.Role;
import vn.dvc.shared.NotFoundException;

/**
 * Who may see a dossier's results: its applicant, and the officers of the agency that holds it. To anyone
 * else the dossier (and so its results) does not exist: 404, never 403, so that codes cannot be probed.
 */
@Component
class ResultAccess {

    private final Dossiers dossiers;
    private final CurrentUser currentUser;

    ResultAccess(Dossiers dossiers, CurrentUser currentUser) {
        this.dossiers = dossiers;
        this.currentUser = currentUser;
    }

    Optional<Dossier> visible(String dossierCode) {
        Optional<AccountPrincipal> principal = currentUser.principal();
        if (principal.isEmpty() || dossierCode == null) {
            return Optional.empty();
        }
        AccountPrincipal p = principal.get();
        if (p.has(Role.APPLICANT)) {
            Optional<Dossier> owned = dossiers.findOwned(dossierCode, p.id());
            if (owned.isPresent()) {
                return owned;
            }
        }
        if (p.agencyCode() != null && (p.has(Role.RECEPTION_OFFICER) || p.has(Role.SPECIALIST) || p.has(Role.LEADER)
                || p.has(Role.AGENCY_ADMIN))) {
            return dossiers.findAtAgency(dossierCode, p.agencyCode());
        }
        return Optional.empty();
    }

    Dossier dossier(String dossierCode) {
        return visible(dossierCode).orElseThrow(() -> new NotFoundException("dossier.not-found", dossierCode));
    }

    /** The result if it belongs to a dossier the caller may see. */
    ElectronicResult result(String dossierCode, String resultCode, ElectronicResults results) {
        Dossier dossier = dossier(dossierCode);
        return results.find(resultCode).filter(r -> r.dossierCode().equals(dossier.code()))
                .orElseThrow(() -> new NotFoundException("result.not-found", resultCode));
    }
}
