package vn.dvc.ranking;

/** A component of the yearly ranking score; {@code field} is its name in the API and the exports. */
public enum RankingComponent {
    /** Level-4 deployment against the plan: approved services of the year's published plan now live / approved. */
    DEPLOYMENT("deployment"),
    /** On-time ratio (RULES.md §4): (early + on time) / resolved in the year. */
    ON_TIME("onTime"),
    /** Online ratio (RULES.md §4): received online / total received in the year. */
    ONLINE("online"),
    /** Online-payment ratio: dossiers with a fee resolved in the year and paid online / those with a fee. */
    ONLINE_PAYMENT("onlinePayment"),
    /** Satisfaction ratio: (satisfied + very satisfied) / ratings given in the year. */
    SATISFACTION("satisfaction");

    private final String field;

    RankingComponent(String field) {
        this.field = field;
    }

    public String field() {
        return field;
    }
}
