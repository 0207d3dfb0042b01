package io.otedama.controller.payouts.scheme;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;

/** Satoshi arithmetic: exact, non-negative where money is, rounding down where it divides. */
public final class Sats {
  /** Satoshis in one bitcoin. */
  public static final long PER_BTC = 100_000_000L;

  /** All bitcoin that will ever exist, in satoshis: no single amount can be larger. */
  public static final long MAX_MONEY = 21_000_000L * PER_BTC;

  private Sats() {}

  /** {@code floor(amount * numerator / denominator)}, exact for any non-negative inputs. */
  public static long fractionFloor(long amount, long numerator, long denominator) {
    if (amount < 0 || numerator < 0 || denominator <= 0) {
      throw new IllegalArgumentException(
          "fractionFloor needs amount >= 0, numerator >= 0, denominator > 0; got "
              + amount
              + ", "
              + numerator
              + ", "
              + denominator);
    }
    return BigInteger.valueOf(amount)
        .multiply(BigInteger.valueOf(numerator))
        .divide(BigInteger.valueOf(denominator))
        .longValueExact();
  }

  /** {@code floor(amount * weight / total)} for exact decimal weights, {@code 0 <= weight}. */
  public static long fractionFloor(long amount, BigDecimal weight, BigDecimal total) {
    if (amount < 0 || weight.signum() < 0 || total.signum() <= 0) {
      throw new IllegalArgumentException(
          "fractionFloor needs amount >= 0, weight >= 0, total > 0; got "
              + amount
              + ", "
              + weight
              + ", "
              + total);
    }
    return BigDecimal.valueOf(amount)
        .multiply(weight)
        .divide(total, 0, RoundingMode.FLOOR)
        .longValueExact();
  }

  /** The amount as bitcoin with exactly eight decimals, e.g. 546 sats is 0.00000546. */
  public static BigDecimal toBtc(long sats) {
    return BigDecimal.valueOf(sats, 8);
  }

  /** Plain decimal text of {@link #toBtc}, never scientific notation. */
  public static String toBtcText(long sats) {
    return toBtc(sats).toPlainString();
  }

  /** Checks a money amount: {@code 0 <= sats <= MAX_MONEY}. */
  public static long requireAmount(long sats, String what) {
    if (sats < 0 || sats > MAX_MONEY) {
      throw new IllegalArgumentException(
          what + " must be between 0 and " + MAX_MONEY + " sats, got " + sats);
    }
    return sats;
  }
}
