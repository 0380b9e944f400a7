package vn.dvc.deadline;

import org.springframework.security.access.AccessDeniedException;

import vn.dvc.identity.AccountPrincipal;
import vn.dvc.identity.Role;
import vn.dvc.reception.Reception;

/** Which officers may take an action: an officer of an agency (reception's rule) holding one of the roles. */
final class Officers {

    private Officers() {
    }

    /** The officer's agency, if they hold one of the roles; otherwise access is denied (403). */
    static String actingAgency(AccountPrincipal officer, Role... mayAct) {
        String agency = Reception.officerAgency(officer);
        for (Role role : mayAct) {
            if (officer.has(role)) {
                return agency;
            }
        }
        throw new AccessDeniedException("this role may not take the action");
    }

    static String name(AccountPrincipal officer) {
        return officer.fullName() == null ? officer.getUsername() : officer.fullName();
    }
}
