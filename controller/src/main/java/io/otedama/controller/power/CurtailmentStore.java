package io.otedama.controller.power;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** Curtailment events and the rigs they touched. */
public final class CurtailmentStore {
  private static final String COLUMNS =
      "id, mode, kw, starts_at, ends_at, ramp_seconds, status, baseline_w, goal_w, measured_w,"
          + " target_met, last_checked_at, last_restore_at, created_by, created_at";
  private final Jdbi jdbi;

  public CurtailmentStore(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  public long create(
      String mode, double kw, Instant startsAt, Instant endsAt, int ramp, String by, Instant now) {
    return jdbi.withHandle(h ->
        h.createUpdate(
                "INSERT INTO curtailment_events (mode, kw, starts_at, ends_at, ramp_seconds,"
                    + " created_by, created_at) VALUES (:mode, :kw, :starts, :ends, :ramp, :by,"
                    + " :now)")
            .bind("mode", mode)
            .bind("kw", kw)
            .bind("starts", startsAt)
            .bind("ends", endsAt)
            .bind("ramp", ramp)
            .bind("by", by)
            .bind("now", now)
            .executeAndReturnGeneratedKeys("id")
            .mapTo(Long.class)
            .one());
  }

  public Optional<CurtailmentEvent> find(long id) {
    return jdbi.withHandle(h ->
            h.createQuery("SELECT " + COLUMNS + " FROM curtailment_events WHERE id = :id")
                .bind("id", id)
                .map((rs, ctx) -> row(rs))
                .findOne())
        .map(e -> e.withRigs(rigs(id)));
  }

  public List<CurtailmentEvent> list(int limit) {
    return jdbi.withHandle(h ->
        h
            .createQuery(
                "SELECT " + COLUMNS + " FROM curtailment_events ORDER BY id DESC LIMIT :limit")
            .bind("limit", limit)
            .map((rs, ctx) -> row(rs))
            .list()
            .stream()
            .map(e -> e.withRigs(rigs(e.id())))
            .toList());
  }

  /** Events still to act on: scheduled, active or restoring. */
  public List<CurtailmentEvent> open() {
    return jdbi.withHandle(h ->
        h.createQuery(
                "SELECT "
                    + COLUMNS
                    + " FROM curtailment_events WHERE status IN ('scheduled', 'active',"
                    + " 'restoring') ORDER BY id")
            .map((rs, ctx) -> row(rs))
            .list());
  }

  public void activate(long id, double baselineW) {
    jdbi.useHandle(h ->
        h.createUpdate(
                "UPDATE curtailment_events SET status = 'active', baseline_w = :b WHERE id = :id")
            .bind("b", baselineW)
            .bind("id", id)
            .execute());
  }

  public void status(long id, String status) {
    jdbi.useHandle(h ->
        h.createUpdate("UPDATE curtailment_events SET status = :s WHERE id = :id")
            .bind("s", status)
            .bind("id", id)
            .execute());
  }

  /** Ends an event early: scheduled ones are cancelled, running ones start restoring now. */
  public boolean cancel(long id, Instant now) {
    return jdbi.withHandle(h ->
        h.createUpdate(
                "UPDATE curtailment_events SET status = CASE WHEN status = 'scheduled' THEN"
                    + " 'cancelled' ELSE 'restoring' END, ends_at = LEAST(ends_at, :now)"
                    + " WHERE id = :id AND status IN ('scheduled', 'active')")
            .bind("now", now)
            .bind("id", id)
            .execute())
        == 1;
  }

  public void checked(long id, double goalW, double measuredW, boolean met, Instant at) {
    jdbi.useHandle(h ->
        h.createUpdate(
                "UPDATE curtailment_events SET goal_w = :g, measured_w = :m, target_met = :met,"
                    + " last_checked_at = :at WHERE id = :id")
            .bind("g", goalW)
            .bind("m", measuredW)
            .bind("met", met)
            .bind("at", at)
            .bind("id", id)
            .execute());
  }

  public void restoreStepDone(long id, Instant at) {
    jdbi.useHandle(h ->
        h.createUpdate("UPDATE curtailment_events SET last_restore_at = :at WHERE id = :id")
            .bind("at", at)
            .bind("id", id)
            .execute());
  }

  public void addRig(long id, String rigId, String method, Instant at, Double powerW) {
    jdbi.useHandle(h ->
        h.createUpdate(
                "INSERT INTO curtailment_rigs (event_id, rig_id, method, curtailed_at, power_w)"
                    + " VALUES (:id, :rig, :method, :at, :w) ON CONFLICT DO NOTHING")
            .bind("id", id)
            .bind("rig", rigId)
            .bind("method", method)
            .bind("at", at)
            .bind("w", powerW)
            .execute());
  }

  public void restored(long id, String rigId, Instant at) {
    jdbi.useHandle(h ->
        h.createUpdate(
                "UPDATE curtailment_rigs SET restored_at = :at WHERE event_id = :id"
                    + " AND rig_id = :rig")
            .bind("at", at)
            .bind("id", id)
            .bind("rig", rigId)
            .execute());
  }

  public List<CurtailedRig> rigs(long id) {
    return jdbi.withHandle(h ->
        h.createQuery(
                "SELECT rig_id, method, curtailed_at, power_w, restored_at FROM curtailment_rigs"
                    + " WHERE event_id = :id ORDER BY curtailed_at, rig_id")
            .bind("id", id)
            .map((rs, ctx) ->
                new CurtailedRig(
                    rs.getString("rig_id"),
                    rs.getString("method"),
                    instant(rs.getTimestamp("curtailed_at")),
                    Columns.nullableDouble(rs, "power_w"),
                    instant(rs.getTimestamp("restored_at"))))
            .list());
  }

  /** Rigs held down by any open event (a rig is curtailed by one event at a time). */
  public List<String> heldRigs() {
    return jdbi.withHandle(h ->
        h.createQuery(
                "SELECT r.rig_id FROM curtailment_rigs r JOIN curtailment_events e ON e.id ="
                    + " r.event_id WHERE r.restored_at IS NULL AND e.status IN ('active',"
                    + " 'restoring')")
            .mapTo(String.class)
            .list());
  }

  private static CurtailmentEvent row(ResultSet rs) throws SQLException {
    return new CurtailmentEvent(
        rs.getLong("id"),
        rs.getString("mode"),
        rs.getDouble("kw"),
        instant(rs.getTimestamp("starts_at")),
        instant(rs.getTimestamp("ends_at")),
        rs.getInt("ramp_seconds"),
        rs.getString("status"),
        Columns.nullableDouble(rs, "baseline_w"),
        Columns.nullableDouble(rs, "goal_w"),
        Columns.nullableDouble(rs, "measured_w"),
        (Boolean) rs.getObject("target_met", Boolean.class),
        instant(rs.getTimestamp("last_checked_at")),
        instant(rs.getTimestamp("last_restore_at")),
        rs.getString("created_by"),
        instant(rs.getTimestamp("created_at")),
        null);
  }

  private static Instant instant(Timestamp t) {
    return t == null ? null : t.toInstant();
  }
}
