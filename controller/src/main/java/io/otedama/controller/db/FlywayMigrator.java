package io.otedama.controller.db;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Applies the plain-SQL migrations in {@code classpath:db/migration}. Version ranges are owned by
 * feature (see V1): V2..V49 REST-side features, V50..V99 the MQTT edge, V100+ later features.
 */
public final class FlywayMigrator {
  private FlywayMigrator() {}

  public static MigrateResult migrate(DatabaseTarget target) {
    return Flyway.configure()
        .dataSource(target.url(), target.user(), target.password())
        .locations("classpath:db/migration")
        .load()
        .migrate();
  }
}
