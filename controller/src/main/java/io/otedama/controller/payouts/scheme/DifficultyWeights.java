package io.otedama.controller.payouts.scheme;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * Share difficulty summed per account ({@link ShareRecord#FARM} for the farm's own rigs): the
 * weights proportional schemes split by.
 *
 * @param byAccount weight per account, in account order; never zero or negative entries
 * @param total the sum of all weights
 */
public record DifficultyWeights(Map<Long, BigDecimal> byAccount, BigDecimal total) {
  public static final DifficultyWeights EMPTY =
      new DifficultyWeights(Collections.emptyMap(), BigDecimal.ZERO);

  public DifficultyWeights {
    byAccount = Collections.unmodifiableMap(new TreeMap<>(byAccount));
    BigDecimal sum = BigDecimal.ZERO;
    for (BigDecimal weight : byAccount.values()) {
      if (weight.signum() <= 0) {
        throw new IllegalArgumentException("difficulty weights must be positive, got " + weight);
      }
      sum = sum.add(weight);
    }
    if (sum.compareTo(total) != 0) {
      throw new IllegalArgumentException("difficulty weights sum to " + sum + ", not " + total);
    }
  }

  /** Every share counted whole: PROP rounds, FPPS/PPS periods, pool earning periods. */
  public static DifficultyWeights of(Collection<ShareRecord> shares) {
    TreeMap<Long, BigDecimal> byAccount = new TreeMap<>();
    BigDecimal total = BigDecimal.ZERO;
    for (ShareRecord share : shares) {
      byAccount.merge(share.accountId(), share.difficulty(), BigDecimal::add);
      total = total.add(share.difficulty());
    }
    return new DifficultyWeights(byAccount, total);
  }

  public BigDecimal weightOf(long accountId) {
    return byAccount.getOrDefault(accountId, BigDecimal.ZERO);
  }

  public boolean isEmpty() {
    return byAccount.isEmpty();
  }
}
