package io.otedama.controller.payouts.scheme;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * PPS and FPPS: a share of difficulty d is worth {@code B·d/D}, B the block value (the subsidy for
 * PPS; subsidy plus expected transaction fees for FPPS), D the network difficulty. The pool fee
 * then makes it {@code (1 - fee)·B·d/D}. An account's shares in a period are valued together and
 * rounded down once: {@code gross = floor(B·sum(d)/D)}. The value is paid by the farm whether or
 * not it finds blocks, so its fractional part is not money anybody holds and is not dust.
 */
public final class PpsValuation {
  private static final BigDecimal MAX_MONEY = BigDecimal.valueOf(Sats.MAX_MONEY);

  private PpsValuation() {}

  /** {@code floor(B·difficulty/D)} in satoshis. */
  public static long value(long blockValueSats, BigDecimal difficulty, BigDecimal networkDiff) {
    Sats.requireAmount(blockValueSats, "block value");
    if (difficulty.signum() < 0 || networkDiff.signum() <= 0) {
      throw new IllegalArgumentException(
          "PPS needs difficulty >= 0 and network difficulty > 0, got "
              + difficulty
              + ", "
              + networkDiff);
    }
    BigDecimal value =
        BigDecimal.valueOf(blockValueSats)
            .multiply(difficulty)
            .divide(networkDiff, 0, RoundingMode.FLOOR);
    if (value.compareTo(MAX_MONEY) > 0) {
      throw new IllegalArgumentException(
          "PPS values "
              + difficulty.toPlainString()
              + " of share difficulty at "
              + value.toPlainString()
              + " sats, more than all bitcoin: is the network difficulty "
              + networkDiff.toPlainString()
              + " right?");
    }
    return value.longValueExact();
  }

  /**
   * Credits for every PPS and FPPS account with shares in {@code periodShares}.
   *
   * @param subsidySats the block subsidy (B for PPS)
   * @param expectedFeesSats the expected transaction fees per block (added to B for FPPS)
   */
  public static List<CreditShare> credits(
      Map<Long, AccountTerms> terms,
      DifficultyWeights periodShares,
      long subsidySats,
      long expectedFeesSats,
      BigDecimal networkDifficulty) {
    List<CreditShare> credits = new ArrayList<>();
    long fppsValue = Math.addExact(subsidySats, expectedFeesSats);
    for (Map.Entry<Long, BigDecimal> weight : periodShares.byAccount().entrySet()) {
      AccountTerms accountTerms = terms.get(weight.getKey());
      if (accountTerms == null) {
        continue;
      }
      long blockValue =
          switch (accountTerms.scheme()) {
            case PPS -> subsidySats;
            case FPPS -> fppsValue;
            case PPLNS, PROP -> -1;
          };
      if (blockValue < 0) {
        continue;
      }
      long gross = value(blockValue, weight.getValue(), networkDifficulty);
      if (gross > 0) {
        credits.add(
            new CreditShare(
                weight.getKey(), accountTerms.scheme(), accountTerms.fees().apply(gross)));
      }
    }
    return credits;
  }
}
