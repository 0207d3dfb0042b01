package io.otedama.hashing.stratum;

import io.otedama.hashing.Hex;
import java.util.List;
import java.util.Objects;

/**
 * One Stratum v1 {@code mining.notify} job, decoded once into the byte forms header assembly needs:
 * the previous block hash already in header byte order, the coinbase halves, and the merkle branch
 * as one contiguous array. Immutable and safe to share between threads.
 */
public final class StratumJob {
  private final String jobId;
  private final byte[] prevHash;
  private final byte[] coinb1;
  private final byte[] coinb2;
  private final byte[] merkleBranch;
  private final int version;
  private final int nbits;
  private final int ntime;
  private final boolean cleanJobs;

  private StratumJob(
      String jobId,
      byte[] prevHash,
      byte[] coinb1,
      byte[] coinb2,
      byte[] merkleBranch,
      int version,
      int nbits,
      int ntime,
      boolean cleanJobs) {
    this.jobId = jobId;
    this.prevHash = prevHash;
    this.coinb1 = coinb1;
    this.coinb2 = coinb2;
    this.merkleBranch = merkleBranch;
    this.version = version;
    this.nbits = nbits;
    this.ntime = ntime;
    this.cleanJobs = cleanJobs;
  }

  /**
   * Decodes the fields of a {@code mining.notify} as they appear on the wire (hex strings).
   *
   * @param prevHash the previous block hash as Stratum sends it: internal byte order with each
   *     4-byte word byte-swapped; the header gets {@code swap32} of it
   * @param merkleBranch the branch hashes in order, each 32 bytes of hex in internal byte order
   * @param version the block version, 8 hex digits big-endian (as {@code 20000004})
   * @param nbits the compact target, 8 hex digits big-endian
   * @param ntime the block time, 8 hex digits big-endian
   * @throws IllegalArgumentException naming the first field that is malformed
   */
  public static StratumJob fromNotify(
      String jobId,
      String prevHash,
      String coinb1,
      String coinb2,
      List<String> merkleBranch,
      String version,
      String nbits,
      String ntime,
      boolean cleanJobs) {
    if (jobId == null || jobId.isEmpty()) {
      throw new IllegalArgumentException("job id is missing");
    }
    byte[] prev = swap32(Hex.decode("prevhash", prevHash, 32));
    byte[] c1 = Hex.decode("coinb1", coinb1);
    byte[] c2 = Hex.decode("coinb2", coinb2);
    Objects.requireNonNull(merkleBranch, "merkle branch");
    byte[] branch = new byte[32 * merkleBranch.size()];
    for (int i = 0; i < merkleBranch.size(); i++) {
      byte[] step = Hex.decode("merkle branch[" + i + "]", merkleBranch.get(i), 32);
      System.arraycopy(step, 0, branch, 32 * i, 32);
    }
    return new StratumJob(
        jobId,
        prev,
        c1,
        c2,
        branch,
        Hex.decodeInt32("version", version),
        Hex.decodeInt32("nbits", nbits),
        Hex.decodeInt32("ntime", ntime),
        cleanJobs);
  }

  /**
   * A job from already-decoded parts (for work sources that build jobs themselves).
   *
   * @param prevHashHeaderOrder the previous block hash exactly as it goes into the header (internal
   *     byte order, no word swap)
   * @param merkleBranch the branch hashes, internal byte order
   */
  public static StratumJob of(
      String jobId,
      byte[] prevHashHeaderOrder,
      byte[] coinb1,
      byte[] coinb2,
      List<byte[]> merkleBranch,
      int version,
      int nbits,
      int ntime,
      boolean cleanJobs) {
    if (jobId == null || jobId.isEmpty()) {
      throw new IllegalArgumentException("job id is missing");
    }
    if (prevHashHeaderOrder.length != 32) {
      throw new IllegalArgumentException(
          "prevhash must be 32 bytes, got " + prevHashHeaderOrder.length);
    }
    byte[] branch = new byte[32 * merkleBranch.size()];
    for (int i = 0; i < merkleBranch.size(); i++) {
      byte[] step = merkleBranch.get(i);
      if (step.length != 32) {
        throw new IllegalArgumentException(
            "merkle branch[" + i + "] must be 32 bytes, got " + step.length);
      }
      System.arraycopy(step, 0, branch, 32 * i, 32);
    }
    return new StratumJob(
        jobId,
        prevHashHeaderOrder.clone(),
        coinb1.clone(),
        coinb2.clone(),
        branch,
        version,
        nbits,
        ntime,
        cleanJobs);
  }

  public String jobId() {
    return jobId;
  }

  /** The block version before rolling. */
  public int version() {
    return version;
  }

  /** The compact network target. */
  public int nbits() {
    return nbits;
  }

  /** The block time the job was issued with. */
  public int ntime() {
    return ntime;
  }

  /** Whether miners must drop earlier jobs. */
  public boolean cleanJobs() {
    return cleanJobs;
  }

  /** The previous block hash in header byte order (a copy). */
  public byte[] prevHash() {
    return prevHash.clone();
  }

  /** The coinbase part before the extranonces (a copy). */
  public byte[] coinb1() {
    return coinb1.clone();
  }

  /** The coinbase part after the extranonces (a copy). */
  public byte[] coinb2() {
    return coinb2.clone();
  }

  /** How many hashes the merkle branch has. */
  public int merkleBranchSize() {
    return merkleBranch.length / 32;
  }

  // Raw access for the assembler in this package: no copies on the hot path.
  byte[] prevHashBytes() {
    return prevHash;
  }

  byte[] coinb1Bytes() {
    return coinb1;
  }

  byte[] coinb2Bytes() {
    return coinb2;
  }

  byte[] merkleBranchBytes() {
    return merkleBranch;
  }

  /**
   * Whether {@code other} assembles exactly the same headers as this job: the same id and every
   * header input equal. The clean-jobs flag does not count (it changes what a miner drops, not what
   * it hashes).
   */
  public boolean sameHeadersAs(StratumJob other) {
    return other == this
        || other != null
            && jobId.equals(other.jobId)
            && version == other.version
            && nbits == other.nbits
            && ntime == other.ntime
            && java.util.Arrays.equals(prevHash, other.prevHash)
            && java.util.Arrays.equals(coinb1, other.coinb1)
            && java.util.Arrays.equals(coinb2, other.coinb2)
            && java.util.Arrays.equals(merkleBranch, other.merkleBranch);
  }

  /** {@code swap32}: reverses the bytes of every 4-byte word. */
  static byte[] swap32(byte[] in) {
    byte[] out = new byte[in.length];
    for (int i = 0; i < in.length; i += 4) {
      out[i] = in[i + 3];
      out[i + 1] = in[i + 2];
      out[i + 2] = in[i + 1];
      out[i + 3] = in[i];
    }
    return out;
  }

  @Override
  public String toString() {
    return "StratumJob["
        + jobId
        + ", version "
        + Hex.encodeInt32(version)
        + ", nbits "
        + Hex.encodeInt32(nbits)
        + ", ntime "
        + Hex.encodeInt32(ntime)
        + ", branch "
        + merkleBranchSize()
        + (cleanJobs ? ", clean]" : "]");
  }
}
