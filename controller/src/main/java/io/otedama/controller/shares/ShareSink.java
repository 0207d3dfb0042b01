package io.otedama.controller.shares;

import java.time.Instant;

/** Where validated shares are recorded: the PostgreSQL {@link ShareLogWriter}. */
public interface ShareSink {
  /** Appends an accepted share to the share log; false when it had to be dropped. */
  boolean append(AcceptedShare share);

  /** Records the upstream's answer to a forwarded share. */
  void appendAnswer(UpstreamAnswer answer);

  /** Counts a validated share (reason null when accepted) in the hourly rollup. */
  void count(String rigId, RejectReason reason, double creditedDifficulty, Instant at);
}
