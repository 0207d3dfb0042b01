package io.otedama.hashing.scrypt;

import static jdk.incubator.vector.VectorOperators.ROL;
import static jdk.incubator.vector.VectorOperators.XOR;

import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * scrypt(N=1024, r=1, p=1) of several 80-byte headers at once on the Vector API, one header per
 * lane (16 with AVX-512, 8 with AVX2). Salsa20/8 is pure add, rotate and xor, so sixteen
 * independent hashes run in the time of about one; ROMix reads V with one gather per word because
 * every lane jumps to its own block.
 *
 * <p>Layout: the block of every lane is stored word-major, {@code [word][lane]}, so word k of all
 * lanes is one vector load; V is {@code [i][word][lane]}, 128 KiB per lane.
 *
 * <p>Only loaded when the {@code jdk.incubator.vector} module is present (see {@code
 * io.otedama.hashing.scan.NonceScanner#create}). Not thread-safe; allocation-free per batch.
 */
public final class VectorScrypt {
  private static final VectorSpecies<Integer> S = IntVector.SPECIES_PREFERRED;
  private static final int L = S.length();
  private static final int N = 1024;
  private static final int BLOCK = 32; // words in a 128-byte block

  private final int[] v = new int[N * BLOCK * L];
  private final int[] x = new int[BLOCK * L];
  private final int[] index = new int[L];
  private final int[] iota = new int[L];
  private final HmacSha256 hmac = new HmacSha256();
  private final byte[] b = new byte[128];

  public VectorScrypt() {
    for (int i = 0; i < L; i++) {
      iota[i] = i;
    }
  }

  /** How many headers one {@link #hash} call hashes. */
  public static int lanes() {
    return L;
  }

  /**
   * Hashes {@link #lanes()} headers: {@code headers[lane]} (80 bytes each) into {@code out[32 *
   * lane ..]}, internal byte order.
   */
  public void hash(byte[][] headers, byte[] out) {
    for (int lane = 0; lane < L; lane++) {
      byte[] header = headers[lane];
      hmac.setKey(header, 0, header.length);
      hmac.pbkdf2(header, 0, header.length, b, 0, 128);
      for (int k = 0; k < BLOCK; k++) {
        x[k * L + lane] =
            (b[4 * k] & 0xff)
                | (b[4 * k + 1] & 0xff) << 8
                | (b[4 * k + 2] & 0xff) << 16
                | (b[4 * k + 3] & 0xff) << 24;
      }
    }
    roMix();
    for (int lane = 0; lane < L; lane++) {
      for (int k = 0; k < BLOCK; k++) {
        int w = x[k * L + lane];
        b[4 * k] = (byte) w;
        b[4 * k + 1] = (byte) (w >>> 8);
        b[4 * k + 2] = (byte) (w >>> 16);
        b[4 * k + 3] = (byte) (w >>> 24);
      }
      byte[] header = headers[lane];
      hmac.setKey(header, 0, header.length);
      hmac.pbkdf2(b, 0, 128, out, 32 * lane, 32);
    }
  }

  private void roMix() {
    final int blockInts = BLOCK * L;
    for (int i = 0; i < N; i++) {
      System.arraycopy(x, 0, v, i * blockInts, blockInts);
      salsaXor(x, 0, 16);
      salsaXor(x, 16, 0);
    }
    IntVector lanes = IntVector.fromArray(S, iota, 0);
    for (int i = 0; i < N; i++) {
      // each lane's j = Integerify(X) mod N, as the index of word 0 of V[j] for that lane
      IntVector.fromArray(S, x, 16 * L).and(N - 1).mul(blockInts).add(lanes).intoArray(index, 0);
      for (int k = 0; k < BLOCK; k++) {
        IntVector.fromArray(S, x, k * L)
            .lanewise(XOR, IntVector.fromArray(S, v, k * L, index, 0))
            .intoArray(x, k * L);
      }
      salsaXor(x, 0, 16);
      salsaXor(x, 16, 0);
    }
  }

  /**
   * Rows {@code to..to+15} = Salsa20/8(rows {@code to..} ^ rows {@code from..}), all lanes at once.
   * The sixteen state vectors stay in registers; the input is reloaded for the final addition
   * rather than kept live.
   */
  private static void salsaXor(int[] x, int to, int from) {
    IntVector x0 =
        IntVector.fromArray(S, x, (to + 0) * L)
            .lanewise(XOR, IntVector.fromArray(S, x, (from + 0) * L));
    IntVector x1 =
        IntVector.fromArray(S, x, (to + 1) * L)
            .lanewise(XOR, IntVector.fromArray(S, x, (from + 1) * L));
    IntVector x2 =
        IntVector.fromArray(S, x, (to + 2) * L)
            .lanewise(XOR, IntVector.fromArray(S, x, (from + 2) * L));
    IntVector x3 =
        IntVector.fromArray(S, x, (to + 3) * L)
            .lanewise(XOR, IntVector.fromArray(S, x, (from + 3) * L));
    IntVector x4 =
        IntVector.fromArray(S, x, (to + 4) * L)
            .lanewise(XOR, IntVector.fromArray(S, x, (from + 4) * L));
    IntVector x5 =
        IntVector.fromArray(S, x, (to + 5) * L)
            .lanewise(XOR, IntVector.fromArray(S, x, (from + 5) * L));
    IntVector x6 =
        IntVector.fromArray(S, x, (to + 6) * L)
            .lanewise(XOR, IntVector.fromArray(S, x, (from + 6) * L));
    IntVector x7 =
        IntVector.fromArray(S, x, (to + 7) * L)
            .lanewise(XOR, IntVector.fromArray(S, x, (from + 7) * L));
    IntVector x8 =
        IntVector.fromArray(S, x, (to + 8) * L)
            .lanewise(XOR, IntVector.fromArray(S, x, (from + 8) * L));
    IntVector x9 =
        IntVector.fromArray(S, x, (to + 9) * L)
            .lanewise(XOR, IntVector.fromArray(S, x, (from + 9) * L));
    IntVector x10 =
        IntVector.fromArray(S, x, (to + 10) * L)
            .lanewise(XOR, IntVector.fromArray(S, x, (from + 10) * L));
    IntVector x11 =
        IntVector.fromArray(S, x, (to + 11) * L)
            .lanewise(XOR, IntVector.fromArray(S, x, (from + 11) * L));
    IntVector x12 =
        IntVector.fromArray(S, x, (to + 12) * L)
            .lanewise(XOR, IntVector.fromArray(S, x, (from + 12) * L));
    IntVector x13 =
        IntVector.fromArray(S, x, (to + 13) * L)
            .lanewise(XOR, IntVector.fromArray(S, x, (from + 13) * L));
    IntVector x14 =
        IntVector.fromArray(S, x, (to + 14) * L)
            .lanewise(XOR, IntVector.fromArray(S, x, (from + 14) * L));
    IntVector x15 =
        IntVector.fromArray(S, x, (to + 15) * L)
            .lanewise(XOR, IntVector.fromArray(S, x, (from + 15) * L));
    for (int i = 0; i < 4; i++) {
      // columns
      x4 = x4.lanewise(XOR, x0.add(x12).lanewise(ROL, 7));
      x8 = x8.lanewise(XOR, x4.add(x0).lanewise(ROL, 9));
      x12 = x12.lanewise(XOR, x8.add(x4).lanewise(ROL, 13));
      x0 = x0.lanewise(XOR, x12.add(x8).lanewise(ROL, 18));
      x9 = x9.lanewise(XOR, x5.add(x1).lanewise(ROL, 7));
      x13 = x13.lanewise(XOR, x9.add(x5).lanewise(ROL, 9));
      x1 = x1.lanewise(XOR, x13.add(x9).lanewise(ROL, 13));
      x5 = x5.lanewise(XOR, x1.add(x13).lanewise(ROL, 18));
      x14 = x14.lanewise(XOR, x10.add(x6).lanewise(ROL, 7));
      x2 = x2.lanewise(XOR, x14.add(x10).lanewise(ROL, 9));
      x6 = x6.lanewise(XOR, x2.add(x14).lanewise(ROL, 13));
      x10 = x10.lanewise(XOR, x6.add(x2).lanewise(ROL, 18));
      x3 = x3.lanewise(XOR, x15.add(x11).lanewise(ROL, 7));
      x7 = x7.lanewise(XOR, x3.add(x15).lanewise(ROL, 9));
      x11 = x11.lanewise(XOR, x7.add(x3).lanewise(ROL, 13));
      x15 = x15.lanewise(XOR, x11.add(x7).lanewise(ROL, 18));
      // rows
      x1 = x1.lanewise(XOR, x0.add(x3).lanewise(ROL, 7));
      x2 = x2.lanewise(XOR, x1.add(x0).lanewise(ROL, 9));
      x3 = x3.lanewise(XOR, x2.add(x1).lanewise(ROL, 13));
      x0 = x0.lanewise(XOR, x3.add(x2).lanewise(ROL, 18));
      x6 = x6.lanewise(XOR, x5.add(x4).lanewise(ROL, 7));
      x7 = x7.lanewise(XOR, x6.add(x5).lanewise(ROL, 9));
      x4 = x4.lanewise(XOR, x7.add(x6).lanewise(ROL, 13));
      x5 = x5.lanewise(XOR, x4.add(x7).lanewise(ROL, 18));
      x11 = x11.lanewise(XOR, x10.add(x9).lanewise(ROL, 7));
      x8 = x8.lanewise(XOR, x11.add(x10).lanewise(ROL, 9));
      x9 = x9.lanewise(XOR, x8.add(x11).lanewise(ROL, 13));
      x10 = x10.lanewise(XOR, x9.add(x8).lanewise(ROL, 18));
      x12 = x12.lanewise(XOR, x15.add(x14).lanewise(ROL, 7));
      x13 = x13.lanewise(XOR, x12.add(x15).lanewise(ROL, 9));
      x14 = x14.lanewise(XOR, x13.add(x12).lanewise(ROL, 13));
      x15 = x15.lanewise(XOR, x14.add(x13).lanewise(ROL, 18));
    }
    x0.add(
            IntVector.fromArray(S, x, (to + 0) * L)
                .lanewise(XOR, IntVector.fromArray(S, x, (from + 0) * L)))
        .intoArray(x, (to + 0) * L);
    x1.add(
            IntVector.fromArray(S, x, (to + 1) * L)
                .lanewise(XOR, IntVector.fromArray(S, x, (from + 1) * L)))
        .intoArray(x, (to + 1) * L);
    x2.add(
            IntVector.fromArray(S, x, (to + 2) * L)
                .lanewise(XOR, IntVector.fromArray(S, x, (from + 2) * L)))
        .intoArray(x, (to + 2) * L);
    x3.add(
            IntVector.fromArray(S, x, (to + 3) * L)
                .lanewise(XOR, IntVector.fromArray(S, x, (from + 3) * L)))
        .intoArray(x, (to + 3) * L);
    x4.add(
            IntVector.fromArray(S, x, (to + 4) * L)
                .lanewise(XOR, IntVector.fromArray(S, x, (from + 4) * L)))
        .intoArray(x, (to + 4) * L);
    x5.add(
            IntVector.fromArray(S, x, (to + 5) * L)
                .lanewise(XOR, IntVector.fromArray(S, x, (from + 5) * L)))
        .intoArray(x, (to + 5) * L);
    x6.add(
            IntVector.fromArray(S, x, (to + 6) * L)
                .lanewise(XOR, IntVector.fromArray(S, x, (from + 6) * L)))
        .intoArray(x, (to + 6) * L);
    x7.add(
            IntVector.fromArray(S, x, (to + 7) * L)
                .lanewise(XOR, IntVector.fromArray(S, x, (from + 7) * L)))
        .intoArray(x, (to + 7) * L);
    x8.add(
            IntVector.fromArray(S, x, (to + 8) * L)
                .lanewise(XOR, IntVector.fromArray(S, x, (from + 8) * L)))
        .intoArray(x, (to + 8) * L);
    x9.add(
            IntVector.fromArray(S, x, (to + 9) * L)
                .lanewise(XOR, IntVector.fromArray(S, x, (from + 9) * L)))
        .intoArray(x, (to + 9) * L);
    x10.add(
            IntVector.fromArray(S, x, (to + 10) * L)
                .lanewise(XOR, IntVector.fromArray(S, x, (from + 10) * L)))
        .intoArray(x, (to + 10) * L);
    x11.add(
            IntVector.fromArray(S, x, (to + 11) * L)
                .lanewise(XOR, IntVector.fromArray(S, x, (from + 11) * L)))
        .intoArray(x, (to + 11) * L);
    x12.add(
            IntVector.fromArray(S, x, (to + 12) * L)
                .lanewise(XOR, IntVector.fromArray(S, x, (from + 12) * L)))
        .intoArray(x, (to + 12) * L);
    x13.add(
            IntVector.fromArray(S, x, (to + 13) * L)
                .lanewise(XOR, IntVector.fromArray(S, x, (from + 13) * L)))
        .intoArray(x, (to + 13) * L);
    x14.add(
            IntVector.fromArray(S, x, (to + 14) * L)
                .lanewise(XOR, IntVector.fromArray(S, x, (from + 14) * L)))
        .intoArray(x, (to + 14) * L);
    x15.add(
            IntVector.fromArray(S, x, (to + 15) * L)
                .lanewise(XOR, IntVector.fromArray(S, x, (from + 15) * L)))
        .intoArray(x, (to + 15) * L);
  }
}
