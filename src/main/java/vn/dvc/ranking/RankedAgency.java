package vn.dvc.ranking;

import java.math.BigDecimal;
import java.util.Map;

import vn.dvc.organisation.AgencyLevel;

/**
 * One agency's place in a year's ranking.
 *
 * @param rank 1 for the best score; equal scores share a rank (1, 2, 2, 4); agencies without a score come last
 *     with no rank (0)
 * @param components each component's inputs (absent or with whole 0: no figures, the component is left out)
 * @param score 100 × Σ weight × ratio / Σ weight over the components with figures, two decimals; null when
 *     there are none
 */
public record RankedAgency(int rank, String agencyCode, String agencyName, AgencyLevel level,
        Map<RankingComponent, Fraction> components, BigDecimal score, ServiceIndex serviceIndex) {
}
