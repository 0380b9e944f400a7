package vn.dvc.deadline;

/** Where a result sent by post is, as the post reports it and the reception officer records it. */
public enum PostalStatus {
    SENT, DELIVERED, RETURNED_TO_SENDER
}
