package vn.dvc.ranking;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.Map;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The weights of the ranking components, from the settings {@code app.ranking.weight.*} (defaults: deployment
 * 20, on time 30, online 20, online payment 10, satisfaction 20). Only their proportions matter: the score
 * divides by the sum of the weights of the components an agency has figures for.
 */
@Component
public class RankingWeights {

    private final Map<RankingComponent, BigDecimal> weights;

    @Autowired
    RankingWeights(@Value("${app.ranking.weight.deployment:20}") BigDecimal deployment,
            @Value("${app.ranking.weight.on-time:30}") BigDecimal onTime,
            @Value("${app.ranking.weight.online:20}") BigDecimal online,
            @Value("${app.ranking.weight.online-payment:10}") BigDecimal onlinePayment,
            @Value("${app.ranking.weight.satisfaction:20}") BigDecimal satisfaction) {
        this(Map.of(RankingComponent.DEPLOYMENT, deployment, RankingComponent.ON_TIME, onTime,
                RankingComponent.ONLINE, online, RankingComponent.ONLINE_PAYMENT, onlinePayment,
                RankingComponent.SATISFACTION, satisfaction));
    }

    /** Weights as given; a missing component weighs 0; negative weights are refused. */
    public RankingWeights(Map<RankingComponent, BigDecimal> weights) {
        Map<RankingComponent, BigDecimal> all = new EnumMap<>(RankingComponent.class);
        for (RankingComponent c : RankingComponent.values()) {
            BigDecimal w = weights.getOrDefault(c, BigDecimal.ZERO);
            if (w.signum() < 0) {
                throw new IllegalArgumentException("app.ranking.weight." + c.field() + " must not be negative");
            }
            all.put(c, w);
        }
        if (all.values().stream().allMatch(w -> w.signum() == 0)) {
            throw new IllegalArgumentException("at least one app.ranking.weight.* must be above 0");
        }
        this.weights = Map.copyOf(all);
    }

    public BigDecimal of(RankingComponent component) {
        return weights.get(component);
    }

    /** The weights by component, in the components' order. */
    public Map<RankingComponent, BigDecimal> asMap() {
        Map<RankingComponent, BigDecimal> ordered = new EnumMap<>(RankingComponent.class);
        ordered.putAll(weights);
        return ordered;
    }
}
