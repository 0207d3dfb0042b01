package io.otedama.hashing.scan;

import io.otedama.hashing.Algorithm;
import io.otedama.hashing.Target;
import io.otedama.hashing.scrypt.Scrypt;

/**
 * scrypt(1024, 1, 1) nonce scanner: each nonce costs a full scrypt (the memory-hard part leaves
 * nothing to precompute across nonces), so this is a plain loop over a reused {@link Scrypt}.
 */
public final class ScryptNonceScanner implements NonceScanner {
  private final Scrypt scrypt = Scrypt.litecoin();
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
    int found = 0;
    int nonce = firstNonce;
    for (int n = 0; n < count; n++, nonce++) {
      header[76] = (byte) nonce;
      header[77] = (byte) (nonce >>> 8);
      header[78] = (byte) (nonce >>> 16);
      header[79] = (byte) (nonce >>> 24);
      scrypt.hashHeader(header, hash, 0);
      if (target.isMetBy(hash, 0)) {
        listener.found(nonce, hash);
        found++;
      }
    }
    return found;
  }

  @Override
  public Algorithm algorithm() {
    return Algorithm.SCRYPT;
  }

  @Override
  public String implementation() {
    return "scrypt scalar";
  }
}
