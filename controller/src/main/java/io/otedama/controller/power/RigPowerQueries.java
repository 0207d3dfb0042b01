package io.otedama.controller.power;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** Reads rigs with their outlet mapping (left join: unmapped rigs too). */
public final class RigPowerQueries {
  private static final String SELECT =
      "SELECT r.id, r.name, r.status, r.status_changed_at, r.hashrate_hs, r.power_w,"
          + " r.last_telemetry_at, r.capabilities @> '[\"cmd:set-power-mode\"]'::jsonb AS power_modes,"
          + " m.device_id, m.outlet_index, m.outlet_name, m.nameplate_w, m.watchdog, d.site"
          + " FROM rigs r LEFT JOIN outlet_mappings m ON m.rig_id = r.id"
          + " LEFT JOIN power_devices d ON d.id = m.device_id";
  private final Jdbi jdbi;

  public RigPowerQueries(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  public List<RigPowerFacts> all() {
    return jdbi.withHandle(
        h -> h.createQuery(SELECT + " ORDER BY r.id").map((rs, ctx) -> row(rs)).list());
  }

  public Optional<RigPowerFacts> rig(String rigId) {
    return jdbi.withHandle(h ->
        h.createQuery(SELECT + " WHERE r.id = :id")
            .bind("id", rigId)
            .map((rs, ctx) -> row(rs))
            .findOne());
  }

  private static RigPowerFacts row(ResultSet rs) throws SQLException {
    String device = rs.getString("device_id");
    OutletMapping mapping =
        device == null
            ? null
            : new OutletMapping(
                rs.getString("id"),
                device,
                rs.getInt("outlet_index"),
                rs.getString("outlet_name"),
                Columns.nullableDouble(rs, "nameplate_w"),
                rs.getBoolean("watchdog"));
    return new RigPowerFacts(
        rs.getString("id"),
        rs.getString("name"),
        rs.getString("status"),
        instant(rs.getTimestamp("status_changed_at")),
        rs.getDouble("hashrate_hs"),
        Columns.nullableDouble(rs, "power_w"),
        instant(rs.getTimestamp("last_telemetry_at")),
        rs.getBoolean("power_modes"),
        mapping,
        rs.getString("site"));
  }

  private static Instant instant(Timestamp t) {
    return t == null ? null : t.toInstant();
  }
}
