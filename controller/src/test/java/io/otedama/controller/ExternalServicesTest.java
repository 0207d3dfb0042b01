package io.otedama.controller;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.dropwizard.testing.DropwizardTestSupport;
import io.otedama.controller.db.DatabaseTarget;
import io.otedama.controller.db.FlywayMigrator;
import io.otedama.controller.mqtt.ControllerCredentials;
import io.otedama.controller.mqtt.mosquitto.MosquittoAuthFiles;
import io.otedama.controller.mqtt.mosquitto.MosquittoCredentialStore;
import io.otedama.controller.mqtt.mosquitto.MosquittoFilesConfiguration;
import io.otedama.controller.support.Api;
import io.otedama.controller.support.Api.Reply;
import io.otedama.controller.support.SharedPostgres;
import io.otedama.controller.testing.MosquittoProcess;
import io.otedama.controller.testing.Payloads;
import io.otedama.controller.testing.Sql;
import io.otedama.controller.testing.TestMqttClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The whole controller configured with URLs instead of its embedded parts: an external PostgreSQL
 * ({@code database.url}) and a real Mosquitto ({@code mqtt.url}) whose password and ACL files the
 * controller keeps. A rig enrolled through the API logs in to Mosquitto with the credentials it
 * got, and its telemetry ends up as rows in the external database.
 */
class ExternalServicesTest {

  private static final String CONTROLLER_SECRET = "controller-secret-ext";

  @TempDir static Path dir;

  static PGSimpleDataSource database;
  static MosquittoProcess mosquitto;
  static DropwizardTestSupport<OtedamaConfiguration> app;
  static Api api;

  @BeforeAll
  static void start() throws Exception {
    String url = SharedPostgres.newDatabaseUrl();
    FlywayMigrator.migrate(new DatabaseTarget(url, "postgres", null));
    database = new PGSimpleDataSource();
    database.setUrl(url);
    database.setUser("postgres");

    // Mosquitto refuses to start without its files: write the first ones as the controller would
    Path passwd = dir.resolve("auth/passwd");
    Path acl = dir.resolve("auth/acl");
    MosquittoFilesConfiguration files = new MosquittoFilesConfiguration();
    files.setPasswordFile(passwd);
    files.setAclFile(acl);
    new MosquittoAuthFiles(
            new MosquittoCredentialStore(database),
            new ControllerCredentials(
                "otedama-controller", CONTROLLER_SECRET.getBytes(StandardCharsets.UTF_8)),
            files)
        .refresh();
    mosquitto = MosquittoProcess.start(dir, passwd, acl);

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
          requestLog:
            appenders: []
        logging:
          level: WARN
        auth:
          bootstrapAdminPassword: %s
        database:
          url: %s
          user: postgres
        mqtt:
          url: %s
          controllerPassword: %s
          mosquitto:
            passwordFile: %s
            aclFile: %s
            refreshSeconds: 1
            reloadCommand: [kill, -HUP, "%d"]
        stratum:
          port: 0
          host: 127.0.0.1
        """
            .formatted(
                Api.ADMIN_PASSWORD,
                url,
                mosquitto.url(),
                CONTROLLER_SECRET,
                passwd,
                acl,
                mosquitto.pid()));
    app = new DropwizardTestSupport<>(OtedamaApplication.class, config.toString());
    app.before();
    api = new Api(app);
  }

  @AfterAll
  static void stop() throws Exception {
    if (app != null) {
      app.after();
    }
    if (mosquitto != null) {
      mosquitto.close();
    }
  }

  @Test
  void anEnrolledRigReportsThroughMosquittoIntoTheExternalDatabase() throws Exception {
    String admin = api.loginAdmin();
    Reply enrolled = api.enroll(admin, "ext-hw-1");
    assertThat(enrolled.status()).as(enrolled.toString()).isEqualTo(200);
    String rigId = enrolled.text("rigId");
    String user = enrolled.text("mqttUsername");
    String secret = enrolled.text("mqttPassword");

    // the controller rewrites Mosquitto's files and reloads it within its refresh interval
    await()
        .atMost(Duration.ofSeconds(20))
        .ignoreExceptionsInstanceOf(MqttException.class)
        .untilAsserted(() -> {
          try (TestMqttClient rig = TestMqttClient.connect(mosquitto.url(), user, user, secret)) {
            rig.publish(
                "otedama/v1/rigs/" + rigId + "/telemetry",
                Payloads.telemetryBytes(System.currentTimeMillis(), 21e12),
                1,
                false,
                null);
          }
        });
    await()
        .atMost(Duration.ofSeconds(15))
        .until(() ->
            Sql.count(database, "SELECT count(*) FROM telemetry WHERE rig_id = '" + rigId + "'")
                >= 1);
    Reply rig = api.get("/api/v1/rigs/" + rigId, admin);
    assertThat(rig.status()).isEqualTo(200);
    assertThat(rig.body().get("lastSeen").isNull()).isFalse();
  }

  @Test
  void theHealthChecksReportTheExternalServices() {
    String health = api.adminGetText("/healthcheck");
    assertThat(health)
        .contains("\"postgresql\"")
        .contains("\"mqtt\"")
        .doesNotContain("\"healthy\":false");
  }
}
