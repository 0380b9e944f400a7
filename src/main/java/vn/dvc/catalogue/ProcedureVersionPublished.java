package vn.dvc.catalogue;

/** A procedure version became the current one (a new procedure, an edit or an import). */
public record ProcedureVersionPublished(String code, long versionId, int versionNo, int serviceLevel,
        boolean centrallyProvided) {
}
