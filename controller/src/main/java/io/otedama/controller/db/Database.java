package io.otedama.controller.db;

import io.dropwizard.core.setup.Environment;
import io.dropwizard.jdbi3.JdbiFactory;
import io.dropwizard.lifecycle.Managed;
import io.otedama.controller.embedded.EmbeddedPostgresServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.flywaydb.core.api.output.MigrateResult;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens the controller's database: starts the embedded server when no URL is configured, migrates
 * the schema, and builds the pooled Jdbi (with its health check {@code postgresql}) whose lifecycle
 * Dropwizard manages.
 */
public final class Database {
  private static final Logger LOG = LoggerFactory.getLogger(Database.class);

  private Database() {}

  public static Jdbi open(DatabaseConfiguration config, Environment environment) {
    DatabaseTarget target = resolve(config, environment);
    MigrateResult result = FlywayMigrator.migrate(target);
    LOG.info(
        "Database schema at version {} ({} migrations applied now)",
        result.targetSchemaVersion != null
            ? result.targetSchemaVersion
            : result.initialSchemaVersion,
        result.migrationsExecuted);
    return new JdbiFactory().build(environment, config.dataSourceFactory(target), "postgresql");
  }

  /**
   * The configured external server, or a started embedded one that stops with the application
   * (registered before the pool, so it stops after it).
   */
  private static DatabaseTarget resolve(DatabaseConfiguration config, Environment environment) {
    if (!config.isEmbedded()) {
      return new DatabaseTarget(config.getUrl(), config.getUser(), config.getPassword());
    }
    EmbeddedPostgresServer server = startEmbedded(config);
    environment
        .lifecycle()
        .manage(
            new Managed() {
              @Override
              public void stop() throws Exception {
                server.close();
              }
            });
    return new DatabaseTarget(server.jdbcUrl(), server.user(), null);
  }

  /** Starts the embedded server of an embedded configuration; the caller closes it. */
  public static EmbeddedPostgresServer startEmbedded(DatabaseConfiguration config) {
    try {
      return EmbeddedPostgresServer.start(
          Path.of(config.getEmbeddedDataDir()), config.getEmbeddedPort());
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Could not start the embedded PostgreSQL in " + config.getEmbeddedDataDir(), e);
    }
  }
}
