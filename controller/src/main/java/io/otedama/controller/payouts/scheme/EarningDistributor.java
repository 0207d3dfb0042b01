package io.otedama.controller.payouts.scheme;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Splits an earning among the accounts on given schemes, by their difficulty weights, with the farm
 * as one more participant holding everybody else's weight (its own rigs, accounts on other schemes,
 * shares of accounts it does not know). Parts are rounded down for every participant, the farm
 * included, and the remainder is dust.
 */
public final class EarningDistributor {
  private final Map<Long, AccountTerms> terms;

  /**
   * @param terms the contract terms of every client account, by account id
   */
  public EarningDistributor(Map<Long, AccountTerms> terms) {
    this.terms = Map.copyOf(terms);
  }

  /** Splits {@code amountSats} among accounts whose scheme is in {@code schemes}. */
  public Distribution split(long amountSats, Set<PayoutScheme> schemes, DifficultyWeights weights) {
    Sats.requireAmount(amountSats, "earning");
    if (weights.isEmpty()) {
      return Distribution.allToFarm(amountSats);
    }
    TreeMap<Long, BigDecimal> participants = new TreeMap<>();
    for (Map.Entry<Long, BigDecimal> weight : weights.byAccount().entrySet()) {
      AccountTerms accountTerms = terms.get(weight.getKey());
      boolean qualifies = accountTerms != null && schemes.contains(accountTerms.scheme());
      long participant = qualifies ? weight.getKey() : ShareRecord.FARM;
      participants.merge(participant, weight.getValue(), BigDecimal::add);
    }
    ProportionalSplit split =
        ProportionalSplit.of(amountSats, new DifficultyWeights(participants, weights.total()));
    List<CreditShare> credits = new ArrayList<>();
    for (Map.Entry<Long, Long> part : split.parts().entrySet()) {
      if (part.getKey() != ShareRecord.FARM && part.getValue() > 0) {
        AccountTerms accountTerms = terms.get(part.getKey());
        credits.add(
            new CreditShare(
                part.getKey(), accountTerms.scheme(), accountTerms.fees().apply(part.getValue())));
      }
    }
    return new Distribution(amountSats, credits, split.partOf(ShareRecord.FARM), split.dustSats());
  }

  /**
   * A block found by the farm: PPLNS accounts share it by the PPLNS window, PROP accounts by the
   * round; the two splits are independent (see {@link Distribution}).
   */
  public Distribution splitBlock(
      long rewardSats, DifficultyWeights pplnsWindow, DifficultyWeights round) {
    List<Distribution> splits = new ArrayList<>();
    if (anyOn(PayoutScheme.PPLNS)) {
      splits.add(split(rewardSats, Set.of(PayoutScheme.PPLNS), pplnsWindow));
    }
    if (anyOn(PayoutScheme.PROP)) {
      splits.add(split(rewardSats, Set.of(PayoutScheme.PROP), round));
    }
    return Distribution.combine(rewardSats, splits);
  }

  /**
   * What an upstream pool paid for a period: it already absorbed the luck under its own scheme, so
   * PPLNS and PROP accounts alike share it by the difficulty of their shares in that period.
   */
  public Distribution splitPoolEarning(long amountSats, DifficultyWeights periodShares) {
    return split(amountSats, Set.of(PayoutScheme.PPLNS, PayoutScheme.PROP), periodShares);
  }

  /** True when some account is on {@code scheme}. */
  public boolean anyOn(PayoutScheme scheme) {
    for (AccountTerms accountTerms : terms.values()) {
      if (accountTerms.scheme() == scheme) {
        return true;
      }
    }
    return false;
  }
}
