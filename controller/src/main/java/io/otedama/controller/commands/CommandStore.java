package io.otedama.controller.commands;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * The {@code commands} table. Status updates guard on the current status, so they are idempotent.
 *
 * <p>Inserts and the sent mark run on a handle of their own ({@link #committed}), never on the
 * caller's: Jdbi hands nested {@code withHandle}/{@code useHandle} calls the thread's open handle,
 * so a command issued inside another feature's transaction (the rollout tick) would stay invisible
 * until that transaction commits, while the agent's answer, arriving within milliseconds, found no
 * row and was dropped. A command is committed before its message leaves.
 */
class CommandStore {
  private static final String COLUMNS =
      "id, rig_id, type, args::text AS args, status, issued_by, created_at, expires_at, sent_at,"
          + " acked_at, finished_at, attempts, last_error, result_message,"
          + " result_details::text AS result_details";
  private final Jdbi jdbi;

  CommandStore(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  Jdbi jdbi() {
    return jdbi;
  }

  /** Runs {@code work} on a new autocommit handle, outside any transaction of this thread. */
  private <R> R committed(org.jdbi.v3.core.HandleCallback<R, RuntimeException> work) {
    try (org.jdbi.v3.core.Handle h = jdbi.open()) {
      return work.withHandle(h);
    }
  }

  void insert(
      String id,
      String rigId,
      String type,
      String argsJson,
      String issuedBy,
      Instant now,
      Instant expiresAt,
      Instant nextAttemptAt,
      String batchId) {
    committed(h ->
        h.createUpdate(
                "INSERT INTO commands (id, rig_id, type, args, status, issued_by, created_at,"
                    + " expires_at, next_attempt_at, batch_id)"
                    + " VALUES (:id, :rig, :type, CAST(:args AS jsonb), 'queued', :by, :now,"
                    + " :expires, :next, :batch)")
            .bind("batch", batchId)
            .bind("id", id)
            .bind("rig", rigId)
            .bind("type", type)
            .bind("args", argsJson)
            .bind("by", issuedBy)
            .bind("now", now)
            .bind("expires", expiresAt)
            .bind("next", nextAttemptAt)
            .execute());
  }

  /** The ids among {@code rigIds} that are rigs. */
  java.util.Set<String> existingRigs(List<String> rigIds) {
    return jdbi.withHandle(h ->
        new java.util.HashSet<>(
            h.createQuery("SELECT id FROM rigs WHERE id IN (<ids>)")
                .bindList("ids", rigIds)
                .mapTo(String.class)
                .list()));
  }

  /** Inserts queued commands of one type and batch in one round trip: {@code ids[i]} for rig i. */
  void insertMany(
      List<String> ids,
      List<String> rigIds,
      String type,
      String argsJson,
      String issuedBy,
      Instant now,
      Instant expiresAt,
      Instant nextAttemptAt,
      String batchId) {
    committed(h ->
        h.inTransaction(tx -> {
          var batch =
              tx.prepareBatch(
                  "INSERT INTO commands (id, rig_id, type, args, status, issued_by, created_at,"
                      + " expires_at, next_attempt_at, batch_id)"
                      + " VALUES (:id, :rig, :type, CAST(:args AS jsonb), 'queued', :by, :now,"
                      + " :expires, :next, :batch)");
          for (int i = 0; i < ids.size(); i++) {
            batch
                .bind("id", ids.get(i))
                .bind("rig", rigIds.get(i))
                .bind("type", type)
                .bind("args", argsJson)
                .bind("by", issuedBy)
                .bind("now", now)
                .bind("expires", expiresAt)
                .bind("next", nextAttemptAt)
                .bind("batch", batchId)
                .add();
          }
          return batch.execute();
        }));
  }

  /** Marks the still-queued commands among {@code ids} sent; returns how many moved. */
  int markSentMany(List<String> ids, Instant at) {
    return committed(h ->
        h.createUpdate(
                "UPDATE commands SET status = 'sent', sent_at = :at, attempts = attempts + 1,"
                    + " next_attempt_at = NULL, last_error = NULL"
                    + " WHERE id IN (<ids>) AND status = 'queued'")
            .bind("at", at)
            .bindList("ids", ids)
            .execute());
  }

  boolean markSent(String id, Instant at) {
    return committed(h ->
        h.createUpdate(
                "UPDATE commands SET status = 'sent', sent_at = :at, attempts = attempts + 1,"
                    + " next_attempt_at = NULL, last_error = NULL"
                    + " WHERE id = :id AND status = 'queued'")
            .bind("id", id)
            .bind("at", at)
            .execute())
        > 0;
  }

  void markSendFailed(String id, String error, Instant nextAttemptAt) {
    jdbi.useHandle(h ->
        h.createUpdate(
                "UPDATE commands SET attempts = attempts + 1, last_error = :error,"
                    + " next_attempt_at = :next WHERE id = :id AND status = 'queued'")
            .bind("id", id)
            .bind("error", error)
            .bind("next", nextAttemptAt)
            .execute());
  }

  boolean markAcked(String id, String rigId, Instant at) {
    return jdbi.withHandle(h ->
        h.createUpdate(
                "UPDATE commands SET status = 'acked', acked_at = :at"
                    + " WHERE id = :id AND rig_id = :rig AND status IN ('queued', 'sent')")
            .bind("id", id)
            .bind("rig", rigId)
            .bind("at", at)
            .execute())
        > 0;
  }

  /** Moves an open command to its final status; returns its type when it moved. */
  Optional<String> finish(
      String id, String rigId, String status, String message, String detailsJson, Instant at) {
    return jdbi.withHandle(h ->
        h.createQuery(
                "UPDATE commands SET status = :status, finished_at = :at,"
                    + " acked_at = COALESCE(acked_at, :at),"
                    + " result_message = :message, result_details = CAST(:details AS jsonb)"
                    + " WHERE id = :id AND rig_id = :rig"
                    + " AND status IN ('queued', 'sent', 'acked') RETURNING type")
            .bind("status", status)
            .bind("at", at)
            .bind("message", message)
            .bind("details", detailsJson)
            .bind("id", id)
            .bind("rig", rigId)
            .mapTo(String.class)
            .findOne());
  }

  /** Marks every open command past its deadline timed_out; returns their types. */
  List<String> timeOut(Instant now) {
    return jdbi.withHandle(h ->
        h.createQuery(
                "UPDATE commands SET status = 'timed_out', finished_at = :now"
                    + " WHERE status IN ('queued', 'sent', 'acked') AND expires_at <= :now"
                    + " RETURNING type")
            .bind("now", now)
            .mapTo(String.class)
            .list());
  }

  List<Command> dueForResend(Instant now, int limit) {
    return jdbi.withHandle(h ->
        h.createQuery(
                "SELECT "
                    + COLUMNS
                    + " FROM commands WHERE status = 'queued' AND next_attempt_at <= :now"
                    + " AND expires_at > :now ORDER BY created_at LIMIT :limit")
            .bind("now", now)
            .bind("limit", limit)
            .map((rs, ctx) -> map(rs))
            .list());
  }

  Optional<Command> find(String id) {
    return jdbi.withHandle(h ->
        h.createQuery("SELECT " + COLUMNS + " FROM commands WHERE id = :id")
            .bind("id", id)
            .map((rs, ctx) -> map(rs))
            .findOne());
  }

  List<Command> forRig(String rigId, int limit) {
    return jdbi.withHandle(h ->
        h.createQuery(
                "SELECT "
                    + COLUMNS
                    + " FROM commands WHERE rig_id = :rig ORDER BY created_at DESC, id"
                    + " LIMIT :limit")
            .bind("rig", rigId)
            .bind("limit", limit)
            .map((rs, ctx) -> map(rs))
            .list());
  }

  boolean rigExists(String rigId) {
    return jdbi.withHandle(h ->
        h.createQuery("SELECT count(*) FROM rigs WHERE id = :id")
                .bind("id", rigId)
                .mapTo(Long.class)
                .one()
            > 0);
  }

  private static Command map(ResultSet rs) throws SQLException {
    return new Command(
        rs.getString("id"),
        rs.getString("rig_id"),
        rs.getString("type"),
        rs.getString("args"),
        rs.getString("status"),
        rs.getString("issued_by"),
        instant(rs.getTimestamp("created_at")),
        instant(rs.getTimestamp("expires_at")),
        instant(rs.getTimestamp("sent_at")),
        instant(rs.getTimestamp("acked_at")),
        instant(rs.getTimestamp("finished_at")),
        rs.getInt("attempts"),
        rs.getString("last_error"),
        rs.getString("result_message"),
        rs.getString("result_details"));
  }

  private static Instant instant(Timestamp ts) {
    return ts == null ? null : ts.toInstant();
  }
}
