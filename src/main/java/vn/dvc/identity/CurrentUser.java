package vn.dvc.identity;

import java.util.Optional;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** Who is making the current request, and what they may manage. */
@Component
public class CurrentUser {

    public Optional<AccountPrincipal> principal() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof AccountPrincipal p) {
            return Optional.of(p);
        }
        return Optional.empty();
    }

    /** The agencies the current user manages; none for anonymous users and applicants. */
    public AgencyScope scope() {
        return principal().map(AccountPrincipal::scope).orElse(AgencyScope.NONE);
    }

    /** A name for audit records: the username, or "anonymous". */
    public String actor() {
        return principal().map(AccountPrincipal::getUsername).orElse("anonymous");
    }
}
