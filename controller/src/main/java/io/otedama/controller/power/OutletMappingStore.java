package io.otedama.controller.power;

import io.otedama.controller.api.ApiException;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/** Rig-to-outlet mappings ({@code outlet_mappings}). */
public final class OutletMappingStore {
  private final Jdbi jdbi;

  public OutletMappingStore(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  /** Sets a rig's outlet; 409 when another rig already has that outlet. */
  public void put(OutletMapping m) {
    try {
      jdbi.useHandle(h ->
          h.createUpdate(
                  "INSERT INTO outlet_mappings (rig_id, device_id, outlet_index, outlet_name,"
                      + " nameplate_w, watchdog) VALUES (:rig, :device, :index, :name, :nameplate,"
                      + " :watchdog) ON CONFLICT (rig_id) DO UPDATE SET device_id = :device,"
                      + " outlet_index = :index, outlet_name = :name, nameplate_w = :nameplate,"
                      + " watchdog = :watchdog")
              .bind("rig", m.rigId())
              .bind("device", m.deviceId())
              .bind("index", m.outletIndex())
              .bind("name", m.outletName())
              .bind("nameplate", m.nameplateW())
              .bind("watchdog", m.watchdog())
              .execute());
    } catch (UnableToExecuteStatementException e) {
      if (e.getMessage() != null && e.getMessage().contains("outlet_mappings_device_id_outlet")) {
        throw ApiException.conflict(
            "Outlet "
                + m.outletIndex()
                + " of "
                + m.deviceId()
                + " is already mapped to another rig.");
      }
      throw e;
    }
  }

  public List<OutletMapping> list() {
    return jdbi.withHandle(h ->
        h.createQuery(
                "SELECT rig_id, device_id, outlet_index, outlet_name, nameplate_w, watchdog"
                    + " FROM outlet_mappings ORDER BY device_id, outlet_index")
            .map((rs, ctx) -> row(rs))
            .list());
  }

  public Optional<OutletMapping> forRig(String rigId) {
    return jdbi.withHandle(h ->
        h.createQuery(
                "SELECT rig_id, device_id, outlet_index, outlet_name, nameplate_w, watchdog"
                    + " FROM outlet_mappings WHERE rig_id = :rig")
            .bind("rig", rigId)
            .map((rs, ctx) -> row(rs))
            .findOne());
  }

  private static OutletMapping row(java.sql.ResultSet rs) throws java.sql.SQLException {
    return new OutletMapping(
        rs.getString("rig_id"),
        rs.getString("device_id"),
        rs.getInt("outlet_index"),
        rs.getString("outlet_name"),
        Columns.nullableDouble(rs, "nameplate_w"),
        rs.getBoolean("watchdog"));
  }

  public boolean delete(String rigId) {
    return jdbi.withHandle(h ->
        h.createUpdate("DELETE FROM outlet_mappings WHERE rig_id = :rig")
            .bind("rig", rigId)
            .execute())
        == 1;
  }
}
