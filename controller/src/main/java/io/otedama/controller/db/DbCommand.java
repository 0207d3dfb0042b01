package io.otedama.controller.db;

import io.dropwizard.core.cli.ConfiguredCommand;
import io.dropwizard.core.setup.Bootstrap;
import io.otedama.controller.OtedamaConfiguration;
import io.otedama.controller.embedded.EmbeddedPostgresServer;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;
import net.sourceforge.argparse4j.inf.Subparsers;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * {@code db migrate CONFIG.yml}: applies the schema migrations to the configured database (the
 * embedded one when no URL is set) and exits. The server also migrates at start; this command is
 * for operators who migrate before rolling out replicas.
 */
public class DbCommand extends ConfiguredCommand<OtedamaConfiguration> {
  private static final String SUBCOMMAND = "subcommand";

  public DbCommand() {
    super("db", "Database tasks; 'db migrate CONFIG.yml' applies the schema migrations.");
  }

  @Override
  public void configure(Subparser subparser) {
    Subparsers subcommands = subparser.addSubparsers().title("database tasks").dest(SUBCOMMAND);
    Subparser migrate =
        subcommands.addParser("migrate").help("apply the schema migrations and exit");
    // the configuration file argument lives on the subcommand: 'db migrate CONFIG.yml'
    super.configure(migrate);
  }

  @Override
  protected void run(
      Bootstrap<OtedamaConfiguration> bootstrap,
      Namespace namespace,
      OtedamaConfiguration configuration) {
    DatabaseConfiguration database = configuration.getDatabase();
    MigrateResult result;
    if (database.isEmbedded()) {
      try (EmbeddedPostgresServer server = Database.startEmbedded(database)) {
        result = FlywayMigrator.migrate(new DatabaseTarget(server.jdbcUrl(), server.user(), null));
      }
    } else {
      result =
          FlywayMigrator.migrate(
              new DatabaseTarget(database.getUrl(), database.getUser(), database.getPassword()));
    }
    System.out.printf(
        "Database migrated: %d migration(s) applied, schema version %s%n",
        result.migrationsExecuted,
        result.targetSchemaVersion != null
            ? result.targetSchemaVersion
            : result.initialSchemaVersion);
  }
}
