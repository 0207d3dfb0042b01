package io.otedama.controller.commands;

import com.fasterxml.jackson.annotation.JsonRawValue;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A batch command's progress as the API shows it: n of {@code total} acknowledged, succeeded and
 * failed, with the failures listed (at most {@link CommandBatches#FAILURES_LISTED}; {@code
 * failuresTotal} counts them all). {@code acknowledged} counts rigs whose agent answered (acked,
 * succeeded or failed); {@code failed} counts failed, timed-out and refused rigs; {@code done} is
 * true once every rig's command is final.
 */
public record CommandBatch(
    String id,
    String type,
    @JsonRawValue String args,
    String issuedBy,
    Instant createdAt,
    Instant queuedAt,
    int total,
    long issued,
    long acknowledged,
    long succeeded,
    long failed,
    long timedOut,
    long refused,
    long finished,
    boolean done,
    Map<String, Long> byStatus,
    List<Failure> failures,
    long failuresTotal) {

  /** A rig whose command failed, timed out, or could not be queued ({@code refused}). */
  public record Failure(String rigId, String rigName, String status, String message) {}
}
