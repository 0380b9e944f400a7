package vn.dvc.satisfaction;

/** The applicant's satisfaction with how a dossier was handled (RULES.md §5). */
public enum Rating {
    NOT_SATISFIED, SATISFIED, VERY_SATISFIED
}
