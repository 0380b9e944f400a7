package vn.dvc.dossier;

/**
 * Which paper an item of a supplement request asks for (Circular 01/2018 form 02, RULES.md §2: original,
 * certified copy or photocopy). Left unsaid for an item that is not a paper, such as a correction of the form.
 */
public enum OriginalOrCopy {
    /** Bản chính. */
    ORIGINAL,
    /** Bản sao có chứng thực. */
    CERTIFIED_COPY,
    /** Bản chụp (photocopy). */
    PHOTOCOPY
}
