package vn.dvc.ranking;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;

/** A ratio with its inputs: {@code part / whole}; without a whole (0) there is no value. */
public record Fraction(long part, long whole) {

    static final MathContext EXACT = MathContext.DECIMAL128;

    /** The ratio between 0 and 1 (unrounded), or null when {@code whole} is 0. */
    @JsonIgnore
    public BigDecimal ratio() {
        return whole == 0 ? null : BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), EXACT);
    }

    /** The ratio in percent with two decimals, or null. */
    @JsonProperty("percent")
    public BigDecimal percent() {
        BigDecimal ratio = ratio();
        return ratio == null ? null : ratio.multiply(BigDecimal.valueOf(100)).setScale(2, RoundingMode.HALF_UP);
    }

    @JsonIgnore
    public boolean available() {
        return whole != 0;
    }
}
