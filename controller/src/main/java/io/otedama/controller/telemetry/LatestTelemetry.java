package io.otedama.controller.telemetry;

import io.otedama.protocol.message.TelemetryMessage;
import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The newest telemetry of every rig, in memory: what other features (alerts, the console, work
 * assignment) read instead of querying the database. A message older than the one held (a spool
 * replay) does not replace it.
 */
public final class LatestTelemetry {

  /** One rig's newest telemetry and when it arrived. */
  public record Entry(String rigId, TelemetryMessage message, Instant receivedAt) {}

  private final ConcurrentHashMap<String, Entry> byRig = new ConcurrentHashMap<>();

  /** Keeps {@code message} if it is newer than what is held for {@code rigId}. */
  public void update(String rigId, TelemetryMessage message, Instant receivedAt) {
    Entry candidate = new Entry(rigId, message, receivedAt);
    byRig.merge(
        rigId,
        candidate,
        (held, fresh) -> fresh.message().ts() >= held.message().ts() ? fresh : held);
  }

  public Optional<Entry> get(String rigId) {
    return Optional.ofNullable(byRig.get(rigId));
  }

  /** A live, read-only view (weakly consistent while updates arrive). */
  public Map<String, Entry> snapshot() {
    return Collections.unmodifiableMap(byRig);
  }

  public int size() {
    return byRig.size();
  }

  /** Forget a rig (deleted, or re-enrolled as another). */
  public void remove(String rigId) {
    byRig.remove(rigId);
  }
}
