package io.otedama.controller.commands;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** The {@code command_batches} table and the progress of a batch over its command rows. */
class CommandBatchStore {
  private final Jdbi jdbi;
  private final ObjectMapper json;

  CommandBatchStore(Jdbi jdbi, ObjectMapper json) {
    this.jdbi = jdbi;
    this.json = json;
  }

  void insert(String id, String type, String argsJson, int total, String issuedBy, Instant at) {
    jdbi.useHandle(h ->
        h.createUpdate(
                "INSERT INTO command_batches (id, type, args, total, issued_by, created_at)"
                    + " VALUES (:id, :type, CAST(:args AS jsonb), :total, :by, :at)")
            .bind("id", id)
            .bind("type", type)
            .bind("args", argsJson)
            .bind("total", total)
            .bind("by", issuedBy)
            .bind("at", at)
            .execute());
  }

  void refuse(String id, String rigId, String message) {
    String entry;
    try {
      entry = json.writeValueAsString(List.of(Map.of("rigId", rigId, "message", message)));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a refusal could not be written as JSON", e);
    }
    jdbi.useHandle(h ->
        h.createUpdate(
                "UPDATE command_batches SET refused = refused || CAST(:entry AS jsonb)"
                    + " WHERE id = :id")
            .bind("entry", entry)
            .bind("id", id)
            .execute());
  }

  void markQueued(String id, Instant at) {
    jdbi.useHandle(h ->
        h.createUpdate("UPDATE command_batches SET queued_at = :at WHERE id = :id")
            .bind("at", at)
            .bind("id", id)
            .execute());
  }

  /** Recent batches, newest first, with their progress but without the failures listed. */
  List<CommandBatch> recent(int limit) {
    return jdbi.withHandle(h -> {
      List<String> ids =
          h.createQuery("SELECT id FROM command_batches ORDER BY created_at DESC, id LIMIT :limit")
              .bind("limit", limit)
              .mapTo(String.class)
              .list();
      List<CommandBatch> out = new ArrayList<>();
      for (String id : ids) {
        progress(h, id, 0).ifPresent(out::add);
      }
      return out;
    });
  }

  Optional<CommandBatch> progress(String id, int failuresListed) {
    return jdbi.withHandle(h -> progress(h, id, failuresListed));
  }

  private Optional<CommandBatch> progress(Handle h, String id, int failuresListed) {
    Optional<Map<String, Object>> row =
        h.createQuery(
                "SELECT type, args::text AS args, total, refused::text AS refused, issued_by,"
                    + " created_at, queued_at FROM command_batches WHERE id = :id")
            .bind("id", id)
            .mapToMap()
            .findOne();
    if (row.isEmpty()) {
      return Optional.empty();
    }
    Map<String, Object> b = row.get();
    Map<String, Long> byStatus = new LinkedHashMap<>();
    for (String s :
        List.of(
            CommandStatus.QUEUED,
            CommandStatus.SENT,
            CommandStatus.ACKED,
            CommandStatus.SUCCEEDED,
            CommandStatus.FAILED,
            CommandStatus.TIMED_OUT)) {
      byStatus.put(s, 0L);
    }
    h.createQuery("SELECT status, count(*) AS n FROM commands WHERE batch_id = :id GROUP BY status")
        .bind("id", id)
        .map((rs, ctx) -> Map.entry(rs.getString("status"), rs.getLong("n")))
        .forEach(e -> byStatus.put(e.getKey(), e.getValue()));
    List<CommandBatch.Failure> refused = refusals((String) b.get("refused"));
    List<CommandBatch.Failure> failures = new ArrayList<>();
    for (CommandBatch.Failure r : refused) {
      if (failures.size() < failuresListed) {
        failures.add(r);
      }
    }
    if (failures.size() < failuresListed) {
      failures.addAll(
          h.createQuery(
                  "SELECT c.rig_id, r.name, c.status,"
                      + " COALESCE(c.result_message, c.last_error) AS message"
                      + " FROM commands c LEFT JOIN rigs r ON r.id = c.rig_id"
                      + " WHERE c.batch_id = :id AND c.status IN ('failed', 'timed_out')"
                      + " ORDER BY c.finished_at, c.rig_id LIMIT :limit")
              .bind("id", id)
              .bind("limit", failuresListed - failures.size())
              .map((rs, ctx) ->
                  new CommandBatch.Failure(
                      rs.getString("rig_id"),
                      rs.getString("name"),
                      rs.getString("status"),
                      rs.getString("message")))
              .list());
    }
    long issued = byStatus.values().stream().mapToLong(Long::longValue).sum();
    long succeeded = byStatus.get(CommandStatus.SUCCEEDED);
    long failed = byStatus.get(CommandStatus.FAILED);
    long timedOut = byStatus.get(CommandStatus.TIMED_OUT);
    long acknowledged = byStatus.get(CommandStatus.ACKED) + succeeded + failed;
    long finished = succeeded + failed + timedOut + refused.size();
    int total = ((Number) b.get("total")).intValue();
    Instant queuedAt = instant(b.get("queued_at"));
    return Optional.of(
        new CommandBatch(
            id,
            (String) b.get("type"),
            (String) b.get("args"),
            (String) b.get("issued_by"),
            instant(b.get("created_at")),
            queuedAt,
            total,
            issued,
            acknowledged,
            succeeded,
            failed + timedOut + refused.size(),
            timedOut,
            refused.size(),
            finished,
            queuedAt != null && finished >= total,
            byStatus,
            failures,
            failed + timedOut + refused.size()));
  }

  private List<CommandBatch.Failure> refusals(String refusedJson) {
    List<CommandBatch.Failure> out = new ArrayList<>();
    try {
      for (JsonNode n : json.readTree(refusedJson)) {
        out.add(
            new CommandBatch.Failure(
                n.path("rigId").asText(), null, "refused", n.path("message").asText()));
      }
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("command_batches.refused is not JSON", e);
    }
    return out;
  }

  private static Instant instant(Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof Timestamp ts) {
      return ts.toInstant();
    }
    if (value instanceof java.time.OffsetDateTime odt) {
      return odt.toInstant();
    }
    throw new IllegalStateException("not a timestamp: " + value.getClass());
  }
}
