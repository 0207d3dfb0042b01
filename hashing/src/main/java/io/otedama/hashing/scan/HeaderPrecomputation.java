package io.otedama.hashing.scan;

import static io.otedama.hashing.sha256.Sha256.bigSigma0;
import static io.otedama.hashing.sha256.Sha256.bigSigma1;
import static io.otedama.hashing.sha256.Sha256.ch;
import static io.otedama.hashing.sha256.Sha256.maj;
import static io.otedama.hashing.sha256.Sha256.smallSigma0;
import static io.otedama.hashing.sha256.Sha256.smallSigma1;

import io.otedama.hashing.sha256.Sha256;

/**
 * Everything about a header's SHA-256d that does not depend on the nonce, computed once per job:
 * the midstate (first 64 bytes), the second block's constant message words, the state after the
 * three rounds that precede the nonce word, and the nonce-independent parts of schedule words
 * 18..33. Shared by the scalar and the vector scanner.
 */
final class HeaderPrecomputation {
  /** SHA-256 state after the first 64 header bytes. */
  final int[] mid = new int[8];

  /**
   * Message schedule of the second block: words 0..2 (merkle tail, ntime, nbits), 4..15 (padding,
   * length 640 bits), 16 and 17 are constant; word 3 is the nonce.
   */
  final int[] w = new int[64];

  /** Nonce-independent summands of schedule words 18..33 (see the scanners' schedules). */
  final int[] partial = new int[34];

  // state entering round 3 (h is folded into t1Base)
  int a3;
  int b3;
  int c3;
  int d3;
  int e3;
  int f3;
  int g3;

  /** Round 3's T1 without the nonce word: h + Σ1(e) + Ch(e, f, g) + K[3]. */
  int t1Base;

  /** Round 3's T2: Σ0(a) + Maj(a, b, c). */
  int t2;

  void set(byte[] header) {
    int[] m = Sha256.midstate(header);
    System.arraycopy(m, 0, mid, 0, 8);

    w[0] = Sha256.readIntBE(header, 64);
    w[1] = Sha256.readIntBE(header, 68);
    w[2] = Sha256.readIntBE(header, 72);
    w[3] = 0;
    w[4] = 0x80000000;
    for (int i = 5; i < 15; i++) {
      w[i] = 0;
    }
    w[15] = 640;
    w[16] = smallSigma1(w[14]) + w[9] + smallSigma0(w[1]) + w[0];
    w[17] = smallSigma1(w[15]) + w[10] + smallSigma0(w[2]) + w[1];

    partial[18] = smallSigma1(w[16]) + w[11] + w[2]; // + σ0(W3)
    partial[19] = smallSigma1(w[17]) + w[12] + smallSigma0(w[4]); // + W3
    for (int i = 20; i <= 24; i++) { // W[i] = σ1(W[i-2]) + partial
      partial[i] = w[i - 7] + smallSigma0(w[i - 15]) + w[i - 16];
    }
    for (int i = 25; i <= 32; i++) { // W[i] = σ1(W[i-2]) + W[i-7] + partial
      partial[i] = smallSigma0(w[i - 15]) + w[i - 16];
    }
    partial[33] = w[17]; // W33 = σ1(W31) + W26 + σ0(W18) + partial

    int a = mid[0];
    int b = mid[1];
    int c = mid[2];
    int d = mid[3];
    int e = mid[4];
    int f = mid[5];
    int g = mid[6];
    int h = mid[7];
    for (int i = 0; i < 3; i++) {
      int t1 = h + bigSigma1(e) + ch(e, f, g) + Sha256.k(i) + w[i];
      int t2r = bigSigma0(a) + maj(a, b, c);
      h = g;
      g = f;
      f = e;
      e = d + t1;
      d = c;
      c = b;
      b = a;
      a = t1 + t2r;
    }
    a3 = a;
    b3 = b;
    c3 = c;
    d3 = d;
    e3 = e;
    f3 = f;
    g3 = g;
    t1Base = h + bigSigma1(e) + ch(e, f, g) + Sha256.k(3);
    t2 = bigSigma0(a) + maj(a, b, c);
  }
}
