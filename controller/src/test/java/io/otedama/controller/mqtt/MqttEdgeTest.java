package io.otedama.controller.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.otedama.controller.mqtt.MqttConfiguration.BrokerPersistence;
import io.otedama.controller.telemetry.TelemetryConfiguration;
import io.otedama.controller.testing.FreePort;
import io.otedama.controller.testing.MapRigAuthenticator;
import io.otedama.controller.testing.Payloads;
import io.otedama.controller.testing.RecordingCommandResults;
import io.otedama.controller.testing.RecordingPresenceSink;
import io.otedama.controller.testing.Rigs;
import io.otedama.controller.testing.Sql;
import io.otedama.controller.testing.TestDatabase;
import io.otedama.controller.testing.TestMqttClient;
import io.otedama.controller.testing.TestMqttClient.Received;
import io.otedama.protocol.codec.MessageCodec;
import io.otedama.protocol.message.CommandMessage;
import io.otedama.protocol.message.CommandStatus;
import io.otedama.protocol.message.RigState;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import javax.sql.DataSource;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole MQTT edge as the application wires it ({@link MqttEdge}): embedded HiveMQ with its
 * security extension, the Paho client, decode and dispatch, the telemetry ingest on real
 * PostgreSQL; rigs are scripted MQTT clients. The fleet and commands seams are recorders.
 */
class MqttEdgeTest {

  @TempDir static Path dataDir;

  static DataSource database;
  static SimpleMeterRegistry registry = new SimpleMeterRegistry();
  static RecordingPresenceSink presence = new RecordingPresenceSink();
  static RecordingCommandResults commandResults = new RecordingCommandResults();
  static MqttEdge edge;
  static String url;

  @BeforeAll
  static void start() throws Exception {
    database = TestDatabase.newMigratedDatabase();
    Rigs.insert(database, "rig-1", "rig-2", "rig-3", "rig-4", "rig-5", "rig-6");
    MapRigAuthenticator rigs = new MapRigAuthenticator().add("ghost", "secret-ghost");
    for (int i = 1; i <= 6; i++) {
      rigs.add("rig-" + i, "secret-" + i);
    }
    MqttConfiguration mqtt = new MqttConfiguration();
    mqtt.setEmbeddedPort(FreePort.find());
    mqtt.setEmbeddedBindAddress("127.0.0.1");
    mqtt.setEmbeddedDataDir(dataDir);
    mqtt.setEmbeddedPersistence(BrokerPersistence.IN_MEMORY);
    edge =
        MqttEdge.create(
            mqtt,
            new TelemetryConfiguration(),
            database,
            presence,
            rigs,
            commandResults,
            null,
            registry,
            Clock.systemUTC());
    edge.start();
    url = edge.brokerUrl();
    await().atMost(Duration.ofSeconds(20)).until(() -> edge.client().isConnected());
  }

  @AfterAll
  static void stop() throws Exception {
    edge.stop();
  }

  private static TestMqttClient rig(int n) throws Exception {
    return TestMqttClient.connect(url, "rig-" + n, "rig-" + n, "secret-" + n);
  }

  private static long rowsOf(String rigId) {
    return Sql.count(database, "SELECT count(*) FROM telemetry WHERE rig_id = '" + rigId + "'");
  }

  private static double rejected(String reason) {
    return registry.get("otedama_mqtt_rejected_total").tag("reason", reason).counter().count();
  }

  @Test
  void telemetryBecomesRowsLatestFiguresAndAHeartbeat() throws Exception {
    long ts = System.currentTimeMillis();
    try (TestMqttClient rig = rig(1)) {
      rig.publish(
          "otedama/v1/rigs/rig-1/telemetry",
          Payloads.telemetryBytes(ts - 10_000, 95e12),
          1,
          false,
          null);
      rig.publish(
          "otedama/v1/rigs/rig-1/telemetry", Payloads.telemetryBytes(ts, 101e12), 1, false, null);
    }
    await().atMost(Duration.ofSeconds(10)).until(() -> rowsOf("rig-1") == 2);

    Map<String, Object> figures =
        Sql.rows(
                database,
                "SELECT hashrate_hs, temperature_c, fan_rpm, power_w, accepted_shares, uptime_s,"
                    + " last_telemetry_at FROM rigs WHERE id = 'rig-1'")
            .get(0);
    assertThat(figures.get("hashrate_hs")).isEqualTo(101e12);
    assertThat(figures.get("temperature_c")).isEqualTo(71.5f);
    assertThat(figures.get("fan_rpm")).isEqualTo(5600);
    assertThat(figures.get("power_w")).isEqualTo(3250.0f);
    assertThat(figures.get("accepted_shares")).isEqualTo(120L);
    assertThat(figures.get("uptime_s")).isEqualTo(3600L);
    assertThat(
            Sql.rows(
                    database,
                    "SELECT devices->1->>'id' AS id, (devices->1->>'powerW')::float AS power"
                        + " FROM telemetry WHERE rig_id = 'rig-1' ORDER BY ts DESC LIMIT 1")
                .get(0))
        .containsEntry("id", "hb1")
        .containsEntry("power", 1650.0);

    assertThat(edge.latestTelemetry().get("rig-1")).isPresent();
    assertThat(edge.latestTelemetry().get("rig-1").get().message().ts()).isEqualTo(ts);
    assertThat(presence.heartbeats).filteredOn(h -> h.rigId().equals("rig-1")).hasSize(2);
    assertThat(registry.get("otedama_telemetry_messages_total").counter().count())
        .isGreaterThanOrEqualTo(2);
    assertThat(registry.get("otedama_telemetry_ingest_seconds").timer().count())
        .isGreaterThanOrEqualTo(2);
  }

