package io.otedama.controller.fleet;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;

/**
 * The liveness state machine of one rig: online on birth, status "online" or telemetry; stale after
 * {@code staleAfter} without telemetry; offline on status "offline", Last Will, or {@code
 * offlineAfter} without telemetry. Changes are handed to the sink while holding the lock, so they
 * reach the database in the order they happened.
 */
final class RigLiveness {
  private final String rigId;
  private String status;
  private Instant lastSeen;
  private Instant flushedLastSeen;

  RigLiveness(String rigId, String status, Instant lastSeen) {
    this.rigId = rigId;
    this.status = status;
    this.lastSeen = lastSeen;
    this.flushedLastSeen = lastSeen;
  }

  synchronized void alive(Instant at, String why, Consumer<StatusChange> changes) {
    if (lastSeen == null || at.isAfter(lastSeen)) {
      lastSeen = at;
    }
    moveTo(RigStatus.ONLINE, at, why, changes);
  }

  synchronized void heartbeat(Instant at, Consumer<StatusChange> changes) {
    if (lastSeen == null || at.isAfter(lastSeen)) {
      lastSeen = at;
    }
    if (!RigStatus.ONLINE.equals(status)) {
      moveTo(RigStatus.ONLINE, at, "telemetry resumed", changes);
    }
  }

  synchronized void offline(Instant at, String why, Consumer<StatusChange> changes) {
    moveTo(RigStatus.OFFLINE, at, why, changes);
  }

  synchronized void sweep(
      Instant now, Duration staleAfter, Duration offlineAfter, Consumer<StatusChange> changes) {
    if (lastSeen == null || RigStatus.OFFLINE.equals(status)) {
      return;
    }
    Duration silent = Duration.between(lastSeen, now);
    if (silent.compareTo(offlineAfter) > 0) {
      moveTo(RigStatus.OFFLINE, now, "no telemetry for " + silent.toSeconds() + " s", changes);
    } else if (silent.compareTo(staleAfter) > 0 && RigStatus.ONLINE.equals(status)) {
      moveTo(RigStatus.STALE, now, "no telemetry for " + silent.toSeconds() + " s", changes);
    }
  }

  /** The last-seen time not yet written to the database, or null. */
  synchronized Instant unflushedLastSeen() {
    return lastSeen == null || lastSeen.equals(flushedLastSeen) ? null : lastSeen;
  }

  /** {@code seen} is in the database now. */
  synchronized void flushed(Instant seen) {
    if (flushedLastSeen == null || seen.isAfter(flushedLastSeen)) {
      flushedLastSeen = seen;
    }
  }

  synchronized String status() {
    return status;
  }

  String rigId() {
    return rigId;
  }

  private void moveTo(String to, Instant at, String why, Consumer<StatusChange> changes) {
    if (to.equals(status)) {
      return;
    }
    String from = status;
    status = to;
    changes.accept(new StatusChange(rigId, from, to, at, why));
  }
}
