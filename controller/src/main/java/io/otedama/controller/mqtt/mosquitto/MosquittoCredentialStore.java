package io.otedama.controller.mqtt.mosquitto;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * The Mosquitto-format password hash of each rig, in {@code rigs.mqtt_password_mosquitto}.
 * Enrollment calls {@link #store} whenever it issues or rotates a rig's secret (the only moment the
 * plain secret is known); {@link MosquittoAuthFiles} reads them all back.
 */
public final class MosquittoCredentialStore {

  /** One rig's login as Mosquitto sees it. */
  public record RigLogin(String rigId, String passwordHash) {}

  private final DataSource dataSource;

  public MosquittoCredentialStore(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** Records the hash of a newly issued secret for {@code rigId}; false if no such rig. */
  public boolean store(String rigId, byte[] secret) {
    String hash = MosquittoPasswordHash.hash(secret);
    try (Connection connection = dataSource.getConnection();
        PreparedStatement update =
            connection.prepareStatement(
                "UPDATE rigs SET mqtt_password_mosquitto = ? WHERE id = ?")) {
      update.setString(1, hash);
      update.setString(2, rigId);
      return update.executeUpdate() == 1;
    } catch (SQLException e) {
      throw new IllegalStateException("could not store the Mosquitto hash of rig " + rigId, e);
    }
  }

  /** Every agent rig that has a Mosquitto hash, ordered by id (stable files, stable diffs). */
  public List<RigLogin> all() throws SQLException {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement query =
            connection.prepareStatement(
                "SELECT id, mqtt_password_mosquitto FROM rigs"
                    + " WHERE mqtt_password_mosquitto IS NOT NULL ORDER BY id");
        ResultSet rows = query.executeQuery()) {
      List<RigLogin> logins = new ArrayList<>();
      while (rows.next()) {
        logins.add(new RigLogin(rows.getString(1), rows.getString(2)));
      }
      return logins;
    }
  }
}