  @Test
  void malformedPayloadsAreCountedByReasonAndTheNextGoodOneLands() throws Exception {
    double tooLarge = rejected("too_large");
    double badJson = rejected("bad_json");
    double badVersion = rejected("bad_version");
    double missing = rejected("missing_field");
    double outOfRange = rejected("out_of_range");
    String topic = "otedama/v1/rigs/rig-2/telemetry";
    long now = System.currentTimeMillis();
    try (TestMqttClient rig = rig(2)) {
      byte[] huge = new byte[70 * 1024];
      Arrays.fill(huge, (byte) ' ');
      huge[0] = '{';
      huge[huge.length - 1] = '}';
      rig.publish(topic, huge, 1, false, null);
      rig.publish(topic, "{\"v\":1,\"ts\":".getBytes(StandardCharsets.UTF_8), 1, false, null);
      rig.publish(
          topic,
          new String(Payloads.telemetryBytes(now, 1e12), StandardCharsets.UTF_8)
              .replace("\"v\":1", "\"v\":2")
              .getBytes(StandardCharsets.UTF_8),
          1,
          false,
          null);
      rig.publish(
          topic,
          ("{\"v\":1,\"ts\":"
                  + now
                  + ",\"temperatureC\":60,\"accepted\":1,\"rejected\":0,"
                  + "\"uptimeS\":5,\"devices\":[]}")
              .getBytes(StandardCharsets.UTF_8),
          1,
          false,
          null);
      rig.publish(
          topic,
          new String(Payloads.telemetryBytes(now, 1e12), StandardCharsets.UTF_8)
              .replace("\"temperatureC\":71.5", "\"temperatureC\":900")
              .getBytes(StandardCharsets.UTF_8),
          1,
          false,
          null);
      rig.publish(topic, Payloads.telemetryBytes(now, 7e12), 1, false, null);
    }

    await().atMost(Duration.ofSeconds(10)).until(() -> rowsOf("rig-2") == 1);
    assertThat(rejected("too_large")).isEqualTo(tooLarge + 1);
    assertThat(rejected("bad_json")).isEqualTo(badJson + 1);
    assertThat(rejected("bad_version")).isEqualTo(badVersion + 1);
    assertThat(rejected("missing_field")).isEqualTo(missing + 1);
    assertThat(rejected("out_of_range")).isEqualTo(outOfRange + 1);
    assertThat(Sql.rows(database, "SELECT hashrate_hs FROM telemetry WHERE rig_id = 'rig-2'"))
        .singleElement()
        .satisfies(row -> assertThat(row.get("hashrate_hs")).isEqualTo(7e12));
    assertThat(edge.client().isConnected()).isTrue();
  }

