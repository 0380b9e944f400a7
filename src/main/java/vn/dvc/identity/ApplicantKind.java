package vn.dvc.identity;

/** Who an applicant account belongs to (tổ chức, công dân); RULES.md §7 codes them 1 and 2. */
public enum ApplicantKind {
    /** A citizen, identified by their citizen identity number. */
    CITIZEN,
    /** An enterprise or other organisation, identified by its tax code, acting through its legal representative. */
    ORGANISATION
}
