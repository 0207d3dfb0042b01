package io.otedama.hashing;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Stratum difficulty: how many difficulty-1 targets a target (or a hash) is below. Fractional
 * difficulties are allowed in both directions (a CPU rig mines at difficulty well below 1).
 */
public final class Difficulty {
  private static final MathContext WIDE = new MathContext(100, RoundingMode.HALF_EVEN);

  private Difficulty() {}

  /**
   * The share difficulty of a 32-byte hash: {@code diff1 / hash}, the hash read as a little-endian
   * 256-bit integer. A hash of zero has infinite difficulty. Allocation-free.
   */
  public static double ofHash(Algorithm algorithm, byte[] hash, int offset) {
    double h =
        Limbs.limbsToDouble(
            Limbs.longLE(hash, offset),
            Limbs.longLE(hash, offset + 8),
            Limbs.longLE(hash, offset + 16),
            Limbs.longLE(hash, offset + 24));
    return h == 0 ? Double.POSITIVE_INFINITY : algorithm.diff1Value() / h;
  }

  /** The share difficulty of a 32-byte hash; see {@link #ofHash(Algorithm, byte[], int)}. */
  public static double ofHash(Algorithm algorithm, byte[] hash) {
    return ofHash(algorithm, hash, 0);
  }

  /** The difficulty a target stands for: {@code diff1 / target}. */
  public static double ofTarget(Algorithm algorithm, Target target) {
    double t = target.toDouble();
    return t == 0 ? Double.POSITIVE_INFINITY : algorithm.diff1Value() / t;
  }

  /**
   * The target of a (possibly fractional) difficulty: {@code floor(diff1 / difficulty)}, capped at
   * {@link Target#MAX}.
   *
   * @throws IllegalArgumentException when the difficulty is not a positive finite number
   */
  public static Target toTarget(Algorithm algorithm, double difficulty) {
    if (!(difficulty > 0) || Double.isInfinite(difficulty)) {
      throw new IllegalArgumentException(
          "difficulty must be a positive finite number, got " + difficulty);
    }
    BigDecimal quotient =
        new BigDecimal(algorithm.diff1().toBigInteger())
            .divide(new BigDecimal(difficulty), WIDE)
            .setScale(0, RoundingMode.FLOOR);
    if (quotient.compareTo(new BigDecimal(Target.MAX.toBigInteger())) >= 0) {
      return Target.MAX;
    }
    return Target.of(quotient.toBigIntegerExact());
  }

  /**
   * A difficulty as plain decimal text with 15 significant digits and no exponent or trailing zeros
   * ({@code 683.509...}, {@code 0.001}, {@code 49549703178592.7}); the format the agent CLI prints.
   */
  public static String format(double difficulty) {
    if (Double.isInfinite(difficulty)) {
      return "infinity";
    }
    if (difficulty == 0) {
      return "0";
    }
    return new BigDecimal(difficulty)
        .round(new MathContext(15, RoundingMode.HALF_EVEN))
        .stripTrailingZeros()
        .toPlainString();
  }
}
