package io.otedama.controller.auth;

import io.otedama.controller.api.Page;
import java.time.Clock;
import java.util.List;
import org.jdbi.v3.core.Jdbi;

/** Writes and reads the audit log. */
public class AuditLog {
  private final Jdbi jdbi;
  private final Clock clock;

  public AuditLog(Jdbi jdbi, Clock clock) {
    this.jdbi = jdbi;
    this.clock = clock;
  }

  public void record(
      String actor,
      String actorRole,
      String action,
      String path,
      int status,
      String remoteAddress,
      String detail) {
    jdbi.useHandle(h ->
        h.createUpdate(
                "INSERT INTO audit_log"
                    + " (at, actor, actor_role, action, path, status, remote_address, detail)"
                    + " VALUES (:at, :actor, :role, :action, :path, :status, :remote, :detail)")
            .bind("at", clock.instant())
            .bind("actor", actor)
            .bind("role", actorRole)
            .bind("action", action)
            .bind("path", path)
            .bind("status", status)
            .bind("remote", remoteAddress)
            .bind("detail", detail)
            .execute());
  }

  /** The users and actions the log holds (each sorted), for the console's filter choices. */
  public java.util.Map<String, java.util.List<String>> choices() {
    return jdbi.withHandle(h ->
        java.util.Map.of(
            "actors",
            h.createQuery(
                    "SELECT DISTINCT actor FROM audit_log WHERE actor IS NOT NULL ORDER BY actor"
                        + " LIMIT 1000")
                .mapTo(String.class)
                .list(),
            "actions",
            h.createQuery("SELECT DISTINCT action FROM audit_log ORDER BY action LIMIT 1000")
                .mapTo(String.class)
                .list()));
  }

  /** Newest first; {@code actor} and {@code action} filter exactly when given. */
  public Page<AuditEntry> list(String actor, String action, int page, int size) {
    String where =
        " WHERE (CAST(:actor AS TEXT) IS NULL OR actor = :actor)"
            + " AND (CAST(:action AS TEXT) IS NULL OR action = :action)";
    return jdbi.withHandle(h -> {
      long total =
          h.createQuery("SELECT count(*) FROM audit_log" + where)
              .bind("actor", actor)
              .bind("action", action)
              .mapTo(Long.class)
              .one();
      List<AuditEntry> items =
          h.createQuery(
                  "SELECT id, at, actor, actor_role, action, path, status, remote_address,"
                      + " detail FROM audit_log"
                      + where
                      + " ORDER BY at DESC, id DESC LIMIT :limit OFFSET :offset")
              .bind("actor", actor)
              .bind("action", action)
              .bind("limit", size)
              .bind("offset", (long) (page - 1) * size)
              .map((rs, ctx) ->
                  new AuditEntry(
                      rs.getLong("id"),
                      rs.getTimestamp("at").toInstant(),
                      rs.getString("actor"),
                      rs.getString("actor_role"),
                      rs.getString("action"),
                      rs.getString("path"),
                      rs.getInt("status"),
                      rs.getString("remote_address"),
                      rs.getString("detail")))
              .list();
      return new Page<>(items, total);
    });
  }
}
