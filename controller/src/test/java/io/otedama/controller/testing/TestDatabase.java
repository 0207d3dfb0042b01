package io.otedama.controller.testing;

import io.otedama.controller.db.DatabaseTarget;
import io.otedama.controller.db.FlywayMigrator;
import io.otedama.controller.support.SharedPostgres;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Real PostgreSQL for the MQTT edge's tests: a fresh database on the test JVM's shared embedded
 * server ({@link SharedPostgres}) with every Flyway migration applied, as a plain DataSource.
 */
public final class TestDatabase {

  private TestDatabase() {}

  /** A new, migrated database. */
  public static DataSource newMigratedDatabase() {
    String url = SharedPostgres.newDatabaseUrl();
    FlywayMigrator.migrate(new DatabaseTarget(url, "postgres", null));
    PGSimpleDataSource dataSource = new PGSimpleDataSource();
    dataSource.setUrl(url);
    dataSource.setUser("postgres");
    return dataSource;
  }
}
