package io.otedama.protocol.message;

import java.util.List;
import java.util.Objects;

/**
 * A job from the work source, the nine fields of a Stratum {@code mining.notify} in the same
 * encoding (hex strings as the pool sends them; lower case after decoding).
 *
 * @param jobId the job id, required, at most 128 characters (Stratum pools use long ones)
 * @param prevhash 64 hex digits, Stratum word order
 * @param coinb1 coinbase part before the extranonces, hex
 * @param coinb2 coinbase part after the extranonces, hex
 * @param merkleBranch 64-hex-digit hashes, at most 32
 * @param version 8 hex digits, big-endian as in Stratum
 * @param nbits 8 hex digits
 * @param ntime 8 hex digits
 * @param cleanJobs whether earlier jobs are void (switch at once)
 */
public record WorkJob(
    String jobId,
    String prevhash,
    String coinb1,
    String coinb2,
    List<String> merkleBranch,
    String version,
    String nbits,
    String ntime,
    boolean cleanJobs) {
  public WorkJob {
    Objects.requireNonNull(jobId, "jobId");
    Objects.requireNonNull(prevhash, "prevhash");
    Objects.requireNonNull(coinb1, "coinb1");
    Objects.requireNonNull(coinb2, "coinb2");
    merkleBranch = List.copyOf(merkleBranch);
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(nbits, "nbits");
    Objects.requireNonNull(ntime, "ntime");
  }
}
