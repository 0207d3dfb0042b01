package io.otedama.controller.power;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** The registered PDUs and switches ({@code power_devices}). */
public final class PowerDeviceStore {
  private static final String COLUMNS =
      "id, name, kind, host, port, profile, site, credentials::text AS credentials,"
          + " generic_oids::text AS generic_oids";
  private final Jdbi jdbi;
  private final ObjectMapper json;

  public PowerDeviceStore(Jdbi jdbi, ObjectMapper json) {
    this.jdbi = jdbi;
    this.json = json;
  }

  /** Inserts; false when the id is taken. */
  public boolean insert(PowerDevice d) {
    return jdbi.withHandle(h ->
        h.createUpdate(
                "INSERT INTO power_devices (id, name, kind, host, port, profile, site,"
                    + " credentials, generic_oids) VALUES (:id, :name, :kind, :host, :port,"
                    + " :profile, :site, CAST(:credentials AS jsonb), CAST(:generic AS jsonb))"
                    + " ON CONFLICT (id) DO NOTHING")
            .bind("id", d.id())
            .bind("name", d.name())
            .bind("kind", d.kind())
            .bind("host", d.host())
            .bind("port", d.port())
            .bind("profile", d.profile())
            .bind("site", d.site())
            .bind("credentials", write(d.credentials()))
            .bind("generic", d.genericOids() == null ? null : write(d.genericOids()))
            .execute())
        == 1;
  }

  public List<PowerDevice> list() {
    return jdbi.withHandle(h ->
        h.createQuery("SELECT " + COLUMNS + " FROM power_devices ORDER BY id")
            .map((rs, ctx) -> row(rs))
            .list());
  }

  public Optional<PowerDevice> find(String id) {
    return jdbi.withHandle(h ->
        h.createQuery("SELECT " + COLUMNS + " FROM power_devices WHERE id = :id")
            .bind("id", id)
            .map((rs, ctx) -> row(rs))
            .findOne());
  }

  public boolean delete(String id) {
    return jdbi.withHandle(h ->
        h.createUpdate("DELETE FROM power_devices WHERE id = :id").bind("id", id).execute())
        == 1;
  }

  private PowerDevice row(ResultSet rs) throws SQLException {
    String generic = rs.getString("generic_oids");
    return new PowerDevice(
        rs.getString("id"),
        rs.getString("name"),
        rs.getString("kind"),
        rs.getString("host"),
        rs.getInt("port"),
        rs.getString("profile"),
        rs.getString("site"),
        read(rs.getString("credentials"), SnmpCredentials.class),
        generic == null ? null : read(generic, GenericOids.class));
  }

  private String write(Object value) {
    try {
      return json.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Could not write " + value.getClass().getSimpleName(), e);
    }
  }

  private <T> T read(String text, Class<T> type) {
    try {
      return json.readValue(text, type);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Stored " + type.getSimpleName() + " is not valid JSON", e);
    }
  }
}
