package io.otedama.controller.fleet;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Consumer;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The fleet's liveness: implements {@link RigPresenceSink} for the MQTT edge with in-memory state
 * per rig. Heartbeats only touch memory; status changes and births go to the {@link
 * PresenceWriter}; last-seen times are flushed in one statement per interval; {@link #sweep()}
 * turns silent rigs stale, then offline.
 */
public class RigPresence implements RigPresenceSink {
  private static final Logger LOG = LoggerFactory.getLogger(RigPresence.class);
  private final Jdbi jdbi;
  private final Clock clock;
  private final ObjectMapper json;
  private final PresenceWriter writer;
  private final Duration staleAfter;
  private final Duration offlineAfter;
  private final ConcurrentMap<String, RigLiveness> rigs = new ConcurrentHashMap<>();
  private final Consumer<StatusChange> changes;

  RigPresence(
      Jdbi jdbi,
      Clock clock,
      ObjectMapper json,
      PresenceWriter writer,
      Duration staleAfter,
      Duration offlineAfter) {
    this.jdbi = jdbi;
    this.clock = clock;
    this.json = json;
    this.writer = writer;
    this.staleAfter = staleAfter;
    this.offlineAfter = offlineAfter;
    this.changes = c -> writer.submit(new PresenceWriter.StatusWrite(c));
  }

  /** Loads every rig's stored status and last-seen time; the sweep corrects stale ones. */
  void loadAll() {
    jdbi.useHandle(h ->
        h.createQuery("SELECT id, status, last_seen FROM rigs")
            .map((rs, ctx) -> {
              var ts = rs.getTimestamp(3);
              String id = rs.getString(1);
              rigs.put(
                  id, new RigLiveness(id, rs.getString(2), ts == null ? null : ts.toInstant()));
              return null;
            })
            .list());
  }

  /** A newly enrolled rig: known, offline until it speaks. */
  void register(String rigId) {
    rigs.putIfAbsent(rigId, new RigLiveness(rigId, RigStatus.OFFLINE, null));
  }

  @Override
  public void birth(String rigId, RigBirth birth) {
    RigLiveness rig = find(rigId);
    if (rig == null) {
      return;
    }
    Instant at = clamp(birth.at());
    String caps;
    try {
      caps =
          json.writeValueAsString(birth.capabilities() == null ? List.of() : birth.capabilities());
    } catch (JsonProcessingException e) {
      caps = "[]";
    }
    RigBirth stamped =
        new RigBirth(
            birth.agentVersion(),
            birth.hardwareId(),
            jsonArrayOrNull(birth.devicesJson(), rigId),
            birth.capabilities(),
            birth.seq(),
            at);
    writer.submit(new PresenceWriter.BirthWrite(rigId, stamped, caps));
    rig.alive(at, "birth (agent " + birth.agentVersion() + ")", changes);
  }

  @Override
  public void statusReported(String rigId, boolean online, String reason, Instant at) {
    RigLiveness rig = find(rigId);
    if (rig == null) {
      return;
    }
    Instant when = clamp(at);
    String why =
        reason == null || reason.isBlank() ? "status " + (online ? "online" : "offline") : reason;
    if (online) {
      rig.alive(when, why, changes);
    } else {
      rig.offline(when, why, changes);
    }
  }

  @Override
  public void telemetrySeen(String rigId, Instant at) {
    RigLiveness rig = find(rigId);
    if (rig != null) {
      rig.heartbeat(clamp(at), changes);
    }
  }

  /** Moves silent rigs to stale, then offline. */
  public void sweep() {
    Instant now = clock.instant();
    for (RigLiveness rig : rigs.values()) {
      rig.sweep(now, staleAfter, offlineAfter, changes);
    }
  }

  /**
   * Writes the last-seen times that changed since the previous flush, in one transaction that locks
   * the rows in id order (as every multi-rig writer of {@code rigs} should, so concurrent batches
   * cannot deadlock). A failed flush is retried at the next interval.
   */
  public int flushLastSeen() {
    List<RigLiveness> dirty = new ArrayList<>();
    List<Instant> seen = new ArrayList<>();
    for (RigLiveness rig : rigs.values()) {
      Instant at = rig.unflushedLastSeen();
      if (at != null) {
        dirty.add(rig);
        seen.add(at);
      }
    }
    if (dirty.isEmpty()) {
      return 0;
    }
    List<String> ids = new ArrayList<>(dirty.size());
    List<Long> millis = new ArrayList<>(dirty.size());
    for (int i = 0; i < dirty.size(); i++) {
      ids.add(dirty.get(i).rigId());
      millis.add(seen.get(i).toEpochMilli());
    }
    jdbi.useTransaction(h -> {
      h.createQuery("SELECT id FROM rigs WHERE id = ANY(:ids) ORDER BY id FOR NO KEY UPDATE")
          .bindArray("ids", String.class, ids)
          .mapTo(String.class)
          .list();
      h.createUpdate(
              "UPDATE rigs r SET last_seen = to_timestamp(v.ms / 1000.0)"
                  + " FROM unnest(:ids, :ms) AS v(id, ms)"
                  + " WHERE r.id = v.id"
                  + " AND (r.last_seen IS NULL OR r.last_seen < to_timestamp(v.ms / 1000.0))")
          .bindArray("ids", String.class, ids)
          .bindArray("ms", Long.class, millis)
          .execute();
    });
    for (int i = 0; i < dirty.size(); i++) {
      dirty.get(i).flushed(seen.get(i));
    }
    return dirty.size();
  }

  /** The in-memory status of a rig, or null when unknown. */
  public String statusOf(String rigId) {
    RigLiveness rig = rigs.get(rigId);
    return rig == null ? null : rig.status();
  }

  private RigLiveness find(String rigId) {
    RigLiveness rig = rigs.get(rigId);
    if (rig != null || !RigIds.isValid(rigId)) {
      return rig;
    }
    // enrolled on another replica since we loaded: pick it up once
    return jdbi.withHandle(h ->
            h.createQuery("SELECT status, last_seen FROM rigs WHERE id = :id")
                .bind("id", rigId)
                .map((rs, ctx) -> {
                  var ts = rs.getTimestamp(2);
                  return new RigLiveness(
                      rigId, rs.getString(1), ts == null ? null : ts.toInstant());
                })
                .findOne())
        .map(r -> rigs.computeIfAbsent(rigId, k -> r))
        .orElseGet(() -> {
          LOG.debug("Liveness report for unknown rig {} ignored", rigId);
          return null;
        });
  }

  /** The devices as reported when they are a JSON array; otherwise the stored ones stay. */
  private String jsonArrayOrNull(String devicesJson, String rigId) {
    if (devicesJson == null) {
      return null;
    }
    try {
      if (json.readTree(devicesJson).isArray()) {
        return devicesJson;
      }
    } catch (JsonProcessingException e) {
      // fall through: the edge validated it, so this is a bug there, not worth failing a birth
    }
    LOG.warn("Birth of rig {} carried devices that are not a JSON array; kept the old ones", rigId);
    return null;
  }

  /** Agents' clocks may run ahead; a heartbeat from the future counts as now. */
  private Instant clamp(Instant at) {
    Instant now = clock.instant();
    return at == null || at.isAfter(now) ? now : at;
  }
}
