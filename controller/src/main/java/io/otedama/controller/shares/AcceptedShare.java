package io.otedama.controller.shares;

import java.time.Instant;
import java.util.Objects;

/**
 * One row of the share log.
 *
 * @param account the credited account, or null
 * @param worker the Stratum worker name, or null for agents
 * @param source the work feed (profile) name
 * @param pool the pool the job came from ({@code local} for the local source)
 * @param jobId the upstream's job id
 * @param difficulty the credited (assigned) difficulty
 * @param shareDifficulty the hash's difficulty
 * @param upstream whether it met the upstream target (and was submitted)
 * @param block whether it met the block target
 * @param ts when it was received
 * @param submittedAt when the rig published it (the agent's share batch timestamp, the rig's
 *     clock), or null when that is the arrival (Stratum)
 */
public record AcceptedShare(
    String rigId,
    String shareId,
    String account,
    String worker,
    String source,
    String pool,
    String jobId,
    double difficulty,
    double shareDifficulty,
    boolean upstream,
    boolean block,
    Instant ts,
    Instant submittedAt) {
  /** A share whose submission time is its arrival (Stratum). */
  public AcceptedShare(
      String rigId,
      String shareId,
      String account,
      String worker,
      String source,
      String pool,
      String jobId,
      double difficulty,
      double shareDifficulty,
      boolean upstream,
      boolean block,
      Instant ts) {
    this(
        rigId,
        shareId,
        account,
        worker,
        source,
        pool,
        jobId,
        difficulty,
        shareDifficulty,
        upstream,
        block,
        ts,
        null);
  }

  public AcceptedShare {
    Objects.requireNonNull(rigId, "rigId");
    Objects.requireNonNull(shareId, "shareId");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(pool, "pool");
    Objects.requireNonNull(jobId, "jobId");
    Objects.requireNonNull(ts, "ts");
  }
}
