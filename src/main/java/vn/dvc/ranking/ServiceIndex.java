package vn.dvc.ranking;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The parts of the Decision 766/QĐ-TTg (2022) service index for citizens and businesses (100 points, RULES.md
 * §5): disclosure 18; progress and results 20; digitisation 22; online services 22 (online services 12 +
 * online payment 10); satisfaction 18. The system computes a part as its points times a ratio of its own data;
 * disclosure and digitisation need data it does not hold (the portal's disclosure audit, the digitisation of
 * dossier components and results), so they are listed as not computed.
 *
 * @param parts every part, computed or not
 * @param computedPoints the sum of the computed parts' points (rounded to two decimals), null when none is
 * @param computableMax the points of the parts the system can compute (60)
 */
public record ServiceIndex(List<Part> parts, BigDecimal computedPoints, int computableMax) {

    /** The parts, their points and where their ratio comes from (null: not computable here). */
    public enum PartKind {
        DISCLOSURE(18, null),
        PROGRESS_AND_RESULTS(20, RankingComponent.ON_TIME),
        DIGITISATION(22, null),
        ONLINE_SERVICES(12, RankingComponent.ONLINE),
        ONLINE_PAYMENT(10, RankingComponent.ONLINE_PAYMENT),
        SATISFACTION(18, RankingComponent.SATISFACTION);

        private final int maxPoints;
        private final RankingComponent source;

        PartKind(int maxPoints, RankingComponent source) {
            this.maxPoints = maxPoints;
            this.source = source;
        }

        public int maxPoints() {
            return maxPoints;
        }

        /** The ranking component whose ratio gives the part, or null when the system cannot compute it. */
        public RankingComponent source() {
            return source;
        }

        public boolean computable() {
            return source != null;
        }
    }

    /**
     * One part: {@code points = maxPoints × inputs.part / inputs.whole}, two decimals; null when not computable
     * or without data ({@code inputs} null or with whole 0).
     */
    public record Part(PartKind kind, int maxPoints, boolean computable, Fraction inputs, BigDecimal points) {
    }

    /** The index of the given ratios. */
    static ServiceIndex of(Map<RankingComponent, Fraction> inputs) {
        List<Part> parts = new ArrayList<>();
        BigDecimal sum = null;
        int computableMax = 0;
        for (PartKind kind : PartKind.values()) {
            Fraction fraction = kind.computable() ? inputs.get(kind.source()) : null;
            BigDecimal points = null;
            if (kind.computable()) {
                computableMax += kind.maxPoints();
                if (fraction != null && fraction.available()) {
                    BigDecimal exact = fraction.ratio().multiply(BigDecimal.valueOf(kind.maxPoints()), Fraction.EXACT);
                    points = exact.setScale(2, RoundingMode.HALF_UP);
                    sum = sum == null ? exact : sum.add(exact);
                }
            }
            parts.add(new Part(kind, kind.maxPoints(), kind.computable(), fraction, points));
        }
        return new ServiceIndex(parts, sum == null ? null : sum.setScale(2, RoundingMode.HALF_UP), computableMax);
    }

    /** The part of this kind. */
    public Part part(PartKind kind) {
        return parts.stream().filter(p -> p.kind() == kind).findFirst().orElseThrow();
    }
}
