package io.otedama.hashing.scan;

import io.otedama.hashing.Target;
import io.otedama.hashing.sha256.Sha256d;

/**
 * The full check behind the scanners' early reject: rebuilds the header with the candidate nonce,
 * hashes it with the reference SHA-256d and compares all 256 bits with the target. It runs only for
 * the rare nonces that pass the early reject, so it favours being obviously right.
 */
final class CandidateCheck {
  private final byte[] header = new byte[80];
  private final byte[] hash = new byte[32];
  private final Sha256d sha256d = new Sha256d();
  private Target target = Target.MAX;

  void setWork(byte[] header, Target target) {
    requireHeader(header);
    System.arraycopy(header, 0, this.header, 0, 76);
    this.target = target;
  }

  /** Reports the nonce when it really meets the target; returns 1 if reported, 0 otherwise. */
  int check(int nonce, NonceListener listener) {
    header[76] = (byte) nonce;
    header[77] = (byte) (nonce >>> 8);
    header[78] = (byte) (nonce >>> 16);
    header[79] = (byte) (nonce >>> 24);
    sha256d.hash(header, 0, 80, hash, 0);
    if (!target.isMetBy(hash, 0)) {
      return 0;
    }
    listener.found(nonce, hash);
    return 1;
  }

  static void requireHeader(byte[] header) {
    if (header == null || header.length != 80) {
      throw new IllegalArgumentException(
          "a block header is 80 bytes, got " + (header == null ? "none" : header.length));
    }
  }
}
