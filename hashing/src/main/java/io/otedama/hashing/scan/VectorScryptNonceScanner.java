package io.otedama.hashing.scan;

import io.otedama.hashing.Algorithm;
import io.otedama.hashing.Target;
import io.otedama.hashing.scrypt.VectorScrypt;

/**
 * scrypt nonce scanner that hashes one nonce per vector lane with {@link VectorScrypt}. Loaded
 * reflectively, only when the Vector API module is present.
 */
public final class VectorScryptNonceScanner implements NonceScanner {
  private final VectorScrypt scrypt = new VectorScrypt();
  private final int lanes = VectorScrypt.lanes();
  private final byte[][] headers = new byte[lanes][80];
  private final byte[] hashes = new byte[32 * lanes];
  private final byte[] hash = new byte[32];
  private Target target = Target.MAX;
  private boolean ready;

  @Override
  public void setWork(byte[] header, Target target) {
    CandidateCheck.requireHeader(header);
    for (byte[] h : headers) {
      System.arraycopy(header, 0, h, 0, 76);
    }
    this.target = target;
    ready = true;
  }

  @Override
  public int scan(int firstNonce, int count, NonceListener listener) {
    if (!ready) {
      throw new IllegalStateException("setWork must be called before scan");
    }
    int found = 0;
    for (long done = 0; done < count; done += lanes) {
      int base = firstNonce + (int) done;
      for (int lane = 0; lane < lanes; lane++) {
        putNonce(headers[lane], base + lane);
      }
      scrypt.hash(headers, hashes);
      int valid = (int) Math.min(lanes, count - done);
      for (int lane = 0; lane < valid; lane++) {
        if (target.isMetBy(hashes, 32 * lane)) {
          System.arraycopy(hashes, 32 * lane, hash, 0, 32);
          listener.found(base + lane, hash);
          found++;
        }
      }
    }
    return found;
  }

  private static void putNonce(byte[] h, int nonce) {
    h[76] = (byte) nonce;
    h[77] = (byte) (nonce >>> 8);
    h[78] = (byte) (nonce >>> 16);
    h[79] = (byte) (nonce >>> 24);
  }

  @Override
  public Algorithm algorithm() {
    return Algorithm.SCRYPT;
  }

  @Override
  public String implementation() {
    return "scrypt vector " + lanes + " lanes";
  }
}
