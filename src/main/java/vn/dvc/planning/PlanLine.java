package vn.dvc.planning;

import vn.dvc.organisation.AgencyLevel;

/**
 * A line of a plan document as written: a level, an agency or a field, either for one year (new
 * builds and upgrades) or, when {@code year} is null, for the whole period (the stated number of
 * services). Figures the document does not state are null, never zero.
 *
 * @param position the row of the imported file, to show lines in the document's order
 * @param name null for a level line
 * @param agencyCode for an agency line, the agency meant, when known
 */
public record PlanLine(int position, Kind kind, AgencyLevel level, String name, String agencyCode, Integer year,
        Integer newBuilds, Integer upgrades, Integer services) {

    /** What the line is about. */
    public enum Kind {
        /** A whole level: provincial departments and boards, district or commune People's Committees. */
        LEVEL,
        /** One agency of a level (e.g. a department). */
        AGENCY,
        /** One field (lĩnh vực) of a level. */
        FIELD
    }

    /** New builds plus upgrades, counting what is not stated as nothing. */
    public int yearTotal() {
        return (newBuilds == null ? 0 : newBuilds) + (upgrades == null ? 0 : upgrades);
    }
}
