package io.otedama.controller.payouts.testing;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.jdbi.v3.core.Jdbi;
import org.postgresql.ds.PGSimpleDataSource;

/** A migrated test database: Jdbi instances on it, and raw SQL for setup and tampering. */
public final class TestDatabase {
  private final PGSimpleDataSource dataSource;
  private final Jdbi jdbi;

  TestDatabase(PGSimpleDataSource dataSource) {
    this.dataSource = dataSource;
    this.jdbi = PayoutTestDatabase.jdbi(dataSource);
  }

  public Jdbi jdbi() {
    return jdbi;
  }

  /** Another Jdbi on the same database, as a second controller replica would have. */
  public Jdbi anotherJdbi() {
    return PayoutTestDatabase.jdbi(dataSource);
  }

  public PGSimpleDataSource dataSource() {
    return dataSource;
  }

  /** Runs statements on a fresh auto-commit connection, bypassing every service. */
  public void sql(String... statements) {
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement()) {
      for (String statement : statements) {
        s.execute(statement);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e.getMessage(), e);
    }
  }

  public long queryLong(String sql) {
    return jdbi.withHandle(h -> h.createQuery(sql).mapTo(Long.class).one());
  }

  /** Inserts a rig; hardware id and name derive from the id. */
  public void insertRig(String rigId) {
    sql(
        "INSERT INTO rigs (id, name, hardware_id) VALUES ('"
            + rigId
            + "', '"
            + rigId
            + "', 'hw-"
            + rigId
            + "')");
  }
}
