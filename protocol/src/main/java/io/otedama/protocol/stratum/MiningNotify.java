package io.otedama.protocol.stratum;

import java.util.List;
import java.util.Objects;

/**
 * {@code mining.notify}: a new job, params {@code [jobId, prevhash, coinb1, coinb2, merkleBranch,
 * version, nbits, ntime, cleanJobs]}. Hex fields are lower case after decoding.
 */
public record MiningNotify(
    String jobId,
    String prevhash,
    String coinb1,
    String coinb2,
    List<String> merkleBranch,
    String version,
    String nbits,
    String ntime,
    boolean cleanJobs)
    implements ServerMessage {
  public static final String METHOD = "mining.notify";

  public MiningNotify {
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
