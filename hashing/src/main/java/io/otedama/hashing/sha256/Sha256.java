package io.otedama.hashing.sha256;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * The SHA-256 compression function on big-endian 32-bit words, for code that needs the state
 * itself: midstates, the nonce scanners and scrypt's HMAC. Plain whole-message hashing goes through
 * {@link Sha256d} (the JDK's intrinsified digest) instead.
 */
public final class Sha256 {
  /** The round constants. */
  static final int[] K = {
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2
  };

  /** The initial hash value H(0). */
  static final int[] IV = {
    0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19
  };

  private static final VarHandle INT_BE =
      MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);

  private Sha256() {}

  /** A fresh copy of the initial hash value. */
  public static int[] initialState() {
    return IV.clone();
  }

  /** Round constant {@code K[i]}. */
  public static int k(int i) {
    return K[i];
  }

  /** Initial hash word {@code H0[i]}. */
  public static int iv(int i) {
    return IV[i];
  }

  /**
   * Compresses one 64-byte block in place into {@code state}.
   *
   * @param w scratch of at least 64 words; overwritten
   */
  public static void compress(int[] state, byte[] block, int offset, int[] w) {
    for (int i = 0; i < 16; i++) {
      w[i] = readIntBE(block, offset + 4 * i);
    }
    compressWords(state, w);
  }

  /**
   * Compresses one block given as its 16 big-endian words in {@code w[0..15]} into {@code state};
   * {@code w[16..63]} is overwritten with the message schedule.
   */
  public static void compressWords(int[] state, int[] w) {
    for (int i = 16; i < 64; i++) {
      w[i] = smallSigma1(w[i - 2]) + w[i - 7] + smallSigma0(w[i - 15]) + w[i - 16];
    }
    int a = state[0];
    int b = state[1];
    int c = state[2];
    int d = state[3];
    int e = state[4];
    int f = state[5];
    int g = state[6];
    int h = state[7];
    for (int i = 0; i < 64; i++) {
      int t1 = h + bigSigma1(e) + ch(e, f, g) + K[i] + w[i];
      int t2 = bigSigma0(a) + maj(a, b, c);
      h = g;
      g = f;
      f = e;
      e = d + t1;
      d = c;
      c = b;
      b = a;
      a = t1 + t2;
    }
    state[0] += a;
    state[1] += b;
    state[2] += c;
    state[3] += d;
    state[4] += e;
    state[5] += f;
    state[6] += g;
    state[7] += h;
  }

  /** The SHA-256 state after the first 64 bytes of {@code header} (the midstate of a job). */
  public static int[] midstate(byte[] header) {
    int[] state = initialState();
    compress(state, header, 0, new int[64]);
    return state;
  }

  /** Reads a big-endian 32-bit word. */
  public static int readIntBE(byte[] b, int offset) {
    return (int) INT_BE.get(b, offset);
  }

  /** Writes a big-endian 32-bit word. */
  public static void writeIntBE(byte[] b, int offset, int value) {
    INT_BE.set(b, offset, value);
  }

  /** Writes the eight state words big-endian: the digest bytes. */
  public static void writeState(int[] state, byte[] out, int offset) {
    for (int i = 0; i < 8; i++) {
      INT_BE.set(out, offset + 4 * i, state[i]);
    }
  }

  /** Choose: {@code (x & y) ^ (~x & z)}. */
  public static int ch(int x, int y, int z) {
    return (x & y) ^ (~x & z);
  }

  /** Majority: {@code (x & y) ^ (x & z) ^ (y & z)}. */
  public static int maj(int x, int y, int z) {
    return (x & y) ^ (x & z) ^ (y & z);
  }

  /** Σ0 of FIPS 180-4. */
  public static int bigSigma0(int x) {
    return Integer.rotateRight(x, 2) ^ Integer.rotateRight(x, 13) ^ Integer.rotateRight(x, 22);
  }

  /** Σ1 of FIPS 180-4. */
  public static int bigSigma1(int x) {
    return Integer.rotateRight(x, 6) ^ Integer.rotateRight(x, 11) ^ Integer.rotateRight(x, 25);
  }

  /** σ0 of FIPS 180-4. */
  public static int smallSigma0(int x) {
    return Integer.rotateRight(x, 7) ^ Integer.rotateRight(x, 18) ^ (x >>> 3);
  }

  /** σ1 of FIPS 180-4. */
  public static int smallSigma1(int x) {
    return Integer.rotateRight(x, 17) ^ Integer.rotateRight(x, 19) ^ (x >>> 10);
  }
}
