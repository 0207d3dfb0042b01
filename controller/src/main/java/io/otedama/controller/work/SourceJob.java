package io.otedama.controller.work;

import io.otedama.hashing.Algorithm;
import io.otedama.hashing.Difficulty;
import io.otedama.hashing.Target;
import io.otedama.hashing.stratum.StratumJob;
import io.otedama.protocol.stratum.MiningNotify;
import java.time.Instant;
import java.util.Objects;

/**
 * A job as a work source issued it: the upstream's {@code mining.notify} (with the upstream's job
 * id, which only the source uses again, to submit), the job decoded for header assembly, the
 * session it belongs to, and the targets in force when it arrived. Immutable.
 *
 * @param upstreamDifficulty the share difficulty the upstream accepts for this job; shares at or
 *     above it are forwarded
 * @param networkTarget the block target from the job's nbits
 */
public record SourceJob(
    MiningNotify upstreamNotify,
    StratumJob job,
    SourceSession session,
    Algorithm algorithm,
    double upstreamDifficulty,
    Target upstreamTarget,
    Target networkTarget,
    Instant receivedAt) {
  public SourceJob {
    Objects.requireNonNull(upstreamNotify, "upstreamNotify");
    Objects.requireNonNull(job, "job");
    Objects.requireNonNull(session, "session");
    Objects.requireNonNull(algorithm, "algorithm");
    Objects.requireNonNull(upstreamTarget, "upstreamTarget");
    Objects.requireNonNull(networkTarget, "networkTarget");
    Objects.requireNonNull(receivedAt, "receivedAt");
  }

  /**
   * Decodes a notify from an upstream.
   *
   * @throws IllegalArgumentException when a field cannot be decoded or nbits is not a valid target
   */
  public static SourceJob of(
      MiningNotify upstreamNotify,
      SourceSession session,
      Algorithm algorithm,
      double upstreamDifficulty,
      Instant receivedAt) {
    StratumJob job =
        StratumJob.fromNotify(
            upstreamNotify.jobId(),
            upstreamNotify.prevhash(),
            upstreamNotify.coinb1(),
            upstreamNotify.coinb2(),
            upstreamNotify.merkleBranch(),
            upstreamNotify.version(),
            upstreamNotify.nbits(),
            upstreamNotify.ntime(),
            upstreamNotify.cleanJobs());
    return new SourceJob(
        upstreamNotify,
        job,
        session,
        algorithm,
        upstreamDifficulty,
        Difficulty.toTarget(algorithm, upstreamDifficulty),
        Target.fromCompact(job.nbits()),
        receivedAt);
  }

  /** The upstream's job id. */
  public String upstreamJobId() {
    return upstreamNotify.jobId();
  }

  public boolean cleanJobs() {
    return upstreamNotify.cleanJobs();
  }
}
