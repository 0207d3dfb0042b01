package io.otedama.controller.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import io.otedama.controller.OtedamaApplication;
import io.otedama.controller.OtedamaConfiguration;
import io.otedama.controller.support.Api;
import io.otedama.controller.support.TestApps;
import io.otedama.controller.testing.FreePort;
import io.otedama.controller.testing.Payloads;
import io.otedama.controller.testing.TestMqttClient;
import io.otedama.controller.testing.TestMqttClient.Received;
import io.otedama.protocol.codec.MessageCodec;
import io.otedama.protocol.message.CommandMessage;
import io.otedama.protocol.message.CommandStatus;
import io.otedama.protocol.message.RigState;
import java.time.Duration;
import java.util.Map;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The real application with its real transport: embedded PostgreSQL, the embedded HiveMQ broker and
 * the MQTT edge wired by {@link OtedamaApplication}. A rig enrolls over HTTP, then talks MQTT with
 * the credentials it got, exactly as an agent does.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class MqttApplicationTest {

  static final int MQTT_PORT = FreePort.find();
  static final DropwizardAppExtension<OtedamaConfiguration> APP =
      TestApps.withBroker(MQTT_PORT, ConfigOverride.config("commands.sweepInterval", "50ms"));

  static Api api;
  static String admin;

  @BeforeAll
  static void setUp() {
    api = new Api(APP);
    admin = api.loginAdmin();
    TestApps.awaitMqttEdge(APP);
  }

  private static JsonNode rig(String rigId) {
    return api.get("/api/v1/rigs/" + rigId, admin).body();
  }

  @Test
  void anEnrolledRigReportsOverMqttTakesACommandAndItsLastWillMarksItOffline() throws Exception {
    Api.Reply enrolled = api.enroll(admin, "02:42:ac:11:00:99");
    assertThat(enrolled.status()).isEqualTo(200);
    String rigId = enrolled.text("rigId");
    assertThat(enrolled.text("mqttUrl")).isEqualTo("tcp://127.0.0.1:" + MQTT_PORT);

    MqttConnectionOptions options =
        TestMqttClient.options(enrolled.text("mqttUsername"), enrolled.text("mqttPassword"));
    options.setWill(
        "otedama/v1/rigs/" + rigId + "/status",
        new MqttMessage(
            Payloads.status(RigState.OFFLINE, "connection lost", 1),
            1,
            true,
            new MqttProperties()));
    TestMqttClient agent = TestMqttClient.connect(enrolled.text("mqttUrl"), rigId, options);
    agent.subscribe("otedama/v1/rigs/" + rigId + "/cmd", 1);
    agent.announceOnline(rigId);
    agent.publish(
        "otedama/v1/rigs/" + rigId + "/telemetry",
        Payloads.telemetryBytes(System.currentTimeMillis(), 123e12),
        1,
        false,
        null);

    await()
        .atMost(Duration.ofSeconds(15))
        .untilAsserted(() -> {
          JsonNode rig = rig(rigId);
          assertThat(rig.path("status").asText()).isEqualTo("online");
          assertThat(rig.path("hashrateHs").asDouble()).isEqualTo(123e12);
          assertThat(rig.path("temperatureC").asDouble()).isEqualTo(71.5);
        });

    Api.Reply issued =
        api.post(
            "/api/v1/rigs/" + rigId + "/commands",
            admin,
            Map.of("type", "blink-led", "args", Map.of("seconds", 5)));
    assertThat(issued.status()).isEqualTo(202);
    String commandId = issued.text("id");
    Received command = agent.poll(Duration.ofSeconds(10));
    assertThat(command).isNotNull();
    CommandMessage decoded = new MessageCodec().decodeCommand(command.message().getPayload());
    assertThat(decoded.id()).isEqualTo(commandId);
    assertThat(decoded.type()).isEqualTo("blink-led");
    assertThat(new String(command.message().getProperties().getCorrelationData()))
        .isEqualTo(commandId);
    agent.publish(
        "otedama/v1/rigs/" + rigId + "/cmd/result",
        Payloads.commandResult(commandId, CommandStatus.SUCCEEDED, "blinked"),
        1,
        false,
        null);
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(() ->
            assertThat(api.get("/api/v1/commands/" + commandId, admin).text("status"))
                .isEqualTo("succeeded"));

    agent.kill();
    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(() -> assertThat(rig(rigId).path("status").asText()).isEqualTo("offline"));
  }

  @Test
  void healthAndMetricsIncludeTheMqttEdge() {
    assertThat(api.adminGetText("/healthcheck")).contains("\"mqtt\"");
    String metrics = api.adminGetText("/prometheus");
    assertThat(metrics)
        .contains("otedama_telemetry_messages_total")
        .contains("otedama_mqtt_rejected_total{reason=\"bad_json\"}")
        .contains("otedama_telemetry_ingest_seconds_bucket");
  }

  @Test
  void wrongCredentialsAreRefusedByTheBroker() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() ->
            TestMqttClient.connect(
                "tcp://127.0.0.1:" + MQTT_PORT, "nobody", "nobody", "not-a-secret"))
        .isInstanceOf(org.eclipse.paho.mqttv5.common.MqttException.class);
  }
}
