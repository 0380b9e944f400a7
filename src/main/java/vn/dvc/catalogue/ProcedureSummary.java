package vn.dvc.catalogue;

/** A line of the catalogue: what the search lists and the public API answers. */
public record ProcedureSummary(String code, String name, String agencyCode, String field, int serviceLevel,
        OnlineMode onlineMode, boolean centrallyProvided) {
}
