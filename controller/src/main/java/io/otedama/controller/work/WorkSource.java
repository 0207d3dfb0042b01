package io.otedama.controller.work;

import io.otedama.hashing.Algorithm;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Where jobs come from: an upstream pool list with failover ({@link FailoverWorkSource}) or the
 * built-in {@link LocalWorkSource}. A source issues {@link SourceJob}s, each carrying its session
 * (extranonce1, extranonce2 size, version mask) and its upstream and network targets, and takes
 * back the shares that meet the upstream target.
 */
public interface WorkSource extends AutoCloseable {
  /** The source's name (the work profile's name), for logs and metric labels. */
  String name();

  Algorithm algorithm();

  /** Starts issuing jobs (connects upstream); returns at once. */
  void start();

  /** Registers a listener for the jobs issued from now on. */
  void addListener(WorkSourceListener listener);

  /** The latest job, if one was issued. */
  Optional<SourceJob> currentJob();

  /**
   * Submits a share that meets the job's upstream target. The future completes with the upstream's
   * answer; it never completes exceptionally (a lost connection is {@link
   * UpstreamResult.Status#UNANSWERED}).
   */
  CompletableFuture<UpstreamResult> submit(UpstreamShare share);

  /** Stops the source and its connections. */
  @Override
  void close();
}
