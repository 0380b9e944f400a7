package vn.dvc.satisfaction;

import java.util.Map;

/**
 * The ratings of one agency (and procedure, when {@code procedureCode} is set; the province when
 * {@code agencyCode} is null) in a period. {@code satisfactionRatio} = (satisfied + very satisfied) /
 * ratings, null without ratings. {@code indicatorAverages}: the mean score (0–2) of each indicator over the
 * ratings that scored it, by field name, null when none did.
 */
public record SatisfactionFigures(String agencyCode, String agencyName, String procedureCode, String procedureName,
        long ratings, long notSatisfied, long satisfied, long verySatisfied, Double satisfactionRatio,
        Map<String, Double> indicatorAverages) {

    /** Satisfied and very satisfied ratings: the numerator of the satisfaction ratio. */
    public long satisfiedOrBetter() {
        return satisfied + verySatisfied;
    }
}
