package vn.dvc.deadline;

/** How a result is returned to the applicant (trả kết quả). */
public enum ReturnMethod {
    /** The applicant downloads the electronic result from the portal. */
    ONLINE,
    /** Handed over at the reception desk. */
    COUNTER,
    /** Sent by the public postal service, with a tracking number. */
    POST
}
