package io.otedama.controller.testing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import javax.sql.DataSource;

/** Inserts rigs rows the way enrollment would, for tests of the MQTT edge. */
public final class Rigs {

  private Rigs() {}

  public static void insert(DataSource database, String... ids) throws SQLException {
    try (Connection c = database.getConnection();
        PreparedStatement insert =
            c.prepareStatement(
                "INSERT INTO rigs (id, name, hardware_id) VALUES (?, ?, ?) ON CONFLICT DO NOTHING")) {
      for (String id : ids) {
        insert.setString(1, id);
        insert.setString(2, id);
        insert.setString(3, "hw-" + id);
        insert.addBatch();
      }
      insert.executeBatch();
    }
  }
}
