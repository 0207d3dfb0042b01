package io.otedama.hashing;

import java.math.BigInteger;
import java.util.HexFormat;

/**
 * A 256-bit unsigned proof-of-work target. A hash meets the target when the hash, read as a
 * little-endian 256-bit integer, is less than or equal to it.
 *
 * <p>Immutable. Comparisons against a hash use four unsigned 64-bit limbs, so the hot path (share
 * validation, candidate checks in the scanners) allocates nothing and avoids {@link BigInteger}.
 */
public final class Target implements Comparable<Target> {
  private static final BigInteger MAX_VALUE =
      BigInteger.ONE.shiftLeft(256).subtract(BigInteger.ONE);

  /** The largest target, {@code 2^256 - 1}: every hash meets it. */
  public static final Target MAX = of(MAX_VALUE);

  // limb3 is the most significant 64 bits
  private final long limb0;
  private final long limb1;
  private final long limb2;
  private final long limb3;

  private Target(long limb0, long limb1, long limb2, long limb3) {
    this.limb0 = limb0;
    this.limb1 = limb1;
    this.limb2 = limb2;
    this.limb3 = limb3;
  }

  /**
   * The target with the given value.
   *
   * @throws IllegalArgumentException when the value is negative or wider than 256 bits
   */
  public static Target of(BigInteger value) {
    if (value.signum() < 0 || value.bitLength() > 256) {
      throw new IllegalArgumentException("a target must be between 0 and 2^256-1, got " + value);
    }
    return new Target(
        value.longValue(),
        value.shiftRight(64).longValue(),
        value.shiftRight(128).longValue(),
        value.shiftRight(192).longValue());
  }

  /** A target written as 64 hex digits, most significant first (as {@code 00000000ffff0000...}). */
  public static Target fromHex(String hex) {
    return of(new BigInteger(1, Hex.decode("target", hex, 32)));
  }

  /**
   * The target of a header's compact {@code nbits} field: {@code (nbits & 0xffffff) << 8 * ((nbits
   * >> 24) - 3)}.
   *
   * @throws IllegalArgumentException for a negative (sign bit set) or overflowing encoding
   */
  public static Target fromCompact(int nbits) {
    int exponent = nbits >>> 24;
    int mantissa = nbits & 0x007fffff;
    if ((nbits & 0x00800000) != 0 && mantissa != 0) {
      throw new IllegalArgumentException(
          "compact target " + Hex.encodeInt32(nbits) + " is negative (sign bit set)");
    }
    BigInteger m = BigInteger.valueOf(mantissa);
    BigInteger value =
        exponent <= 3 ? m.shiftRight(8 * (3 - exponent)) : m.shiftLeft(8 * (exponent - 3));
    if (value.bitLength() > 256) {
      throw new IllegalArgumentException(
          "compact target " + Hex.encodeInt32(nbits) + " overflows 256 bits");
    }
    return of(value);
  }

  /**
   * The compact {@code nbits} encoding of this target (Bitcoin's {@code GetCompact}); lossy: only
   * the 23 most significant bits of the mantissa survive.
   */
  public int toCompact() {
    BigInteger value = toBigInteger();
    int size = (value.bitLength() + 7) / 8;
    long compact;
    if (size <= 3) {
      compact = value.longValue() << (8 * (3 - size));
    } else {
      compact = value.shiftRight(8 * (size - 3)).longValue();
    }
    if ((compact & 0x00800000L) != 0) {
      compact >>= 8;
      size++;
    }
    return (int) (compact | ((long) size << 24));
  }

  /**
   * Whether the 32-byte hash at {@code offset}, read as a little-endian 256-bit integer, is less
   * than or equal to this target.
   */
  public boolean isMetBy(byte[] hash, int offset) {
    long h3 = Limbs.longLE(hash, offset + 24);
    if (h3 != limb3) {
      return Long.compareUnsigned(h3, limb3) < 0;
    }
    long h2 = Limbs.longLE(hash, offset + 16);
    if (h2 != limb2) {
      return Long.compareUnsigned(h2, limb2) < 0;
    }
    long h1 = Limbs.longLE(hash, offset + 8);
    if (h1 != limb1) {
      return Long.compareUnsigned(h1, limb1) < 0;
    }
    return Long.compareUnsigned(Limbs.longLE(hash, offset), limb0) <= 0;
  }

  /** Whether the 32-byte hash meets this target; see {@link #isMetBy(byte[], int)}. */
  public boolean isMetBy(byte[] hash) {
    return isMetBy(hash, 0);
  }

  /**
   * The most significant 32 bits. A hash whose most significant 32 bits (bytes 28..31,
   * little-endian) exceed this word cannot meet the target: the scanners reject on it early.
   */
  public int topWord() {
    return (int) (limb3 >>> 32);
  }

  /** The value as a (non-negative) BigInteger. */
  public BigInteger toBigInteger() {
    BigInteger v = unsigned(limb3);
    v = v.shiftLeft(64).or(unsigned(limb2));
    v = v.shiftLeft(64).or(unsigned(limb1));
    return v.shiftLeft(64).or(unsigned(limb0));
  }

  /** The value as the nearest double. */
  public double toDouble() {
    return Limbs.limbsToDouble(limb0, limb1, limb2, limb3);
  }

  /** 64 lowercase hex digits, most significant first. */
  public String toHex() {
    HexFormat hex = HexFormat.of();
    return hex.toHexDigits(limb3)
        + hex.toHexDigits(limb2)
        + hex.toHexDigits(limb1)
        + hex.toHexDigits(limb0);
  }

  @Override
  public int compareTo(Target o) {
    int c = Long.compareUnsigned(limb3, o.limb3);
    if (c == 0) {
      c = Long.compareUnsigned(limb2, o.limb2);
    }
    if (c == 0) {
      c = Long.compareUnsigned(limb1, o.limb1);
    }
    if (c == 0) {
      c = Long.compareUnsigned(limb0, o.limb0);
    }
    return c;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Target t
        && t.limb0 == limb0
        && t.limb1 == limb1
        && t.limb2 == limb2
        && t.limb3 == limb3;
  }

  @Override
  public int hashCode() {
    return Long.hashCode(limb0 ^ limb1 ^ limb2 ^ limb3);
  }

  @Override
  public String toString() {
    return toHex();
  }

  private static BigInteger unsigned(long limb) {
    BigInteger v = BigInteger.valueOf(limb & Long.MAX_VALUE);
    return limb < 0 ? v.setBit(63) : v;
  }
}
