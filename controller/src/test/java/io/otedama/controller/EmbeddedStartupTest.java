package io.otedama.controller;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.testing.DropwizardTestSupport;
import io.otedama.controller.support.Api;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * With no database URL the controller runs its own PostgreSQL under {@code
 * database.embeddedDataDir}: {@code db migrate} prepares it, the server starts on it, and a restart
 * finds everything it left.
 */
class EmbeddedStartupTest {

  /** Fails the test instead of exiting the JVM when a command fails. */
  static class NoExitApplication extends OtedamaApplication {
    @Override
    protected void onFatalError(Throwable t) {
      throw new AssertionError("command failed", t);
    }
  }

  @Test
  void migratesStartsAndKeepsDataAcrossRestarts(@TempDir Path dir) throws Exception {
    Path config = dir.resolve("config.yml");
    Files.writeString(
        config,
        """
        server:
          applicationConnectors:
            - type: http
              port: 0
          adminConnectors:
            - type: http
              port: 0
        logging:
          level: WARN
        database:
          embeddedDataDir: %s
        mqtt:
          embeddedPort: %d
          embeddedBindAddress: 127.0.0.1
          embeddedDataDir: %s
        auth:
          bootstrapAdminPassword: embedded-admin-pw
        stratum:
          port: 0
          host: 127.0.0.1
        """
            .formatted(
                dir.resolve("pg"),
                io.otedama.controller.testing.FreePort.find(),
                dir.resolve("hivemq")));

    new NoExitApplication().run("db", "migrate", config.toString());
    assertThat(dir.resolve("pg/PG_VERSION")).exists();

    long groupId;
    DropwizardTestSupport<OtedamaConfiguration> first =
        new DropwizardTestSupport<>(OtedamaApplication.class, config.toString());
    first.before();
    try {
      Api api = new Api(first);
      String admin = api.login("admin", "embedded-admin-pw");
      groupId =
          api.post("/api/v1/groups", admin, Map.of("name", "survives-restart"))
              .body()
              .path("id")
              .asLong();
      assertThat(api.adminGetText("/healthcheck")).contains("\"postgresql\":{\"healthy\":true");
      assertThat(api.adminGetText("/healthcheck")).contains("\"mqtt\":{\"healthy\":true");
    } finally {
      first.after();
    }

    DropwizardTestSupport<OtedamaConfiguration> second =
        new DropwizardTestSupport<>(OtedamaApplication.class, config.toString());
    second.before();
    try {
      Api api = new Api(second);
      String admin = api.login("admin", "embedded-admin-pw");
      var groups = api.get("/api/v1/groups", admin).body().path("items");
      assertThat(groups.findValuesAsText("name")).containsExactly("survives-restart");
      assertThat(groups.get(0).path("id").asLong()).isEqualTo(groupId);
      Jdbi jdbi = ((OtedamaApplication) second.getApplication()).core().jdbi();
      Long users =
          jdbi.withHandle(h -> h.createQuery("SELECT count(*) FROM users").mapTo(Long.class).one());
      assertThat(users).isEqualTo(1L);
    } finally {
      second.after();
    }
  }

  @Test
  void anEmptyConfigurationPassesTheCheckCommand(@TempDir Path dir) throws Exception {
    Path empty = Files.writeString(dir.resolve("empty.yml"), "");
    new NoExitApplication().run("check", empty.toString());
    Path comments = Files.writeString(dir.resolve("comments.yml"), "# nothing set\n---\n");
    new NoExitApplication().run("check", comments.toString());
  }
}
