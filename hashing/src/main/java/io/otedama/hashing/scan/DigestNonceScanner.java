package io.otedama.hashing.scan;

import io.otedama.hashing.Algorithm;
import io.otedama.hashing.Target;
import io.otedama.hashing.sha256.Sha256d;

/**
 * SHA-256d nonce scanner over the JDK's {@link java.security.MessageDigest}: the whole header twice
 * per nonce, but on the CPU's SHA extensions (or HotSpot's AVX2 SHA-256 code), which beats {@link
 * ScalarNonceScanner}'s plain Java rounds where HotSpot intrinsifies SHA-256. It is the fallback
 * when the Vector API is missing; allocation-free.
 */
public final class DigestNonceScanner implements NonceScanner {
  private final Sha256d sha256d = new Sha256d();
  private final byte[] header = new byte[80];
  private final byte[] hash = new byte[32];
  private Target target = Target.MAX;
  private boolean ready;

  @Override
  public void setWork(byte[] header, Target target) {
    CandidateCheck.requireHeader(header);
    System.arraycopy(header, 0, this.header, 0, 76);
    this.target = target;
    ready = true;
  }

  @Override
  public int scan(int firstNonce, int count, NonceListener listener) {
    if (!ready) {
      throw new IllegalStateException("setWork must be called before scan");
    }
    byte[] h = header;
    int found = 0;
    int nonce = firstNonce;
    for (int n = 0; n < count; n++, nonce++) {
      h[76] = (byte) nonce;
      h[77] = (byte) (nonce >>> 8);
      h[78] = (byte) (nonce >>> 16);
      h[79] = (byte) (nonce >>> 24);
      sha256d.hash(h, 0, 80, hash, 0);
      if (target.isMetBy(hash, 0)) {
        listener.found(nonce, hash);
        found++;
      }
    }
    return found;
  }

  @Override
  public Algorithm algorithm() {
    return Algorithm.SHA256D;
  }

  @Override
  public String implementation() {
    return "sha256d MessageDigest";
  }
}
