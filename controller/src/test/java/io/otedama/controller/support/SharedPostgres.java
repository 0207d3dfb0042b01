package io.otedama.controller.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One real PostgreSQL per test JVM (started on first use, stopped by its shutdown hook); every test
 * class gets its own fresh database on it, so classes never see each other's rows.
 */
public final class SharedPostgres {
  private static final AtomicInteger DATABASES = new AtomicInteger();
  private static EmbeddedPostgres postgres;

  private SharedPostgres() {}

  private static synchronized EmbeddedPostgres server() {
    if (postgres == null) {
      try {
        postgres = EmbeddedPostgres.builder().setRegisterShutdownHook(true).start();
      } catch (IOException e) {
        throw new UncheckedIOException("Could not start the test PostgreSQL", e);
      }
    }
    return postgres;
  }

  /** The shared server's port (user postgres, no password). */
  public static int port() {
    return server().getPort();
  }

  /** Runs one statement as postgres on the server's maintenance database (CREATE DATABASE ...). */
  public static void execute(String sql) {
    try (Connection c = server().getPostgresDatabase().getConnection();
        Statement s = c.createStatement()) {
      s.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException("could not run '" + sql + "'", e);
    }
  }

  /** Creates an empty database and returns its JDBC URL (user postgres, no password). */
  public static String newDatabaseUrl() {
    String name = "otedama_test_" + DATABASES.incrementAndGet();
    try (Connection c = server().getPostgresDatabase().getConnection();
        Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      throw new IllegalStateException("Could not create test database " + name, e);
    }
    return "jdbc:postgresql://localhost:" + server().getPort() + "/" + name;
  }
}
