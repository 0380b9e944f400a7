package vn.dvc.planning;

/** A plan document was imported as written (replacing an earlier import of the same reference). */
public record PlanDocumentImported(String reference, int firstYear, int lastYear) {
}
