package io.otedama.controller.payouts.scheme;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * An amount split by weight: each participant gets {@code floor(amount·w/W)}; what the floors leave
 * over is dust, {@code 0 <= dust < number of participants}, so {@code sum(parts) + dust == amount}
 * exactly.
 *
 * @param amountSats what was split
 * @param parts each participant's part, in participant order
 * @param dustSats the rounding remainder
 */
public record ProportionalSplit(long amountSats, Map<Long, Long> parts, long dustSats) {
  public ProportionalSplit {
    parts = Collections.unmodifiableMap(new TreeMap<>(parts));
    long sum = dustSats;
    for (long part : parts.values()) {
      sum = Math.addExact(sum, part);
    }
    if (sum != amountSats || dustSats < 0) {
      throw new IllegalArgumentException(
          "split of "
              + amountSats
              + " sats does not add up: parts "
              + parts
              + ", dust "
              + dustSats);
    }
  }

  /** Splits {@code amountSats} by {@code weights}; the weights must not be empty. */
  public static ProportionalSplit of(long amountSats, DifficultyWeights weights) {
    Sats.requireAmount(amountSats, "amount to split");
    if (weights.isEmpty()) {
      throw new IllegalArgumentException("cannot split " + amountSats + " sats over no shares");
    }
    TreeMap<Long, Long> parts = new TreeMap<>();
    long given = 0;
    BigDecimal total = weights.total();
    for (Map.Entry<Long, BigDecimal> weight : weights.byAccount().entrySet()) {
      long part = Sats.fractionFloor(amountSats, weight.getValue(), total);
      parts.put(weight.getKey(), part);
      given += part;
    }
    return new ProportionalSplit(amountSats, parts, amountSats - given);
  }

  public long partOf(long participant) {
    return parts.getOrDefault(participant, 0L);
  }
}
