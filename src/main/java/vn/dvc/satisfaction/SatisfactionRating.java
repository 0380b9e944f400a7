package vn.dvc.satisfaction;

import java.time.Instant;
import java.util.Map;

/**
 * One dossier's rating as stored. {@code scores} holds the indicators the applicant scored (0–2); an
 * indicator left out is absent.
 */
public record SatisfactionRating(String dossierCode, String agencyCode, String procedureCode, String procedureName,
        long applicantId, Rating rating, String comment, Map<Indicator, Integer> scores, Instant ratedAt) {

    /** The sum of the scored indicators (at most 18). */
    public int indicatorTotal() {
        return scores.values().stream().mapToInt(Integer::intValue).sum();
    }
}
