package vn.dvc.organisation;

/** The three levels of agencies that implement procedures in the seed plan. */
public enum AgencyLevel {
    /** Provincial departments and boards (sở, ban, ngành) and the provincial People's Committee. */
    PROVINCIAL,
    /** District People's Committees (UBND cấp huyện); abolished in the reorganisation of 1 July 2025. */
    DISTRICT,
    /** Commune, ward and town People's Committees (UBND cấp xã). */
    COMMUNE
}
