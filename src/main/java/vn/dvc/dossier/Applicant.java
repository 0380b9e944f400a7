package vn.dvc.dossier;

import org.springframework.security.access.AccessDeniedException;

import vn.dvc.identity.AccountPrincipal;
import vn.dvc.identity.CurrentUser;
import vn.dvc.identity.Role;

/** The signed-in applicant of a request to the applicant's pages and API; anyone else is refused. */
final class Applicant {

    private Applicant() {
    }

    static AccountPrincipal of(CurrentUser currentUser) {
        AccountPrincipal principal = currentUser.principal().orElseThrow(() -> new AccessDeniedException("anonymous"));
        if (!principal.has(Role.APPLICANT)) {
            throw new AccessDeniedException("not an applicant");
        }
        return principal;
    }
}
