package io.otedama.hashing.stratum;

import io.otedama.hashing.sha256.Sha256d;
import java.util.Arrays;

/**
 * Builds 80-byte block headers from a {@link StratumJob} and a miner's submission: coinbase =
 * coinb1 ‖ extranonce1 ‖ extranonce2 ‖ coinb2, merkle root = the coinbase's SHA-256d folded with
 * each branch hash, version rolled under the mask, and ntime, nbits and nonce little-endian.
 *
 * <p>Allocation-free. It remembers the merkle root of the last (job, extranonce1, extranonce2) it
 * built, because a miner submits many shares for one extranonce2 (it rolls nonce, ntime and version
 * first) and the merkle root is most of the cost.
 *
 * <p>Not thread-safe: keep one per thread.
 */
public final class HeaderAssembler {
  /** Bytes in a block header. */
  public static final int HEADER_LENGTH = 80;

  private final Sha256d sha256d = new Sha256d();
  private byte[] coinbase = new byte[512];
  private final byte[] root = new byte[32];

  private StratumJob cachedJob;
  private byte[] cachedExtranonce1 = new byte[16];
  private int cachedExtranonce1Length = -1;
  private byte[] cachedExtranonce2 = new byte[16];
  private int cachedExtranonce2Length = -1;

  /** The block version with the miner's rolled bits: {@code (version & ~mask) | (bits & mask)}. */
  public static int rollVersion(int version, int versionBits, int versionMask) {
    return (version & ~versionMask) | (versionBits & versionMask);
  }

  /**
   * Writes the header for a submission into {@code out[0..80)}.
   *
   * @param ntime the submitted block time (its value; written little-endian)
   * @param nonce the submitted nonce (its value; written little-endian)
   * @param versionBits the miner's version bits (BIP 310); ignored where the mask is 0
   * @param versionMask the negotiated version-rolling mask, 0 for none
   */
  public void assemble(
      StratumJob job,
      byte[] extranonce1,
      byte[] extranonce2,
      int ntime,
      int nonce,
      int versionBits,
      int versionMask,
      byte[] out) {
    if (out.length < HEADER_LENGTH) {
      throw new IllegalArgumentException("header buffer must hold 80 bytes, got " + out.length);
    }
    merkleRoot(job, extranonce1, extranonce2, root);
    putIntLE(out, 0, rollVersion(job.version(), versionBits, versionMask));
    System.arraycopy(job.prevHashBytes(), 0, out, 4, 32);
    System.arraycopy(root, 0, out, 36, 32);
    putIntLE(out, 68, ntime);
    putIntLE(out, 72, job.nbits());
    putIntLE(out, 76, nonce);
  }

  /** Writes the header for a submission without version rolling into {@code out[0..80)}. */
  public void assemble(
      StratumJob job, byte[] extranonce1, byte[] extranonce2, int ntime, int nonce, byte[] out) {
    assemble(job, extranonce1, extranonce2, ntime, nonce, 0, 0, out);
  }

  /**
   * The merkle root (header byte order) for the coinbase with these extranonces into {@code
   * out[0..32)}.
   */
  public void merkleRoot(StratumJob job, byte[] extranonce1, byte[] extranonce2, byte[] out) {
    if (job == cachedJob
        && Arrays.equals(
            cachedExtranonce1, 0, cachedExtranonce1Length, extranonce1, 0, extranonce1.length)
        && Arrays.equals(
            cachedExtranonce2, 0, cachedExtranonce2Length, extranonce2, 0, extranonce2.length)) {
      if (out != root) {
        System.arraycopy(root, 0, out, 0, 32);
      }
      return;
    }
    byte[] c1 = job.coinb1Bytes();
    byte[] c2 = job.coinb2Bytes();
    int length = c1.length + extranonce1.length + extranonce2.length + c2.length;
    if (coinbase.length < length) {
      coinbase = new byte[Math.max(length, 2 * coinbase.length)];
    }
    int at = 0;
    System.arraycopy(c1, 0, coinbase, at, c1.length);
    at += c1.length;
    System.arraycopy(extranonce1, 0, coinbase, at, extranonce1.length);
    at += extranonce1.length;
    System.arraycopy(extranonce2, 0, coinbase, at, extranonce2.length);
    at += extranonce2.length;
    System.arraycopy(c2, 0, coinbase, at, c2.length);

    sha256d.hash(coinbase, 0, length, root, 0);
    byte[] branch = job.merkleBranchBytes();
    for (int i = 0; i < branch.length; i += 32) {
      sha256d.hashPair(root, branch, i, root);
    }
    remember(job, extranonce1, extranonce2);
    if (out != root) {
      System.arraycopy(root, 0, out, 0, 32);
    }
  }

  /** A new 80-byte header (convenience for tools and tests). */
  public byte[] header(
      StratumJob job,
      byte[] extranonce1,
      byte[] extranonce2,
      int ntime,
      int nonce,
      int versionBits,
      int versionMask) {
    byte[] out = new byte[HEADER_LENGTH];
    assemble(job, extranonce1, extranonce2, ntime, nonce, versionBits, versionMask, out);
    return out;
  }

  private void remember(StratumJob job, byte[] extranonce1, byte[] extranonce2) {
    if (cachedExtranonce1.length < extranonce1.length) {
      cachedExtranonce1 = new byte[extranonce1.length];
    }
    if (cachedExtranonce2.length < extranonce2.length) {
      cachedExtranonce2 = new byte[extranonce2.length];
    }
    System.arraycopy(extranonce1, 0, cachedExtranonce1, 0, extranonce1.length);
    System.arraycopy(extranonce2, 0, cachedExtranonce2, 0, extranonce2.length);
    cachedExtranonce1Length = extranonce1.length;
    cachedExtranonce2Length = extranonce2.length;
    cachedJob = job;
  }

  private static void putIntLE(byte[] b, int offset, int v) {
    b[offset] = (byte) v;
    b[offset + 1] = (byte) (v >>> 8);
    b[offset + 2] = (byte) (v >>> 16);
    b[offset + 3] = (byte) (v >>> 24);
  }
}
