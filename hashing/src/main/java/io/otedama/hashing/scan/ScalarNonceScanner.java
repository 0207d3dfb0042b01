package io.otedama.hashing.scan;

import static io.otedama.hashing.sha256.Sha256.bigSigma0;
import static io.otedama.hashing.sha256.Sha256.bigSigma1;
import static io.otedama.hashing.sha256.Sha256.ch;
import static io.otedama.hashing.sha256.Sha256.maj;
import static io.otedama.hashing.sha256.Sha256.smallSigma0;
import static io.otedama.hashing.sha256.Sha256.smallSigma1;

import io.otedama.hashing.Algorithm;
import io.otedama.hashing.Target;
import io.otedama.hashing.sha256.Sha256;

/**
 * SHA-256d nonce scanner in plain Java, one nonce at a time: the fallback when the Vector API is
 * not available. Uses the midstate, skips the three rounds before the nonce word, reuses the
 * nonce-independent schedule parts, and stops the second hash after round 60, where the last state
 * word (the most significant 32 bits of the hash) is known; only a nonce that passes that early
 * reject is hashed in full by {@link CandidateCheck}.
 */
public final class ScalarNonceScanner implements NonceScanner {
  private static final int IV7 = Sha256.iv(7);

  private final HeaderPrecomputation pre = new HeaderPrecomputation();
  private final CandidateCheck check = new CandidateCheck();
  private final int[] w1 = new int[64];
  private final int[] w2 = new int[64];
  private int topWord = -1;
  private boolean ready;

  public ScalarNonceScanner() {
    w2[8] = 0x80000000;
    w2[15] = 256;
  }

  @Override
  public void setWork(byte[] header, Target target) {
    check.setWork(header, target);
    pre.set(header);
    System.arraycopy(pre.w, 0, w1, 0, 18);
    topWord = target.topWord();
    ready = true;
  }

  @Override
  public int scan(int firstNonce, int count, NonceListener listener) {
    if (!ready) {
      throw new IllegalStateException("setWork must be called before scan");
    }
    int found = 0;
    int nonce = firstNonce;
    for (int n = 0; n < count; n++, nonce++) {
      int top = Integer.reverseBytes(hashTopWord(nonce));
      if (Integer.compareUnsigned(top, topWord) <= 0) {
        found += check.check(nonce, listener);
      }
    }
    return found;
  }

  /** The last state word (H7) of SHA-256d(header with nonce), big-endian as SHA-256 keeps it. */
  private int hashTopWord(int nonce) {
    final int[] w = w1;
    final int[] p = pre.partial;
    int w3 = Integer.reverseBytes(nonce);
    w[3] = w3;
    w[18] = p[18] + smallSigma0(w3);
    w[19] = p[19] + w3;
    for (int i = 20; i <= 24; i++) {
      w[i] = smallSigma1(w[i - 2]) + p[i];
    }
    for (int i = 25; i <= 32; i++) {
      w[i] = smallSigma1(w[i - 2]) + w[i - 7] + p[i];
    }
    w[33] = smallSigma1(w[31]) + w[26] + smallSigma0(w[18]) + p[33];
    for (int i = 34; i < 64; i++) {
      w[i] = smallSigma1(w[i - 2]) + w[i - 7] + smallSigma0(w[i - 15]) + w[i - 16];
    }

    int t1 = pre.t1Base + w3;
    int a = t1 + pre.t2;
    int b = pre.a3;
    int c = pre.b3;
    int d = pre.c3;
    int e = pre.d3 + t1;
    int f = pre.e3;
    int g = pre.f3;
    int h = pre.g3;
    for (int i = 4; i < 64; i++) {
      t1 = h + bigSigma1(e) + ch(e, f, g) + Sha256.k(i) + w[i];
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
    final int[] v = w2;
    final int[] mid = pre.mid;
    v[0] = mid[0] + a;
    v[1] = mid[1] + b;
    v[2] = mid[2] + c;
    v[3] = mid[3] + d;
    v[4] = mid[4] + e;
    v[5] = mid[5] + f;
    v[6] = mid[6] + g;
    v[7] = mid[7] + h;
    for (int i = 16; i <= 60; i++) {
      v[i] = smallSigma1(v[i - 2]) + v[i - 7] + smallSigma0(v[i - 15]) + v[i - 16];
    }
    a = Sha256.iv(0);
    b = Sha256.iv(1);
    c = Sha256.iv(2);
    d = Sha256.iv(3);
    e = Sha256.iv(4);
    f = Sha256.iv(5);
    g = Sha256.iv(6);
    h = IV7;
    for (int i = 0; i < 60; i++) {
      t1 = h + bigSigma1(e) + ch(e, f, g) + Sha256.k(i) + v[i];
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
    // round 60 gives the e that rounds 61..63 only move along into h
    t1 = h + bigSigma1(e) + ch(e, f, g) + Sha256.k(60) + v[60];
    return IV7 + d + t1;
  }

  @Override
  public Algorithm algorithm() {
    return Algorithm.SHA256D;
  }

  @Override
  public String implementation() {
    return "sha256d scalar";
  }
}
