package io.otedama.hashing.scan;

import static jdk.incubator.vector.VectorOperators.EQ;
import static jdk.incubator.vector.VectorOperators.LE;
import static jdk.incubator.vector.VectorOperators.LSHR;
import static jdk.incubator.vector.VectorOperators.REVERSE_BYTES;
import static jdk.incubator.vector.VectorOperators.ROR;
import static jdk.incubator.vector.VectorOperators.XOR;

import io.otedama.hashing.Algorithm;
import io.otedama.hashing.Target;
import io.otedama.hashing.sha256.Sha256;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * SHA-256d nonce scanner on the Vector API: one nonce per lane (16 lanes with AVX-512, 8 with
 * AVX2). On top of the lanes it uses the same shortcuts as {@link ScalarNonceScanner}: midstate,
 * three rounds precomputed, nonce-independent schedule parts as scalars, the second hash cut after
 * round 60, and an early reject on the hash's most significant word.
 *
 * <p>Each round adds h + W + K first (h is known rounds ahead), so the dependency chain from one
 * round's e to the next is only Σ1, one add with Ch and two adds.
 *
 * <p>Why it looks the way it does: the SHA-256 functions (Σ0, Σ1, σ0, σ1, Ch, Maj) are written out
 * in place rather than as helper methods, because C2 refuses to inline a helper of more than 35
 * bytecodes at a call site it does not consider hot, and a vector passed to or returned from a
 * method that is not inlined gets boxed. For the same reason the hot methods call nothing but the
 * (force-inlined) Vector API itself: once C2 has used up its inlining budget, even a one-line
 * helper of ours stops being inlined and returns a boxed vector (that alone cost a factor of 3).
 * Everything that crosses a method boundary (the state between the stages of a pass, the message
 * schedule) is stored in {@code int[]} rows and loaded again with {@link IntVector#fromArray}; a
 * vector kept in a field or in an array of vectors is boxed and runs slower than scalar code.
 * Vectors carried in local variables through a loop are fine: the round loop keeps the state in
 * registers for a whole compression. Methods stay below about 1,700 bytecodes, because C1 gives up
 * on larger ones and the JIT then sometimes leaves them in slow code for seconds.
 *
 * <p>Only {@link VectorSupport} loads this class, reflectively, after checking that the {@code
 * jdk.incubator.vector} module is present.
 */
public final class VectorNonceScanner implements NonceScanner {
  private static final VectorSpecies<Integer> S = species();
  private static final int L = S.length();
  private static final int[] K = new int[64];
  private static final int[] IOTA = new int[L];
  private static final int IV7 = Sha256.iv(7);
  private static final int SS1_256 = Sha256.smallSigma1(256);
  private static final int SS0_PAD = Sha256.smallSigma0(0x80000000);
  private static final int SS0_256 = Sha256.smallSigma0(256);

  static {
    for (int i = 0; i < 64; i++) {
      K[i] = Sha256.k(i);
    }
    for (int i = 0; i < L; i++) {
      IOTA[i] = i;
    }
  }

  private final HeaderPrecomputation pre = new HeaderPrecomputation();
  private final CandidateCheck check = new CandidateCheck();

  /** Schedule of the header's second block, one row of L lanes per word. */
  private final int[] w1 = new int[66 * L]; // 64 words; the last schedule step overshoots by 2

  /** Schedule of the second hash's only block. */
  private final int[] w2 = new int[64 * L];

  /** Working state a..h, one row per word. */
  private final int[] st = new int[8 * L];

  private int topWord = -1;
  private boolean ready;

  public VectorNonceScanner() {
    IntVector.broadcast(S, 0x80000000).intoArray(w2, 8 * L);
    for (int i = 9; i < 15; i++) {
      IntVector.zero(S).intoArray(w2, i * L);
    }
    IntVector.broadcast(S, 256).intoArray(w2, 15 * L);
  }

  /**
   * The preferred int species, or a narrower one named by the system property {@code
   * otedama.hashing.vectorBits} (256 tries the AVX2 shape on an AVX-512 machine).
   */
  private static VectorSpecies<Integer> species() {
    int bits = Integer.getInteger("otedama.hashing.vectorBits", 0);
    return switch (bits) {
      case 128 -> IntVector.SPECIES_128;
      case 256 -> IntVector.SPECIES_256;
      case 512 -> IntVector.SPECIES_512;
      default -> IntVector.SPECIES_PREFERRED;
    };
  }

  /** How many nonces one pass hashes: the lanes of the preferred int species. */
  public static int lanes() {
    return L;
  }

  @Override
  public void setWork(byte[] header, Target target) {
    check.setWork(header, target);
    pre.set(header);
    for (int i = 0; i < 18; i++) {
      if (i != 3) {
        IntVector.broadcast(S, pre.w[i]).intoArray(w1, i * L);
      }
    }
    topWord = target.topWord();
    ready = true;
  }

  @Override
  public int scan(int firstNonce, int count, NonceListener listener) {
    if (!ready) {
      throw new IllegalStateException("setWork must be called before scan");
    }
    int found = 0;
    for (long done = 0; done < count; done += L) {
      int base = firstNonce + (int) done;
      long candidates = pass(base);
      if (candidates != 0) {
        long remaining = count - done;
        if (remaining < L) {
          candidates &= (1L << remaining) - 1;
        }
        while (candidates != 0) {
          int lane = Long.numberOfTrailingZeros(candidates);
          candidates &= candidates - 1;
          found += check.check(base + lane, listener);
        }
      }
    }
    return found;
  }

  /** Hashes nonces base .. base+L-1; returns the lanes that pass the early reject as bits. */
  private long pass(int base) {
    IntVector w3 =
        IntVector.fromArray(S, IOTA, 0).add(base).lanewise(REVERSE_BYTES); // header is LE
    w3.intoArray(w1, 3 * L);
    IntVector t1 = w3.add(pre.t1Base);
    t1.add(pre.t2).intoArray(st, 0);
    t1.add(pre.d3).intoArray(st, 4 * L);
    firstSchedule(w1, pre.partial);
    roundsFourToSeven(st, w1, pre);
    rounds(st, w1, 8, 64, 26, 64);
    int[] mid = pre.mid;
    for (int i = 0; i < 8; i++) {
      IntVector.fromArray(S, st, i * L).add(mid[i]).intoArray(w2, i * L);
      IntVector.broadcast(S, Sha256.iv(i)).intoArray(st, i * L);
    }
    secondSchedule(w2);
    rounds(st, w2, 0, 56, 32, 61);
    IntVector h7 = lastWord(st, w2);
    if (topWord == 0) {
      return h7.compare(EQ, 0).toLong();
    }
    // unsigned compare of the byte-swapped word, through the sign flip
    return h7.lanewise(REVERSE_BYTES)
        .lanewise(XOR, 0x80000000)
        .compare(LE, topWord ^ 0x80000000)
        .toLong();
  }

  /** Schedule words 18..63 of the header's second block; only word 3 (the nonce) varies. */
  static void firstSchedule(int[] w, int[] p) {
    IntVector w3 = IntVector.fromArray(S, w, 3 * L);
    IntVector w18 =
        w3.lanewise(ROR, 7)
            .lanewise(XOR, w3.lanewise(ROR, 18))
            .lanewise(XOR, w3.lanewise(LSHR, 3))
            .add(p[18]);
    IntVector w19 = w3.add(p[19]);
    IntVector w20 =
        w18.lanewise(ROR, 17)
            .lanewise(XOR, w18.lanewise(ROR, 19))
            .lanewise(XOR, w18.lanewise(LSHR, 10))
            .add(p[20]);
    IntVector w21 =
        w19.lanewise(ROR, 17)
            .lanewise(XOR, w19.lanewise(ROR, 19))
            .lanewise(XOR, w19.lanewise(LSHR, 10))
            .add(p[21]);
    IntVector w22 =
        w20.lanewise(ROR, 17)
            .lanewise(XOR, w20.lanewise(ROR, 19))
            .lanewise(XOR, w20.lanewise(LSHR, 10))
            .add(p[22]);
    IntVector w23 =
        w21.lanewise(ROR, 17)
            .lanewise(XOR, w21.lanewise(ROR, 19))
            .lanewise(XOR, w21.lanewise(LSHR, 10))
            .add(p[23]);
    IntVector w24 =
        w22.lanewise(ROR, 17)
            .lanewise(XOR, w22.lanewise(ROR, 19))
            .lanewise(XOR, w22.lanewise(LSHR, 10))
            .add(p[24]);
    IntVector w25 =
        w23.lanewise(ROR, 17)
            .lanewise(XOR, w23.lanewise(ROR, 19))
            .lanewise(XOR, w23.lanewise(LSHR, 10))
            .add(w18)
            .add(p[25]);
    IntVector w26 =
        w24.lanewise(ROR, 17)
            .lanewise(XOR, w24.lanewise(ROR, 19))
            .lanewise(XOR, w24.lanewise(LSHR, 10))
            .add(w19)
            .add(p[26]);
    IntVector w27 =
        w25.lanewise(ROR, 17)
            .lanewise(XOR, w25.lanewise(ROR, 19))
            .lanewise(XOR, w25.lanewise(LSHR, 10))
            .add(w20)
            .add(p[27]);
    IntVector w28 =
        w26.lanewise(ROR, 17)
            .lanewise(XOR, w26.lanewise(ROR, 19))
            .lanewise(XOR, w26.lanewise(LSHR, 10))
            .add(w21)
            .add(p[28]);
    IntVector w29 =
        w27.lanewise(ROR, 17)
            .lanewise(XOR, w27.lanewise(ROR, 19))
            .lanewise(XOR, w27.lanewise(LSHR, 10))
            .add(w22)
            .add(p[29]);
    IntVector w30 =
        w28.lanewise(ROR, 17)
            .lanewise(XOR, w28.lanewise(ROR, 19))
            .lanewise(XOR, w28.lanewise(LSHR, 10))
            .add(w23)
            .add(p[30]);
    IntVector w31 =
        w29.lanewise(ROR, 17)
            .lanewise(XOR, w29.lanewise(ROR, 19))
            .lanewise(XOR, w29.lanewise(LSHR, 10))
            .add(w24)
            .add(p[31]);
    IntVector w32 =
        w30.lanewise(ROR, 17)
            .lanewise(XOR, w30.lanewise(ROR, 19))
            .lanewise(XOR, w30.lanewise(LSHR, 10))
            .add(w25)
            .add(p[32]);
    IntVector w33 =
        w31.lanewise(ROR, 17)
            .lanewise(XOR, w31.lanewise(ROR, 19))
            .lanewise(XOR, w31.lanewise(LSHR, 10))
            .add(w26)
            .add(
                w18.lanewise(ROR, 7)
                    .lanewise(XOR, w18.lanewise(ROR, 18))
                    .lanewise(XOR, w18.lanewise(LSHR, 3)))
            .add(p[33]);
    w18.intoArray(w, 18 * L);
    w19.intoArray(w, 19 * L);
    w20.intoArray(w, 20 * L);
    w21.intoArray(w, 21 * L);
    w22.intoArray(w, 22 * L);
    w23.intoArray(w, 23 * L);
    w24.intoArray(w, 24 * L);
    w25.intoArray(w, 25 * L);
    w26.intoArray(w, 26 * L);
    w27.intoArray(w, 27 * L);
    w28.intoArray(w, 28 * L);
    w29.intoArray(w, 29 * L);
    w30.intoArray(w, 30 * L);
    w31.intoArray(w, 31 * L);
    w32.intoArray(w, 32 * L);
    w33.intoArray(w, 33 * L);
  }

  /**
   * Schedule words 16..60 of the second hash: words 0..7 are the first hash, 8..15 the constant
   * padding (0x80000000, six zeros, length 256), which removes many terms.
   */
  static void secondSchedule(int[] w) {
    IntVector v0 = IntVector.fromArray(S, w, 0);
    IntVector v1 = IntVector.fromArray(S, w, 1 * L);
    IntVector v2 = IntVector.fromArray(S, w, 2 * L);
    IntVector v3 = IntVector.fromArray(S, w, 3 * L);
    IntVector v4 = IntVector.fromArray(S, w, 4 * L);
    IntVector v5 = IntVector.fromArray(S, w, 5 * L);
    IntVector v6 = IntVector.fromArray(S, w, 6 * L);
    IntVector v7 = IntVector.fromArray(S, w, 7 * L);
    IntVector v16 =
        v1.lanewise(ROR, 7)
            .lanewise(XOR, v1.lanewise(ROR, 18))
            .lanewise(XOR, v1.lanewise(LSHR, 3))
            .add(v0);
    IntVector v17 =
        v2.lanewise(ROR, 7)
            .lanewise(XOR, v2.lanewise(ROR, 18))
            .lanewise(XOR, v2.lanewise(LSHR, 3))
            .add(v1)
            .add(SS1_256);
    IntVector v18 =
        v16.lanewise(ROR, 17)
            .lanewise(XOR, v16.lanewise(ROR, 19))
            .lanewise(XOR, v16.lanewise(LSHR, 10))
            .add(
                v3.lanewise(ROR, 7)
                    .lanewise(XOR, v3.lanewise(ROR, 18))
                    .lanewise(XOR, v3.lanewise(LSHR, 3)))
            .add(v2);
    IntVector v19 =
        v17.lanewise(ROR, 17)
            .lanewise(XOR, v17.lanewise(ROR, 19))
            .lanewise(XOR, v17.lanewise(LSHR, 10))
            .add(
                v4.lanewise(ROR, 7)
                    .lanewise(XOR, v4.lanewise(ROR, 18))
                    .lanewise(XOR, v4.lanewise(LSHR, 3)))
            .add(v3);
    IntVector v20 =
        v18.lanewise(ROR, 17)
            .lanewise(XOR, v18.lanewise(ROR, 19))
            .lanewise(XOR, v18.lanewise(LSHR, 10))
            .add(
                v5.lanewise(ROR, 7)
                    .lanewise(XOR, v5.lanewise(ROR, 18))
                    .lanewise(XOR, v5.lanewise(LSHR, 3)))
            .add(v4);
    IntVector v21 =
        v19.lanewise(ROR, 17)
            .lanewise(XOR, v19.lanewise(ROR, 19))
            .lanewise(XOR, v19.lanewise(LSHR, 10))
            .add(
                v6.lanewise(ROR, 7)
                    .lanewise(XOR, v6.lanewise(ROR, 18))
                    .lanewise(XOR, v6.lanewise(LSHR, 3)))
            .add(v5);
    IntVector v22 =
        v20.lanewise(ROR, 17)
            .lanewise(XOR, v20.lanewise(ROR, 19))
            .lanewise(XOR, v20.lanewise(LSHR, 10))
            .add(
                v7.lanewise(ROR, 7)
                    .lanewise(XOR, v7.lanewise(ROR, 18))
                    .lanewise(XOR, v7.lanewise(LSHR, 3)))
            .add(v6)
            .add(256);
    IntVector v23 =
        v21.lanewise(ROR, 17)
            .lanewise(XOR, v21.lanewise(ROR, 19))
            .lanewise(XOR, v21.lanewise(LSHR, 10))
            .add(v16)
            .add(v7)
            .add(SS0_PAD);
    IntVector v24 =
        v22.lanewise(ROR, 17)
            .lanewise(XOR, v22.lanewise(ROR, 19))
            .lanewise(XOR, v22.lanewise(LSHR, 10))
            .add(v17)
            .add(0x80000000);
    IntVector v25 =
        v23.lanewise(ROR, 17)
            .lanewise(XOR, v23.lanewise(ROR, 19))
            .lanewise(XOR, v23.lanewise(LSHR, 10))
            .add(v18);
    IntVector v26 =
        v24.lanewise(ROR, 17)
            .lanewise(XOR, v24.lanewise(ROR, 19))
            .lanewise(XOR, v24.lanewise(LSHR, 10))
            .add(v19);
    IntVector v27 =
        v25.lanewise(ROR, 17)
            .lanewise(XOR, v25.lanewise(ROR, 19))
            .lanewise(XOR, v25.lanewise(LSHR, 10))
            .add(v20);
    IntVector v28 =
        v26.lanewise(ROR, 17)
            .lanewise(XOR, v26.lanewise(ROR, 19))
            .lanewise(XOR, v26.lanewise(LSHR, 10))
            .add(v21);
    IntVector v29 =
        v27.lanewise(ROR, 17)
            .lanewise(XOR, v27.lanewise(ROR, 19))
            .lanewise(XOR, v27.lanewise(LSHR, 10))
            .add(v22);
    IntVector v30 =
        v28.lanewise(ROR, 17)
            .lanewise(XOR, v28.lanewise(ROR, 19))
            .lanewise(XOR, v28.lanewise(LSHR, 10))
            .add(v23)
            .add(SS0_256);
    IntVector v31 =
        v29.lanewise(ROR, 17)
            .lanewise(XOR, v29.lanewise(ROR, 19))
            .lanewise(XOR, v29.lanewise(LSHR, 10))
            .add(v24)
            .add(
                v16.lanewise(ROR, 7)
                    .lanewise(XOR, v16.lanewise(ROR, 18))
                    .lanewise(XOR, v16.lanewise(LSHR, 3)))
            .add(256);
    v16.intoArray(w, 16 * L);
    v17.intoArray(w, 17 * L);
    v18.intoArray(w, 18 * L);
    v19.intoArray(w, 19 * L);
    v20.intoArray(w, 20 * L);
    v21.intoArray(w, 21 * L);
    v22.intoArray(w, 22 * L);
    v23.intoArray(w, 23 * L);
    v24.intoArray(w, 24 * L);
    v25.intoArray(w, 25 * L);
    v26.intoArray(w, 26 * L);
    v27.intoArray(w, 27 * L);
    v28.intoArray(w, 28 * L);
    v29.intoArray(w, 29 * L);
    v30.intoArray(w, 30 * L);
    v31.intoArray(w, 31 * L);
  }

  /**
   * Rounds 4..7 of the header's second block. Only a and e (rows 0 and 4) depend on the nonce here;
   * the other six words are still the per-job scalars. Stores the state back in order.
   */
  private static void roundsFourToSeven(int[] st, int[] w, HeaderPrecomputation pre) {
    IntVector a = IntVector.fromArray(S, st, 0);
    IntVector b = IntVector.broadcast(S, pre.a3);
    IntVector c = IntVector.broadcast(S, pre.b3);
    IntVector d = IntVector.broadcast(S, pre.c3);
    IntVector e = IntVector.fromArray(S, st, 4 * L);
    IntVector f = IntVector.broadcast(S, pre.e3);
    IntVector g = IntVector.broadcast(S, pre.f3);
    IntVector h = IntVector.broadcast(S, pre.g3);
    IntVector t1;
    t1 =
        e.lanewise(ROR, 6)
            .lanewise(XOR, e.lanewise(ROR, 11))
            .lanewise(XOR, e.lanewise(ROR, 25))
            .add(g.lanewise(XOR, e.and(f.lanewise(XOR, g))))
            .add(h.add(IntVector.fromArray(S, w, 4 * L)).add(K[4]));
    d = d.add(t1);
    h =
        t1.add(
                a.lanewise(ROR, 2)
                    .lanewise(XOR, a.lanewise(ROR, 13))
                    .lanewise(XOR, a.lanewise(ROR, 22)))
            .add(a.and(b).or(c.and(a.or(b))));
    t1 =
        d.lanewise(ROR, 6)
            .lanewise(XOR, d.lanewise(ROR, 11))
            .lanewise(XOR, d.lanewise(ROR, 25))
            .add(f.lanewise(XOR, d.and(e.lanewise(XOR, f))))
            .add(g.add(IntVector.fromArray(S, w, 5 * L)).add(K[5]));
    c = c.add(t1);
    g =
        t1.add(
                h.lanewise(ROR, 2)
                    .lanewise(XOR, h.lanewise(ROR, 13))
                    .lanewise(XOR, h.lanewise(ROR, 22)))
            .add(h.and(a).or(b.and(h.or(a))));
    t1 =
        c.lanewise(ROR, 6)
            .lanewise(XOR, c.lanewise(ROR, 11))
            .lanewise(XOR, c.lanewise(ROR, 25))
            .add(e.lanewise(XOR, c.and(d.lanewise(XOR, e))))
            .add(f.add(IntVector.fromArray(S, w, 6 * L)).add(K[6]));
    b = b.add(t1);
    f =
        t1.add(
                g.lanewise(ROR, 2)
                    .lanewise(XOR, g.lanewise(ROR, 13))
                    .lanewise(XOR, g.lanewise(ROR, 22)))
            .add(g.and(h).or(a.and(g.or(h))));
    t1 =
        b.lanewise(ROR, 6)
            .lanewise(XOR, b.lanewise(ROR, 11))
            .lanewise(XOR, b.lanewise(ROR, 25))
            .add(d.lanewise(XOR, b.and(c.lanewise(XOR, d))))
            .add(e.add(IntVector.fromArray(S, w, 7 * L)).add(K[7]));
    a = a.add(t1);
    e =
        t1.add(
                f.lanewise(ROR, 2)
                    .lanewise(XOR, f.lanewise(ROR, 13))
                    .lanewise(XOR, f.lanewise(ROR, 22)))
            .add(f.and(g).or(h.and(f.or(g))));
    // after four rounds the roles have moved by four: (e, f, g, h, a, b, c, d)
    e.intoArray(st, 0);
    f.intoArray(st, L);
    g.intoArray(st, 2 * L);
    h.intoArray(st, 3 * L);
    a.intoArray(st, 4 * L);
    b.intoArray(st, 5 * L);
    c.intoArray(st, 6 * L);
    d.intoArray(st, 7 * L);
  }

  /**
   * Rounds {@code from} to {@code to - 1} (a multiple of four of them), and on the way the message
   * schedule words {@code r + ahead .. r + ahead + 3} of each pass r while they are below {@code
   * limit}: rounds are heavy on adds and logic, the schedule on rotates, and doing both in one loop
   * keeps more execution ports busy. The state is loaded once, carried in registers through the
   * loop, and stored once. The roles of the eight variables rotate by one each round instead of
   * values moving around, and are renamed back after each four rounds.
   */
  static void rounds(int[] st, int[] w, int from, int to, int ahead, int limit) {
    IntVector a = IntVector.fromArray(S, st, 0);
    IntVector b = IntVector.fromArray(S, st, 1 * L);
    IntVector c = IntVector.fromArray(S, st, 2 * L);
    IntVector d = IntVector.fromArray(S, st, 3 * L);
    IntVector e = IntVector.fromArray(S, st, 4 * L);
    IntVector f = IntVector.fromArray(S, st, 5 * L);
    IntVector g = IntVector.fromArray(S, st, 6 * L);
    IntVector h = IntVector.fromArray(S, st, 7 * L);
    for (int r = from; r < to; r += 4) {
      IntVector t1;
      t1 =
          e.lanewise(ROR, 6)
              .lanewise(XOR, e.lanewise(ROR, 11))
              .lanewise(XOR, e.lanewise(ROR, 25))
              .add(g.lanewise(XOR, e.and(f.lanewise(XOR, g))))
              .add(h.add(IntVector.fromArray(S, w, r * L)).add(K[r]));
      d = d.add(t1);
      h =
          t1.add(
                  a.lanewise(ROR, 2)
                      .lanewise(XOR, a.lanewise(ROR, 13))
                      .lanewise(XOR, a.lanewise(ROR, 22)))
              .add(a.and(b).or(c.and(a.or(b))));
      t1 =
          d.lanewise(ROR, 6)
              .lanewise(XOR, d.lanewise(ROR, 11))
              .lanewise(XOR, d.lanewise(ROR, 25))
              .add(f.lanewise(XOR, d.and(e.lanewise(XOR, f))))
              .add(g.add(IntVector.fromArray(S, w, (r + 1) * L)).add(K[r + 1]));
      c = c.add(t1);
      g =
          t1.add(
                  h.lanewise(ROR, 2)
                      .lanewise(XOR, h.lanewise(ROR, 13))
                      .lanewise(XOR, h.lanewise(ROR, 22)))
              .add(h.and(a).or(b.and(h.or(a))));
      t1 =
          c.lanewise(ROR, 6)
              .lanewise(XOR, c.lanewise(ROR, 11))
              .lanewise(XOR, c.lanewise(ROR, 25))
              .add(e.lanewise(XOR, c.and(d.lanewise(XOR, e))))
              .add(f.add(IntVector.fromArray(S, w, (r + 2) * L)).add(K[r + 2]));
      b = b.add(t1);
      f =
          t1.add(
                  g.lanewise(ROR, 2)
                      .lanewise(XOR, g.lanewise(ROR, 13))
                      .lanewise(XOR, g.lanewise(ROR, 22)))
              .add(g.and(h).or(a.and(g.or(h))));
      t1 =
          b.lanewise(ROR, 6)
              .lanewise(XOR, b.lanewise(ROR, 11))
              .lanewise(XOR, b.lanewise(ROR, 25))
              .add(d.lanewise(XOR, b.and(c.lanewise(XOR, d))))
              .add(e.add(IntVector.fromArray(S, w, (r + 3) * L)).add(K[r + 3]));
      a = a.add(t1);
      e =
          t1.add(
                  f.lanewise(ROR, 2)
                      .lanewise(XOR, f.lanewise(ROR, 13))
                      .lanewise(XOR, f.lanewise(ROR, 22)))
              .add(f.and(g).or(h.and(f.or(g))));
      int q = r + ahead;
      if (q < limit) {
        IntVector m0 = IntVector.fromArray(S, w, (q - 2) * L);
        IntVector o0 = IntVector.fromArray(S, w, (q - 15) * L);
        IntVector n0 =
            m0.lanewise(ROR, 17)
                .lanewise(XOR, m0.lanewise(ROR, 19))
                .lanewise(XOR, m0.lanewise(LSHR, 10))
                .add(IntVector.fromArray(S, w, (q - 7) * L))
                .add(
                    o0.lanewise(ROR, 7)
                        .lanewise(XOR, o0.lanewise(ROR, 18))
                        .lanewise(XOR, o0.lanewise(LSHR, 3)))
                .add(IntVector.fromArray(S, w, (q - 16) * L));
        n0.intoArray(w, q * L);
        IntVector m1 = IntVector.fromArray(S, w, (q - 1) * L);
        IntVector o1 = IntVector.fromArray(S, w, (q - 14) * L);
        IntVector n1 =
            m1.lanewise(ROR, 17)
                .lanewise(XOR, m1.lanewise(ROR, 19))
                .lanewise(XOR, m1.lanewise(LSHR, 10))
                .add(IntVector.fromArray(S, w, (q - 6) * L))
                .add(
                    o1.lanewise(ROR, 7)
                        .lanewise(XOR, o1.lanewise(ROR, 18))
                        .lanewise(XOR, o1.lanewise(LSHR, 3)))
                .add(IntVector.fromArray(S, w, (q - 15) * L));
        n1.intoArray(w, (q + 1) * L);
        IntVector o2 = IntVector.fromArray(S, w, (q - 13) * L);
        IntVector n2 =
            n0.lanewise(ROR, 17)
                .lanewise(XOR, n0.lanewise(ROR, 19))
                .lanewise(XOR, n0.lanewise(LSHR, 10))
                .add(IntVector.fromArray(S, w, (q - 5) * L))
                .add(
                    o2.lanewise(ROR, 7)
                        .lanewise(XOR, o2.lanewise(ROR, 18))
                        .lanewise(XOR, o2.lanewise(LSHR, 3)))
                .add(IntVector.fromArray(S, w, (q - 14) * L));
        n2.intoArray(w, (q + 2) * L);
        IntVector o3 = IntVector.fromArray(S, w, (q - 12) * L);
        IntVector n3 =
            n1.lanewise(ROR, 17)
                .lanewise(XOR, n1.lanewise(ROR, 19))
                .lanewise(XOR, n1.lanewise(LSHR, 10))
                .add(IntVector.fromArray(S, w, (q - 4) * L))
                .add(
                    o3.lanewise(ROR, 7)
                        .lanewise(XOR, o3.lanewise(ROR, 18))
                        .lanewise(XOR, o3.lanewise(LSHR, 3)))
                .add(IntVector.fromArray(S, w, (q - 13) * L));
        n3.intoArray(w, (q + 3) * L);
      }
      // after four rounds the roles are (e, f, g, h, a, b, c, d): rename
      IntVector ta = a;
      IntVector tb = b;
      IntVector tc = c;
      IntVector td = d;
      a = e;
      b = f;
      c = g;
      d = h;
      e = ta;
      f = tb;
      g = tc;
      h = td;
    }
    a.intoArray(st, 0);
    b.intoArray(st, L);
    c.intoArray(st, 2 * L);
    d.intoArray(st, 3 * L);
    e.intoArray(st, 4 * L);
    f.intoArray(st, 5 * L);
    g.intoArray(st, 6 * L);
    h.intoArray(st, 7 * L);
  }

  /**
   * Rounds 56..60 of the second hash, as far as the last hash word needs them: H7 = IV7 + the e
   * computed in round 60 (rounds 61..63 only shift it into h). Rounds 57..60 therefore skip the
   * a-side (Σ0, Maj) entirely.
   */
  static IntVector lastWord(int[] st, int[] w) {
    IntVector a = IntVector.fromArray(S, st, 0);
    IntVector b = IntVector.fromArray(S, st, 1 * L);
    IntVector c = IntVector.fromArray(S, st, 2 * L);
    IntVector d = IntVector.fromArray(S, st, 3 * L);
    IntVector e = IntVector.fromArray(S, st, 4 * L);
    IntVector f = IntVector.fromArray(S, st, 5 * L);
    IntVector g = IntVector.fromArray(S, st, 6 * L);
    IntVector h = IntVector.fromArray(S, st, 7 * L);
    IntVector t1;
    t1 =
        e.lanewise(ROR, 6)
            .lanewise(XOR, e.lanewise(ROR, 11))
            .lanewise(XOR, e.lanewise(ROR, 25))
            .add(g.lanewise(XOR, e.and(f.lanewise(XOR, g))))
            .add(h.add(IntVector.fromArray(S, w, 56 * L)).add(K[56]));
    d = d.add(t1);
    h =
        t1.add(
                a.lanewise(ROR, 2)
                    .lanewise(XOR, a.lanewise(ROR, 13))
                    .lanewise(XOR, a.lanewise(ROR, 22)))
            .add(a.and(b).or(c.and(a.or(b))));
    t1 =
        d.lanewise(ROR, 6)
            .lanewise(XOR, d.lanewise(ROR, 11))
            .lanewise(XOR, d.lanewise(ROR, 25))
            .add(f.lanewise(XOR, d.and(e.lanewise(XOR, f))))
            .add(g.add(IntVector.fromArray(S, w, 57 * L)).add(K[57]));
    c = c.add(t1);
    t1 =
        c.lanewise(ROR, 6)
            .lanewise(XOR, c.lanewise(ROR, 11))
            .lanewise(XOR, c.lanewise(ROR, 25))
            .add(e.lanewise(XOR, c.and(d.lanewise(XOR, e))))
            .add(f.add(IntVector.fromArray(S, w, 58 * L)).add(K[58]));
    b = b.add(t1);
    t1 =
        b.lanewise(ROR, 6)
            .lanewise(XOR, b.lanewise(ROR, 11))
            .lanewise(XOR, b.lanewise(ROR, 25))
            .add(d.lanewise(XOR, b.and(c.lanewise(XOR, d))))
            .add(e.add(IntVector.fromArray(S, w, 59 * L)).add(K[59]));
    a = a.add(t1);
    t1 =
        a.lanewise(ROR, 6)
            .lanewise(XOR, a.lanewise(ROR, 11))
            .lanewise(XOR, a.lanewise(ROR, 25))
            .add(c.lanewise(XOR, a.and(b.lanewise(XOR, c))))
            .add(d.add(IntVector.fromArray(S, w, 60 * L)).add(K[60]));
    return h.add(t1).add(IV7);
  }

  @Override
  public Algorithm algorithm() {
    return Algorithm.SHA256D;
  }

  @Override
  public String implementation() {
    return "sha256d vector " + L + " lanes";
  }
}
