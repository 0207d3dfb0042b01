package io.otedama.controller.mqtt;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which rig ids exist in the {@code rigs} table, so messages of unknown rigs are rejected ({@code
 * unknown_rig}) instead of filling tables with orphans. All ids are loaded at start; a miss is
 * looked up once (a rig enrolled since) and remembered either way for a minute.
 */
public final class KnownRigIds {

  private static final Logger log = LoggerFactory.getLogger(KnownRigIds.class);
  private static final long NEGATIVE_TTL_NANOS = 60_000_000_000L;

  private final DataSource dataSource;
  private final ConcurrentHashMap<String, Boolean> known = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, Long> unknownSince = new ConcurrentHashMap<>();

  public KnownRigIds(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** Loads every rig id. */
  public void loadAll() throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement q = c.prepareStatement("SELECT id FROM rigs");
        ResultSet rows = q.executeQuery()) {
      while (rows.next()) {
        known.put(rows.getString(1), Boolean.TRUE);
      }
    }
  }

  public boolean contains(String rigId) {
    if (known.containsKey(rigId)) {
      return true;
    }
    Long since = unknownSince.get(rigId);
    if (since != null && System.nanoTime() - since < NEGATIVE_TTL_NANOS) {
      return false;
    }
    boolean exists;
    try {
      exists = lookUp(rigId);
    } catch (SQLException e) {
      // with the database away, let the message through: the writer keeps it until it is back
      log.warn("Could not check rig {}: {}", rigId, e.toString());
      return true;
    }
    if (exists) {
      known.put(rigId, Boolean.TRUE);
      unknownSince.remove(rigId);
    } else {
      if (unknownSince.size() > 100_000) {
        unknownSince.clear();
      }
      unknownSince.put(rigId, System.nanoTime());
    }
    return exists;
  }

  private boolean lookUp(String rigId) throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement q = c.prepareStatement("SELECT 1 FROM rigs WHERE id = ?")) {
      q.setString(1, rigId);
      try (ResultSet r = q.executeQuery()) {
        return r.next();
      }
    }
  }
}
