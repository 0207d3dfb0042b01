package io.otedama.hashing;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The proof-of-work functions Otedama mines and validates, each with the target that Stratum
 * difficulty 1 stands for.
 */
public enum Algorithm {
  /** Bitcoin's double SHA-256; difficulty 1 is {@code 0x00000000FFFF0000...}. */
  SHA256D("sha256d", BigInteger.valueOf(0xFFFF).shiftLeft(208)),
  /**
   * Litecoin-family scrypt(N=1024, r=1, p=1); Stratum difficulty 1 is {@code 0x0000FFFF00...},
   * 65536 times easier than SHA-256d's.
   */
  SCRYPT("scrypt", BigInteger.valueOf(0xFFFF).shiftLeft(224));

  private final String id;
  private final Target diff1;
  private final double diff1Value;

  Algorithm(String id, BigInteger diff1) {
    this.id = id;
    this.diff1 = Target.of(diff1);
    this.diff1Value = diff1.doubleValue();
  }

  /** The name used on command lines and in messages: {@code sha256d} or {@code scrypt}. */
  public String id() {
    return id;
  }

  /** The target of difficulty 1. */
  public Target diff1() {
    return diff1;
  }

  /** The difficulty-1 target as a double, for fast difficulty arithmetic. */
  double diff1Value() {
    return diff1Value;
  }

  /**
   * The algorithm named {@code id} (case-insensitive).
   *
   * @throws IllegalArgumentException listing the known names
   */
  public static Algorithm fromId(String id) {
    if (id != null) {
      String wanted = id.toLowerCase(Locale.ROOT);
      for (Algorithm a : values()) {
        if (a.id.equals(wanted)) {
          return a;
        }
      }
    }
    throw new IllegalArgumentException(
        "unknown algorithm '"
            + id
            + "', expected one of "
            + Arrays.stream(values()).map(Algorithm::id).collect(Collectors.joining(", ")));
  }

  @Override
  public String toString() {
    return id;
  }
}
