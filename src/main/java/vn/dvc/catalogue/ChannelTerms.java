package vn.dvc.catalogue;

import java.math.BigDecimal;
import java.util.List;

/**
 * The terms of one channel: legal processing time and fees (RULES.md §6).
 *
 * @param processingTime null when the source does not state it
 * @param fees empty when there is no fee; null when the source does not state it
 */
public record ChannelTerms(Channel channel, BigDecimal processingTime, TimeUnit timeUnit, List<Fee> fees,
        String note) {

    public boolean feesKnown() {
        return fees != null;
    }

    public long totalFee() {
        return fees == null ? 0 : fees.stream().mapToLong(Fee::amountVnd).sum();
    }
}
