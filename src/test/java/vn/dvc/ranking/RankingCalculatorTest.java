package vn.dvc.ranking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import vn.dvc.organisation.AgencyLevel;
import vn.dvc.ranking.ServiceIndex.PartKind;

/**
 * The score on a small constructed data set, computed by hand:
 *
 * <pre>
 * default weights deployment 20, on time 30, online 20, online payment 10, satisfaction 20
 * A: on time 9/10, online 3/4, payment 1/2, satisfaction 4/5 (no plan)
 *    (30×0.9 + 20×0.75 + 10×0.5 + 20×0.8) / (30+20+10+20) × 100 = 63/80 × 100 = 78.75
 * B: deployment 1/1, on time 1/2, online 1/4, satisfaction 1/1 (no fee)
 *    (20×1 + 30×0.5 + 20×0.25 + 20×1) / 90 × 100 = 60/90 × 100 = 66.666… → 66.67
 * C: on time 4/5 only → 80.00;  E: on time 8/10 only → 80.00 (shares rank 1 with C)
 * D: 0/0 everywhere → no score, no rank, last
 * weights 50, 10, 10, 10, 20:
 * A: (9 + 7.5 + 5 + 16) / 50 × 100 = 75.00;  B: (50 + 5 + 2.5 + 20) / 90 × 100 = 86.11;  C, E: 80.00
 * </pre>
 */
class RankingCalculatorTest {

    static final RankingWeights DEFAULT = new RankingWeights(Map.of(RankingComponent.DEPLOYMENT, bd(20),
            RankingComponent.ON_TIME, bd(30), RankingComponent.ONLINE, bd(20), RankingComponent.ONLINE_PAYMENT, bd(10),
            RankingComponent.SATISFACTION, bd(20)));

    static BigDecimal bd(double v) {
        return BigDecimal.valueOf(v);
    }

    static List<RankingCalculator.Inputs> data() {
        return List.of(
                new RankingCalculator.Inputs("A", "Sở A", AgencyLevel.PROVINCIAL, Map.of(
                        RankingComponent.ON_TIME, new Fraction(9, 10), RankingComponent.ONLINE, new Fraction(3, 4),
                        RankingComponent.ONLINE_PAYMENT, new Fraction(1, 2),
                        RankingComponent.SATISFACTION, new Fraction(4, 5))),
                new RankingCalculator.Inputs("B", "Sở B", AgencyLevel.PROVINCIAL, Map.of(
                        RankingComponent.DEPLOYMENT, new Fraction(1, 1), RankingComponent.ON_TIME, new Fraction(1, 2),
                        RankingComponent.ONLINE, new Fraction(1, 4), RankingComponent.SATISFACTION, new Fraction(1, 1))),
                new RankingCalculator.Inputs("C", "UBND huyện C", AgencyLevel.DISTRICT, Map.of(
                        RankingComponent.ON_TIME, new Fraction(4, 5))),
                new RankingCalculator.Inputs("D", "UBND xã D", AgencyLevel.COMMUNE, Map.of(
                        RankingComponent.ON_TIME, new Fraction(0, 0), RankingComponent.ONLINE, new Fraction(0, 0))),
                new RankingCalculator.Inputs("E", "UBND huyện E", AgencyLevel.DISTRICT, Map.of(
                        RankingComponent.ON_TIME, new Fraction(8, 10))));
    }

    @Test
    void scoresRanksAndTiesWithTheDefaultWeights() {
        List<RankedAgency> ranked = RankingCalculator.rank(data(), DEFAULT);
        assertThat(ranked).extracting(RankedAgency::agencyCode).containsExactly("C", "E", "A", "B", "D");
        assertThat(ranked).extracting(RankedAgency::rank).containsExactly(1, 1, 3, 4, 0);
        assertThat(ranked).extracting(RankedAgency::score).containsExactly(new BigDecimal("80.00"),
                new BigDecimal("80.00"), new BigDecimal("78.75"), new BigDecimal("66.67"), null);
        assertThat(ranked.get(2).components().get(RankingComponent.ONLINE).percent())
                .isEqualTo(new BigDecimal("75.00"));
        assertThat(ranked.get(3).components()).doesNotContainKey(RankingComponent.ONLINE_PAYMENT);
    }

    @Test
    void otherWeightsChangeTheOrder() {
        RankingWeights weights = new RankingWeights(Map.of(RankingComponent.DEPLOYMENT, bd(50),
                RankingComponent.ON_TIME, bd(10), RankingComponent.ONLINE, bd(10),
                RankingComponent.ONLINE_PAYMENT, bd(10), RankingComponent.SATISFACTION, bd(20)));
        List<RankedAgency> ranked = RankingCalculator.rank(data(), weights);
        assertThat(ranked).extracting(RankedAgency::agencyCode).containsExactly("B", "C", "E", "A", "D");
        assertThat(ranked).extracting(RankedAgency::score).containsExactly(new BigDecimal("86.11"),
                new BigDecimal("80.00"), new BigDecimal("80.00"), new BigDecimal("75.00"), null);
        assertThat(ranked).extracting(RankedAgency::rank).containsExactly(1, 2, 2, 4, 0);
    }

    @Test
    void aComponentOfWeightZeroIsLeftOut() {
        RankingWeights onlyOnline = new RankingWeights(Map.of(RankingComponent.ONLINE, bd(1)));
        List<RankedAgency> ranked = RankingCalculator.rank(data(), onlyOnline);
        assertThat(ranked).extracting(RankedAgency::agencyCode).containsExactly("A", "B", "C", "E", "D");
        assertThat(ranked).extracting(RankedAgency::score).containsExactly(new BigDecimal("75.00"),
                new BigDecimal("25.00"), null, null, null);
        assertThatThrownBy(() -> new RankingWeights(Map.of(RankingComponent.ONLINE, bd(-1))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RankingWeights(Map.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theDecision766PartsTheSystemCanCompute() {
        RankedAgency a = RankingCalculator.rank(data(), DEFAULT).get(2);
        ServiceIndex index = a.serviceIndex();
        // 20 × 9/10, 12 × 3/4, 10 × 1/2, 18 × 4/5
        assertThat(index.part(PartKind.PROGRESS_AND_RESULTS).points()).isEqualTo(new BigDecimal("18.00"));
        assertThat(index.part(PartKind.ONLINE_SERVICES).points()).isEqualTo(new BigDecimal("9.00"));
        assertThat(index.part(PartKind.ONLINE_PAYMENT).points()).isEqualTo(new BigDecimal("5.00"));
        assertThat(index.part(PartKind.SATISFACTION).points()).isEqualTo(new BigDecimal("14.40"));
        assertThat(index.computedPoints()).isEqualTo(new BigDecimal("46.40"));
        assertThat(index.computableMax()).isEqualTo(60);
        assertThat(index.part(PartKind.DISCLOSURE).computable()).isFalse();
        assertThat(index.part(PartKind.DISCLOSURE).points()).isNull();
        assertThat(index.part(PartKind.DIGITISATION).computable()).isFalse();
        assertThat(index.parts()).extracting(ServiceIndex.Part::maxPoints).containsExactly(18, 20, 22, 12, 10, 18);
        // B has no fee figures: 20 × 1/2 + 12 × 1/4 + 18 × 1 = 31
        ServiceIndex b = RankingCalculator.rank(data(), DEFAULT).get(3).serviceIndex();
        assertThat(b.part(PartKind.ONLINE_PAYMENT).points()).isNull();
        assertThat(b.computedPoints()).isEqualTo(new BigDecimal("31.00"));
    }
}
