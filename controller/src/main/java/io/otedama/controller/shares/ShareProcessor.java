package io.otedama.controller.shares;

import io.otedama.controller.work.IssuedJob;
import io.otedama.controller.work.RigWork;
import io.otedama.controller.work.UpstreamResult;
import io.otedama.controller.work.UpstreamShare;
import io.otedama.controller.work.WorkAssignments;
import io.otedama.protocol.message.Share;
import io.otedama.protocol.message.ShareBatchMessage;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The share path shared by agents (MQTT share batches) and Stratum miners: validate, count (metrics
 * and the hourly rollup), feed vardiff and the hashrate estimate, append accepted shares to the
 * share log, and forward those meeting the upstream target to the rig's work source, whose answer
 * is recorded and counted.
 */
public final class ShareProcessor {
  private final ShareValidator validator;
  private final WorkAssignments assignments;
  private final ShareSink sink;
  private final ShareMetrics metrics;
  private final Clock clock;

  public ShareProcessor(
      ShareValidator validator,
      WorkAssignments assignments,
      ShareSink sink,
      ShareMetrics metrics,
      Clock clock) {
    this.validator = Objects.requireNonNull(validator, "validator");
    this.assignments = Objects.requireNonNull(assignments, "assignments");
    this.sink = Objects.requireNonNull(sink, "sink");
    this.metrics = Objects.requireNonNull(metrics, "metrics");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * The entry point of the MQTT edge: a share batch an agent rig published on its {@code shares}
   * topic (already decoded and schema-checked by the protocol codec). Returns one verdict per
   * share, in order.
   */
  public List<ShareVerdict> ingest(String rigId, ShareBatchMessage batch) {
    return ingest(rigId, batch, clock.instant());
  }

  /** {@link #ingest(String, ShareBatchMessage)} for a batch received at {@code receivedAt}. */
  public List<ShareVerdict> ingest(String rigId, ShareBatchMessage batch, Instant receivedAt) {
    metrics.ingestWait(java.time.Duration.between(receivedAt, clock.instant()));
    RigWork rig = assignments.find(rigId).orElse(null);
    Instant submittedAt = Instant.ofEpochMilli(batch.ts());
    List<ShareVerdict> verdicts = new ArrayList<>(batch.shares().size());
    for (Share share : batch.shares()) {
      ShareSubmission submission =
          new ShareSubmission(
              share.shareId(),
              share.jobId(),
              share.extranonce2(),
              share.ntime(),
              share.nonce(),
              share.versionBits(),
              receivedAt);
      verdicts.add(process(rigId, rig, submission, null, submittedAt));
    }
    return verdicts;
  }

  /**
   * Validates and records one share.
   *
   * @param rigId the submitting rig (for counting even when it has no work), or null when the
   *     submitter is not a known rig (counted in the totals only)
   * @param rig its work state, or null when it has none
   * @param worker the Stratum worker name for the log, or null for agents
   */
  public ShareVerdict process(
      String rigId, RigWork rig, ShareSubmission submission, String worker) {
    return process(rigId, rig, submission, worker, null);
  }

  /**
   * {@link #process(String, RigWork, ShareSubmission, String)} for a share the rig published at
   * {@code submittedAt} (its own clock; null when that is the arrival).
   */
  public ShareVerdict process(
      String rigId, RigWork rig, ShareSubmission submission, String worker, Instant submittedAt) {
    ShareVerdict verdict = validator.validate(rigId == null ? null : rig, submission);
    Instant at = submission.receivedAt();
    if (!verdict.accepted()) {
      metrics.rejected(rigId, verdict.reason());
      if (rigId != null) {
        sink.count(rigId, verdict.reason(), 0, at);
      }
      return verdict;
    }
    if (rigId == null) {
      throw new IllegalArgumentException("an accepted share needs a rig id");
    }
    double credited = verdict.creditedDifficulty();
    metrics.accepted(rigId, credited, at);
    sink.count(rigId, null, credited, at);
    rig.vardiff().recordShare(credited);
    IssuedJob job = verdict.job();
    String pool = job.session().poolName();
    sink.append(
        new AcceptedShare(
            rigId,
            submission.shareId(),
            rig.account(),
            worker,
            rig.feed() == null ? pool : rig.feed().name(),
            pool,
            job.source().upstreamJobId(),
            credited,
            verdict.shareDifficulty(),
            verdict.meetsUpstream(),
            verdict.meetsNetwork(),
            at,
            submittedAt));
    if (verdict.meetsUpstream() && rig.feed() != null) {
      forward(rigId, rig, submission, verdict);
    }
    return verdict;
  }

  private void forward(
      String rigId, RigWork rig, ShareSubmission submission, ShareVerdict verdict) {
    UpstreamShare share =
        new UpstreamShare(
            verdict.job().source(),
            rigId,
            submission.extranonce2().toLowerCase(java.util.Locale.ROOT),
            submission.ntime().toLowerCase(java.util.Locale.ROOT),
            submission.nonce().toLowerCase(java.util.Locale.ROOT),
            verdict.upstreamVersionBits());
    rig.feed()
        .source()
        .submit(share)
        .thenAccept((UpstreamResult result) -> {
          metrics.upstream(result.pool(), result.status().wireName());
          sink.appendAnswer(
              new UpstreamAnswer(
                  rigId,
                  submission.shareId(),
                  result.pool(),
                  result.status().wireName(),
                  result.detail(),
                  clock.instant()));
        });
  }
}
