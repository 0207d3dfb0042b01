package io.otedama.controller.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.otedama.controller.mqtt.mosquitto.MosquittoAuthFiles;
import io.otedama.controller.mqtt.mosquitto.MosquittoCredentialStore;
import io.otedama.controller.mqtt.mosquitto.MosquittoFilesConfiguration;
import io.otedama.controller.telemetry.TelemetryConfiguration;
import io.otedama.controller.testing.MapRigAuthenticator;
import io.otedama.controller.testing.MosquittoProcess;
import io.otedama.controller.testing.Payloads;
import io.otedama.controller.testing.RecordingCommandResults;
import io.otedama.controller.testing.RecordingPresenceSink;
import io.otedama.controller.testing.Rigs;
import io.otedama.controller.testing.Sql;
import io.otedama.controller.testing.TestDatabase;
import io.otedama.controller.testing.TestMqttClient;
import io.otedama.controller.testing.TestMqttClient.Received;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import javax.sql.DataSource;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The MQTT edge on an external broker: a real Mosquitto whose password and ACL files the edge keeps
 * current from the rigs table (and reloads with SIGHUP).
 */
class MqttEdgeOnMosquittoTest {

  @TempDir static Path dir;

  static DataSource database;
  static MosquittoProcess mosquitto;
  static MqttEdge edge;
  static RecordingPresenceSink presence = new RecordingPresenceSink();
  static MosquittoCredentialStore credentials;

  @BeforeAll
  static void start() throws Exception {
    database = TestDatabase.newMigratedDatabase();
    Rigs.insert(database, "rig-m1", "rig-m2");
    credentials = new MosquittoCredentialStore(database);
    credentials.store("rig-m1", "secret-m1".getBytes(StandardCharsets.UTF_8));

    MqttConfiguration mqtt = new MqttConfiguration();
    mqtt.setControllerPassword("controller-secret");
    mqtt.setClientId(mqtt.getControllerUsername()); // Mosquitto forces it anyway (see the config)
    MosquittoFilesConfiguration files = new MosquittoFilesConfiguration();
    files.setPasswordFile(dir.resolve("auth/passwd"));
    files.setAclFile(dir.resolve("auth/acl"));
    files.setRefreshSeconds(1);
    // Mosquitto needs the files to start; the edge keeps them current from then on
    ControllerCredentials controller =
        new ControllerCredentials(
            mqtt.getControllerUsername(), "controller-secret".getBytes(StandardCharsets.UTF_8));
    new MosquittoAuthFiles(credentials, controller, files).refresh();
    mosquitto = MosquittoProcess.start(dir, files.getPasswordFile(), files.getAclFile());
    files.setReloadCommand(mosquitto.reloadCommand());
    mqtt.setMosquitto(files);
    mqtt.setUrl(mosquitto.url());

    edge =
        MqttEdge.create(
            mqtt,
            new TelemetryConfiguration(),
            database,
            presence,
            new MapRigAuthenticator(), // an external broker authenticates by itself
            new RecordingCommandResults(),
            null,
            new SimpleMeterRegistry(),
            Clock.systemUTC());
    edge.start();
    await().atMost(Duration.ofSeconds(20)).until(() -> edge.client().isConnected());
  }

  @AfterAll
  static void stop() throws Exception {
    if (edge != null) {
      edge.stop();
    }
    if (mosquitto != null) {
      mosquitto.close();
    }
  }

  @Test
  void telemetryFromARigThroughMosquittoBecomesRows() throws Exception {
    try (TestMqttClient rig =
        TestMqttClient.connect(mosquitto.url(), "rig-m1", "rig-m1", "secret-m1")) {
      rig.publish(
          "otedama/v1/rigs/rig-m1/telemetry",
          Payloads.telemetryBytes(System.currentTimeMillis(), 42e12),
          1,
          false,
          null);
    }
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() ->
            Sql.count(database, "SELECT count(*) FROM telemetry WHERE rig_id = 'rig-m1'") == 1);
    assertThat(presence.heartbeats).anyMatch(h -> h.rigId().equals("rig-m1"));
  }

  @Test
  void aRigEnrolledLaterGetsInOnceTheEdgeHasRewrittenTheFiles() throws Exception {
    credentials.store("rig-m2", "secret-m2".getBytes(StandardCharsets.UTF_8));
    await()
        .atMost(Duration.ofSeconds(15))
        .ignoreExceptionsInstanceOf(MqttException.class)
        .untilAsserted(() -> {
          try (TestMqttClient rig =
              TestMqttClient.connect(mosquitto.url(), "rig-m2", "rig-m2", "secret-m2")) {
            assertThat(rig.isConnected()).isTrue();
          }
        });
  }

  @Test
  void commandsReachTheRigThroughMosquitto() throws Exception {
    try (TestMqttClient rig =
        TestMqttClient.connect(mosquitto.url(), "rig-m1", "rig-m1", "secret-m1")) {
      rig.subscribe("otedama/v1/rigs/rig-m1/cmd", 1);
      edge.commandPublisher()
          .publish(
              "rig-m1", "cmd-m", "reboot", Map.of(), Instant.now(), Instant.now().plusSeconds(60));
      Received received = rig.poll(Duration.ofSeconds(10));
      assertThat(received).isNotNull();
      assertThat(received.message().getProperties().getCorrelationData())
          .isEqualTo("cmd-m".getBytes(StandardCharsets.UTF_8));
    }
  }
}