  @Test
  void messagesOfARigThatIsNotEnrolledAreRejected() throws Exception {
    double before = rejected(RejectedMessages.UNKNOWN_RIG);
    try (TestMqttClient ghost = TestMqttClient.connect(url, "ghost", "ghost", "secret-ghost")) {
      ghost.publish(
          "otedama/v1/rigs/ghost/telemetry",
          Payloads.telemetryBytes(System.currentTimeMillis(), 1),
          1,
          false,
          null);
    }
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> rejected(RejectedMessages.UNKNOWN_RIG) == before + 1);
    assertThat(rowsOf("ghost")).isZero();
  }

  @Test
  void birthThenLastWillReachTheFleet() throws Exception {
    MqttConnectionOptions options = TestMqttClient.options("rig-3", "secret-3");
    options.setWill(
        "otedama/v1/rigs/rig-3/status",
        new MqttMessage(
            Payloads.status(RigState.OFFLINE, "connection lost", 7),
            1,
            true,
            new org.eclipse.paho.mqttv5.common.packet.MqttProperties()));
    TestMqttClient rig = TestMqttClient.connect(url, "rig-3", options);
    rig.publish("otedama/v1/rigs/rig-3/birth", Payloads.birth("rig-3", 7), 1, false, null);
    rig.publish(
        "otedama/v1/rigs/rig-3/status", Payloads.status(RigState.ONLINE, null, 7), 1, true, null);

    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> presence.statuses.stream().anyMatch(s -> s.rigId().equals("rig-3")));
    RecordingPresenceSink.Birth birth =
        presence.births.stream().filter(b -> b.rigId().equals("rig-3")).findFirst().orElseThrow();
    assertThat(birth.birth().agentVersion()).isEqualTo("1.2.3");
    assertThat(birth.birth().hardwareId()).isEqualTo("hw-rig-3");
    assertThat(birth.birth().capabilities()).containsExactly("sha256d", "cmd:reboot");
    assertThat(birth.birth().seq()).isEqualTo(7);
    assertThat(birth.birth().devicesJson()).contains("\"id\":\"hb0\"");

    rig.kill();
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() ->
            presence.statuses.stream().anyMatch(s -> s.rigId().equals("rig-3") && !s.online()));
    RecordingPresenceSink.Status offline =
        presence.statuses.stream()
            .filter(s -> s.rigId().equals("rig-3") && !s.online())
            .findFirst()
            .orElseThrow();
    assertThat(offline.reason()).isEqualTo("connection lost");
    assertThat(offline.at()).isAfter(Instant.now().minusSeconds(30));
  }

  @Test
  void aLastWillOfAnOlderSessionDoesNotOverrideANewerBirth() throws Exception {
    try (TestMqttClient rig = rig(4)) {
      rig.publish("otedama/v1/rigs/rig-4/birth", Payloads.birth("rig-4", 11), 1, false, null);
      rig.publish(
          "otedama/v1/rigs/rig-4/status",
          Payloads.status(RigState.OFFLINE, "old session", 10),
          1,
          false,
          null);
      rig.publish(
          "otedama/v1/rigs/rig-4/status",
          Payloads.status(RigState.ONLINE, null, 11),
          1,
          false,
          null);
    }
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> presence.statuses.stream().anyMatch(s -> s.rigId().equals("rig-4")));
    assertThat(presence.statuses)
        .filteredOn(s -> s.rigId().equals("rig-4"))
        .singleElement()
        .satisfies(s -> assertThat(s.online()).isTrue());
  }

  @Test
  void commandsGoOutWithCorrelationDataAndResultsComeBack() throws Exception {
    try (TestMqttClient rig = rig(5)) {
      assertThat(rig.subscribe("otedama/v1/rigs/rig-5/cmd", 1)).containsExactly(1);
      Instant now = Instant.now();
      edge.commandPublisher()
          .publish(
              "rig-5",
              "cmd-42",
              "set-power-mode",
              Map.of("mode", "eco"),
              now,
              now.plusSeconds(300));

      Received received = rig.poll(Duration.ofSeconds(10));
      assertThat(received).isNotNull();
      assertThat(received.message().getQos()).isEqualTo(1);
      assertThat(received.message().getProperties().getCorrelationData())
          .isEqualTo("cmd-42".getBytes(StandardCharsets.UTF_8));
      assertThat(received.message().getProperties().getMessageExpiryInterval()).isBetween(1L, 300L);
      CommandMessage command = new MessageCodec().decodeCommand(received.message().getPayload());
      assertThat(command.id()).isEqualTo("cmd-42");
      assertThat(command.type()).isEqualTo("set-power-mode");
      assertThat(command.args()).containsEntry("mode", "eco");
      assertThat(command.expiresAt()).isEqualTo(now.plusSeconds(300).toEpochMilli());

      org.eclipse.paho.mqttv5.common.packet.MqttProperties reply =
          new org.eclipse.paho.mqttv5.common.packet.MqttProperties();
      reply.setCorrelationData("cmd-42".getBytes(StandardCharsets.UTF_8));
      rig.publish(
          "otedama/v1/rigs/rig-5/cmd/result",
          Payloads.commandResult("cmd-42", CommandStatus.SUCCEEDED, "power mode eco"),
          1,
          false,
          reply);
    }
    await().atMost(Duration.ofSeconds(10)).until(() -> !commandResults.results.isEmpty());
    RecordingCommandResults.Result result = commandResults.results.get(0);
    assertThat(result.rigId()).isEqualTo("rig-5");
    assertThat(result.commandId()).isEqualTo("cmd-42");
    assertThat(result.status()).isEqualTo("succeeded");
    assertThat(result.message()).isEqualTo("power mode eco");
    assertThat(result.detailsJson()).isEqualTo("{\"exitCode\":0}");
  }

  @Test
  void retainedWorkReachesARigThatSubscribesLater() throws Exception {
    byte[] payload = Payloads.status(RigState.ONLINE, null, 1); // any valid message would do
    edge.client()
        .publish("otedama/v1/rigs/rig-6/work", payload, 1, true, null)
        .waitForCompletion(5000);
    try (TestMqttClient rig = rig(6)) {
      rig.subscribe("otedama/v1/rigs/rig-6/work", 1);
      Received received = rig.poll(Duration.ofSeconds(10));
      assertThat(received).isNotNull();
      assertThat(received.message().isRetained()).isTrue();
    }
    edge.rigMessages().clearWork("rig-6").waitForCompletion(5000);
    try (TestMqttClient rig = rig(6)) {
      rig.subscribe("otedama/v1/rigs/rig-6/work", 1);
      assertThat(rig.poll(Duration.ofMillis(500))).isNull();
    }
  }

  @Test
  void reportsHealthy() throws Exception {
    assertThat(edge.healthCheck().execute().isHealthy()).isTrue();
  }
}
