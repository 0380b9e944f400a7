package vn.dvc.identity;

import java.util.Set;

/**
 * The agencies whose data an account may manage. Data access takes a scope and filters by it in SQL,
 * so a controller cannot forget the check.
 *
 * @param all true for province-wide roles (coordinator, system administrator)
 * @param agencyCodes the agencies in scope when not {@code all}
 */
public record AgencyScope(boolean all, Set<String> agencyCodes) {

    public static final AgencyScope NONE = new AgencyScope(false, Set.of());
    public static final AgencyScope PROVINCE = new AgencyScope(true, Set.of());

    public AgencyScope {
        agencyCodes = Set.copyOf(agencyCodes);
    }

    public static AgencyScope of(String agencyCode) {
        return new AgencyScope(false, Set.of(agencyCode));
    }

    public boolean covers(String agencyCode) {
        return all || (agencyCode != null && agencyCodes.contains(agencyCode));
    }

    /** For SQL: the codes as an array; meaningless when {@code all}. */
    public String[] codesArray() {
        return agencyCodes.toArray(String[]::new);
    }
}
