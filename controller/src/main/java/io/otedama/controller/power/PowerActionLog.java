package io.otedama.controller.power;

import io.otedama.controller.auth.AuditLog;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * Every outlet action and refusal ({@code power_actions}), mirrored into the audit log so an
 * administrator sees the watchdog's and curtailment's switching next to people's. The rate limits
 * count from here, so they hold across controller replicas sharing the database.
 */
public final class PowerActionLog {
  private final Jdbi jdbi;
  private final AuditLog audit;
  private final PowerMetrics metrics;

  public PowerActionLog(Jdbi jdbi, AuditLog audit, PowerMetrics metrics) {
    this.jdbi = jdbi;
    this.audit = audit;
    this.metrics = metrics;
  }

  public void record(
      Instant at,
      String rigId,
      String deviceId,
      Integer outletIndex,
      String site,
      String action,
      String trigger,
      String actor,
      String result,
      String detail) {
    jdbi.useHandle(h ->
        h.createUpdate(
                "INSERT INTO power_actions (at, rig_id, device_id, outlet_index, site, action,"
                    + " trigger, actor, result, detail) VALUES (:at, :rig, :device, :outlet,"
                    + " :site, :action, :trigger, :actor, :result, :detail)")
            .bind("at", at)
            .bind("rig", rigId)
            .bind("device", deviceId)
            .bind("outlet", outletIndex)
            .bind("site", site)
            .bind("action", action)
            .bind("trigger", trigger)
            .bind("actor", actor)
            .bind("result", result)
            .bind("detail", detail)
            .execute());
    metrics.action(action, trigger, result);
    audit.record(
        actor,
        trigger.equals("operator") ? null : "system",
        "power " + action,
        "/power/" + deviceId + "/outlets/" + outletIndex,
        result.equals("done") ? 200 : result.equals("refused") ? 429 : 502,
        null,
        trigger + (rigId == null ? "" : " rig " + rigId) + ": " + result + " — " + detail);
  }

  /** Outlet writes that reached a device since {@code since} (what the per-PDU limit counts). */
  public int writesSince(String deviceId, Instant since) {
    return jdbi.withHandle(h ->
        h.createQuery(
                "SELECT count(*) FROM power_actions WHERE device_id = :device AND at > :since"
                    + " AND result <> 'refused'")
            .bind("device", deviceId)
            .bind("since", since)
            .mapTo(Integer.class)
            .one());
  }

  /** Power-cycles of a site since {@code since} by a trigger (the watchdog's per-site limit). */
  public int cyclesAtSiteSince(String site, String trigger, Instant since) {
    return jdbi.withHandle(h ->
        h.createQuery(
                "SELECT count(*) FROM power_actions WHERE site IS NOT DISTINCT FROM :site"
                    + " AND trigger = :trigger AND action = 'cycle' AND result = 'done'"
                    + " AND at > :since")
            .bind("site", site)
            .bind("trigger", trigger)
            .bind("since", since)
            .mapTo(Integer.class)
            .one());
  }

  /** Power-cycles of a rig since {@code since} by a trigger (the per-rig limit). */
  public int cyclesOfRigSince(String rigId, String trigger, Instant since) {
    return jdbi.withHandle(h ->
        h.createQuery(
                "SELECT count(*) FROM power_actions WHERE rig_id = :rig AND trigger = :trigger"
                    + " AND action = 'cycle' AND result = 'done' AND at > :since")
            .bind("rig", rigId)
            .bind("trigger", trigger)
            .bind("since", since)
            .mapTo(Integer.class)
            .one());
  }

  /** When the rig was last cycled (by anyone): the cool-down runs from here. */
  public Optional<Instant> lastCycle(String rigId) {
    return jdbi.withHandle(h ->
        h.createQuery(
                "SELECT max(at) FROM power_actions WHERE rig_id = :rig AND action = 'cycle'"
                    + " AND result = 'done'")
            .bind("rig", rigId)
            .mapTo(Instant.class)
            .findOne());
  }

  public List<PowerAction> recent(String rigId, int limit) {
    return jdbi.withHandle(h ->
        h.createQuery(
                "SELECT id, at, rig_id, device_id, outlet_index, site, action, trigger, actor,"
                    + " result, detail FROM power_actions WHERE (CAST(:rig AS TEXT) IS NULL OR"
                    + " rig_id = :rig) ORDER BY at DESC, id DESC LIMIT :limit")
            .bind("rig", rigId)
            .bind("limit", limit)
            .map((rs, ctx) ->
                new PowerAction(
                    rs.getLong("id"),
                    rs.getTimestamp("at").toInstant(),
                    rs.getString("rig_id"),
                    rs.getString("device_id"),
                    (Integer) rs.getObject("outlet_index", Integer.class),
                    rs.getString("site"),
                    rs.getString("action"),
                    rs.getString("trigger"),
                    rs.getString("actor"),
                    rs.getString("result"),
                    rs.getString("detail")))
            .list());
  }
}
