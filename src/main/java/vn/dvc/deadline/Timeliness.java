package vn.dvc.deadline;

/** How a finished dossier compares with its (original) due date: trước hạn / đúng hạn / quá hạn. */
public enum Timeliness {
    EARLY, ON_TIME, LATE
}
