package io.otedama.controller.payouts.testing;

import io.otedama.controller.support.SharedPostgres;
import java.util.concurrent.atomic.AtomicInteger;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Databases on the controller tests' shared PostgreSQL ({@link SharedPostgres}). Each test class
 * (or test) gets its own fresh database: a copy of a template that Flyway migrated once over {@code
 * classpath:db/migration} (the shared V1 and payouts' V100+); copying is much faster than migrating
 * again.
 */
public final class PayoutTestDatabase {
  private static final String TEMPLATE = "payouts_template";
  private static final AtomicInteger DATABASES = new AtomicInteger();
  private static boolean templateReady;

  private PayoutTestDatabase() {}

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
    dataSource.setURL("jdbc:postgresql://localhost:" + SharedPostgres.port() + "/" + database);
    dataSource.setUser("postgres");
    return dataSource;
  }

  private static void execute(String sql) {
    SharedPostgres.execute(sql);
  }
}
