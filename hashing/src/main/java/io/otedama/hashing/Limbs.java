package io.otedama.hashing;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * The four 64-bit limbs of a 256-bit little-endian number: reading them from hash bytes and
 * converting them to a double. Shared by targets and difficulty.
 */
final class Limbs {
  private static final VarHandle LONG_LE =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final double TWO_64 = 0x1p64;

  private Limbs() {}

  static long longLE(byte[] b, int offset) {
    return (long) LONG_LE.get(b, offset);
  }

  /** The nearest double of the 256-bit value with limb3 most significant. */
  static double limbsToDouble(long limb0, long limb1, long limb2, long limb3) {
    // Sum from the top: each step rounds at most once; error stays within a few ulps, far
    // below what a difficulty needs.
    double v = unsignedToDouble(limb3);
    v = v * TWO_64 + unsignedToDouble(limb2);
    v = v * TWO_64 + unsignedToDouble(limb1);
    return v * TWO_64 + unsignedToDouble(limb0);
  }

  private static double unsignedToDouble(long x) {
    if (x >= 0) {
      return x;
    }
    // keep the lowest bit as a sticky bit so the halving does not change the rounding
    return ((double) ((x >>> 1) | (x & 1))) * 2.0;
  }
}
