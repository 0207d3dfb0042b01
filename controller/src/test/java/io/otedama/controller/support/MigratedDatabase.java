package io.otedama.controller.support;

import io.otedama.controller.db.DatabaseTarget;
import io.otedama.controller.db.FlywayMigrator;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;

/** A fresh, migrated database on the shared PostgreSQL, for tests below the HTTP layer. */
public final class MigratedDatabase {
  private MigratedDatabase() {}

  public static Jdbi create() {
    String url = SharedPostgres.newDatabaseUrl();
    FlywayMigrator.migrate(new DatabaseTarget(url, "postgres", null));
    return Jdbi.create(url, "postgres", "").installPlugin(new SqlObjectPlugin());
  }
}
