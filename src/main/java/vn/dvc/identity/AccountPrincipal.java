package vn.dvc.identity;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** The signed-in account. Its password hash is erased once authentication is done. */
public final class AccountPrincipal implements UserDetails {

    private final long id;
    private final String username;
    private String passwordHash;
    private final String fullName;
    private final String agencyCode;
    private final Set<Role> roles;
    private final boolean enabled;
    private final Instant lockedUntil;
    private final transient Clock clock;

    AccountPrincipal(long id, String username, String passwordHash, String fullName, String agencyCode,
            Set<Role> roles, boolean enabled, Instant lockedUntil, Clock clock) {
        this.id = id;
        this.username = username;
        this.passwordHash = passwordHash;
        this.fullName = fullName;
        this.agencyCode = agencyCode;
        this.roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
        this.enabled = enabled;
        this.lockedUntil = lockedUntil;
        this.clock = clock;
    }

    public long id() {
        return id;
    }

    public String fullName() {
        return fullName;
    }

    /** The agency an officer belongs to; null for applicants and the system administrator. */
    public String agencyCode() {
        return agencyCode;
    }

    public Set<Role> roles() {
        return roles;
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    /** The agencies this account manages: all for province-wide roles, its own for officers. */
    public AgencyScope scope() {
        if (has(Role.SYSTEM_ADMIN) || has(Role.PROVINCIAL_COORDINATOR)) {
            return AgencyScope.PROVINCE;
        }
        return agencyCode == null ? AgencyScope.NONE : AgencyScope.of(agencyCode);
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return roles.stream().map(r -> new SimpleGrantedAuthority(r.authority())).toList();
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return username;
    }

    @Override
    public boolean isAccountNonLocked() {
        return lockedUntil == null || clock == null || !lockedUntil.isAfter(clock.instant());
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    void eraseCredentials() {
        passwordHash = null;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof AccountPrincipal p && p.id == id;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(id);
    }

    @Override
    public String toString() {
        // An applicant's username is their citizen identity number: keep it out of logs.
        return "AccountPrincipal[" + id + "]";
    }
}
