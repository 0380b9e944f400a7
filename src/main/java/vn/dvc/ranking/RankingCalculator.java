package vn.dvc.ranking;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import vn.dvc.organisation.AgencyLevel;

/** The arithmetic of the ranking, on figures already gathered (no data access: tested on its own). */
final class RankingCalculator {

    /** An agency's figures before scoring. */
    record Inputs(String agencyCode, String agencyName, AgencyLevel level, Map<RankingComponent, Fraction> components) {
    }

    private RankingCalculator() {
    }

    /**
     * score = 100 × Σ w_c × part_c / whole_c ÷ Σ w_c, over the components c with a non-zero whole (a missing
     * figure neither helps nor harms); two decimals, half up. Ordered by score (best first), then by name and
     * code; equal scores share a rank; agencies without any figure (or only components of weight 0) come last
     * without a rank.
     */
    static List<RankedAgency> rank(List<Inputs> agencies, RankingWeights weights) {
        record Scored(Inputs inputs, BigDecimal score) {
        }
        List<Scored> scored = new ArrayList<>();
        for (Inputs agency : agencies) {
            scored.add(new Scored(agency, score(agency.components(), weights)));
        }
        scored.sort(Comparator.comparing((Scored s) -> s.score(), Comparator.nullsLast(Comparator.reverseOrder()))
                .thenComparing(s -> s.inputs().agencyName()).thenComparing(s -> s.inputs().agencyCode()));
        List<RankedAgency> ranked = new ArrayList<>();
        BigDecimal previous = null;
        int rank = 0;
        for (int i = 0; i < scored.size(); i++) {
            Scored s = scored.get(i);
            if (s.score() != null && (previous == null || s.score().compareTo(previous) != 0)) {
                rank = i + 1;
                previous = s.score();
            }
            Map<RankingComponent, Fraction> components = new EnumMap<>(RankingComponent.class);
            components.putAll(s.inputs().components());
            ranked.add(new RankedAgency(s.score() == null ? 0 : rank, s.inputs().agencyCode(),
                    s.inputs().agencyName(), s.inputs().level(), components, s.score(),
                    ServiceIndex.of(components)));
        }
        return ranked;
    }

    static BigDecimal score(Map<RankingComponent, Fraction> components, RankingWeights weights) {
        BigDecimal weighted = BigDecimal.ZERO;
        BigDecimal total = BigDecimal.ZERO;
        for (RankingComponent c : RankingComponent.values()) {
            Fraction f = components.get(c);
            BigDecimal w = weights.of(c);
            if (f == null || !f.available() || w.signum() == 0) {
                continue;
            }
            weighted = weighted.add(w.multiply(f.ratio(), Fraction.EXACT));
            total = total.add(w);
        }
        if (total.signum() == 0) {
            return null;
        }
        return weighted.multiply(BigDecimal.valueOf(100)).divide(total, Fraction.EXACT).setScale(2,
                RoundingMode.HALF_UP);
    }
}
