package vn.dvc.satisfaction;

/**
 * The nine evaluation indicators of Circular 01/2018/TT-VPCP as RULES.md §5 lists them, each scored 0, 1 or
 * 2 (total at most 18). {@code column} is the column of {@code satisfaction_rating}; {@code field} the name
 * in the API and the form.
 */
public enum Indicator {
    /** Total processing time against the legal limit. */
    TOTAL_TIME("total_time", "totalTime"),
    /** Time taken at each agency. */
    AGENCY_TIME("agency_time", "agencyTime"),
    /** Number of contacts the applicant needed. */
    CONTACTS("contacts", "contacts"),
    /** Number of agencies the applicant had to contact. */
    AGENCIES_CONTACTED("agencies_contacted", "agenciesContacted"),
    /** Reception at the counter. */
    COUNTER_RECEPTION("counter_reception", "counterReception"),
    /** Disclosure of the procedure and of the dossier's progress. */
    DISCLOSURE("disclosure", "disclosure"),
    /** Attitude of the staff. */
    STAFF_ATTITUDE("staff_attitude", "staffAttitude"),
    /** Handling of feedback and complaints. */
    FEEDBACK_HANDLING("feedback_handling", "feedbackHandling"),
    /** Quality of the online service. */
    ONLINE_SERVICE("online_service", "onlineService");

    /** The highest score of one indicator. */
    public static final int MAX_SCORE = 2;

    private final String column;
    private final String field;

    Indicator(String column, String field) {
        this.column = column;
        this.field = field;
    }

    String column() {
        return column;
    }

    /** The name of the indicator in the API and the form. */
    public String field() {
        return field;
    }
}
