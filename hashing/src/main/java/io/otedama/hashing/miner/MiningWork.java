package io.otedama.hashing.miner;

import io.otedama.hashing.Algorithm;
import io.otedama.hashing.Target;
import io.otedama.hashing.stratum.StratumJob;
import java.util.Objects;

/**
 * What a miner works on: a job, the session's extranonce1, this rig's share of the extranonce2
 * space (a fixed prefix, the rest is the miner's counter) and the share target. Immutable.
 */
public final class MiningWork {
  private final Algorithm algorithm;
  private final StratumJob job;
  private final byte[] extranonce1;
  private final byte[] extranonce2Prefix;
  private final int extranonce2Size;
  private final Target shareTarget;

  /**
   * @param extranonce2Prefix the leading extranonce2 bytes assigned to this rig (may be empty)
   * @param extranonce2Size the total extranonce2 length the pool expects, at least the prefix
   */
  public MiningWork(
      Algorithm algorithm,
      StratumJob job,
      byte[] extranonce1,
      byte[] extranonce2Prefix,
      int extranonce2Size,
      Target shareTarget) {
    this.algorithm = Objects.requireNonNull(algorithm, "algorithm");
    this.job = Objects.requireNonNull(job, "job");
    this.extranonce1 = extranonce1.clone();
    this.extranonce2Prefix = extranonce2Prefix.clone();
    if (extranonce2Size < extranonce2Prefix.length || extranonce2Size > 32) {
      throw new IllegalArgumentException(
          "extranonce2 size must be between the prefix length ("
              + extranonce2Prefix.length
              + ") and 32, got "
              + extranonce2Size);
    }
    this.extranonce2Size = extranonce2Size;
    this.shareTarget = Objects.requireNonNull(shareTarget, "share target");
  }

  public Algorithm algorithm() {
    return algorithm;
  }

  public StratumJob job() {
    return job;
  }

  /** The session's extranonce1 (a copy). */
  public byte[] extranonce1() {
    return extranonce1.clone();
  }

  /** The fixed leading extranonce2 bytes (a copy). */
  public byte[] extranonce2Prefix() {
    return extranonce2Prefix.clone();
  }

  public int extranonce2Size() {
    return extranonce2Size;
  }

  public Target shareTarget() {
    return shareTarget;
  }

  /**
   * Whether {@code other} covers exactly the same headers as this work (same algorithm, job,
   * extranonce1 and extranonce2 slice), so that only the share target may differ: a miner can then
   * carry on where it is instead of hashing the same headers again.
   */
  public boolean sameSearchSpaceAs(MiningWork other) {
    return other == this
        || other != null
            && algorithm == other.algorithm
            && extranonce2Size == other.extranonce2Size
            && java.util.Arrays.equals(extranonce1, other.extranonce1)
            && java.util.Arrays.equals(extranonce2Prefix, other.extranonce2Prefix)
            && job.sameHeadersAs(other.job);
  }

  /** How many extranonce2 values the miner may count through (capped at 2^62). */
  long extranonce2Values() {
    int counterBytes = extranonce2Size - extranonce2Prefix.length;
    return counterBytes >= 8 ? 1L << 62 : Math.min(1L << (8 * counterBytes), 1L << 62);
  }

  /** Writes prefix ‖ counter (big-endian, counterBytes wide) into {@code out}. */
  void extranonce2(long counter, byte[] out) {
    System.arraycopy(extranonce2Prefix, 0, out, 0, extranonce2Prefix.length);
    for (int i = extranonce2Size - 1; i >= extranonce2Prefix.length; i--) {
      out[i] = (byte) counter;
      counter >>>= 8;
    }
  }

  byte[] extranonce1Bytes() {
    return extranonce1;
  }
}
