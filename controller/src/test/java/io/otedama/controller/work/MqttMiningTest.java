package io.otedama.controller.work;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import io.otedama.controller.OtedamaConfiguration;
import io.otedama.controller.support.AgentShares;
import io.otedama.controller.support.Api;
import io.otedama.controller.support.TestApps;
import io.otedama.controller.testing.FreePort;
import io.otedama.controller.testing.Payloads;
import io.otedama.controller.testing.TestMqttClient;
import io.otedama.protocol.codec.MessageCodec;
import io.otedama.protocol.message.ShareBatchMessage;
import io.otedama.protocol.message.WorkAssignmentMessage;
import io.otedama.protocol.topic.TopicKind;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * An agent rig through the real transport: it enrolls, connects to the embedded broker, announces
 * itself, receives its retained work assignment on the local profile, mines a share at the assigned
 * difficulty and publishes it; the controller validates and logs it once even when the batch is
 * replayed.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class MqttMiningTest {
  static final int MQTT_PORT = FreePort.find();
  static final DropwizardAppExtension<OtedamaConfiguration> APP =
      TestApps.withBroker(MQTT_PORT, ConfigOverride.config("fleet.metricsRefreshInterval", "1s"));

  static Api api;
  static String admin;

  @BeforeAll
  static void setUp() {
    api = new Api(APP);
    admin = api.loginAdmin();
    TestApps.awaitMqttEdge(APP);
  }

  @Test
  void anAgentGetsRetainedWorkAndItsSharesAreLoggedOnce() throws Exception {
    Api.Reply enrolled = api.enroll(admin, "02:42:ac:11:00:77");
    String rigId = enrolled.text("rigId");
    TestMqttClient agent = onlineAgent(enrolled);
    try {

      TestMqttClient.Received received = agent.poll(Duration.ofSeconds(20));
      assertThat(received).as("a work assignment").isNotNull();
      assertThat(received.topic()).endsWith("/work");
      assertThat(received.message().isRetained() || received.message().getQos() == 1).isTrue();
      WorkAssignmentMessage work =
          (WorkAssignmentMessage)
              new MessageCodec().decode(TopicKind.WORK, received.message().getPayload());
      assertThat(work.source()).isEqualTo("local");
      assertThat(work.difficulty()).isEqualTo(0.001);

      byte[] batch =
          new MessageCodec()
              .encode(
                  new ShareBatchMessage(
                      System.currentTimeMillis(), List.of(AgentShares.mine(work, rigId + ":1"))));
      agent.publish("otedama/v1/rigs/" + rigId + "/shares", batch, 1, false, null);
      await().atMost(Duration.ofSeconds(20)).until(() -> accepted(rigId) == 1);

      agent.publish("otedama/v1/rigs/" + rigId + "/shares", batch, 1, false, null); // replay
      await()
          .atMost(Duration.ofSeconds(20))
          .until(() -> summaryOf(rigId).path("rejectedByReason").path("duplicate").asLong() == 1);
      assertThat(accepted(rigId)).isEqualTo(1);
    } finally {
      agent.close();
    }
  }

  @Test
  void theRigApiShowsTheHashrateFromSharesNextToTheReportedOne() throws Exception {
    Api.Reply enrolled = api.enroll(admin, "02:42:ac:11:00:78");
    String rigId = enrolled.text("rigId");
    TestMqttClient agent = onlineAgent(enrolled);
    try {
      TestMqttClient.Received received = agent.poll(Duration.ofSeconds(20));
      assertThat(received).as("a work assignment").isNotNull();
      WorkAssignmentMessage work =
          (WorkAssignmentMessage)
              new MessageCodec().decode(TopicKind.WORK, received.message().getPayload());

      // before any share: the reported figure only
      double reported = 400_000;
      agent.publish(
          "otedama/v1/rigs/" + rigId + "/telemetry",
          Payloads.telemetryBytes(System.currentTimeMillis(), reported),
          1,
          false,
          null);
      await()
          .atMost(Duration.ofSeconds(20))
          .until(() -> rig(rigId).path("hashrateHs").asDouble() == reported);
      assertThat(rig(rigId).path("estimatedHashrateHs").isNull()).isTrue();
      assertThat(rig(rigId).path("hashrateGapPct").isNull()).isTrue();

      agent.publish(
          "otedama/v1/rigs/" + rigId + "/shares",
          new MessageCodec()
              .encode(
                  new ShareBatchMessage(
                      System.currentTimeMillis(), List.of(AgentShares.mine(work, rigId + ":1")))),
          1,
          false,
          null);
      await().atMost(Duration.ofSeconds(20)).until(() -> accepted(rigId) == 1);

      JsonNode detail = rig(rigId);
      double estimated = detail.path("estimatedHashrateHs").asDouble();
      // one share of difficulty 0.001 over at most the first 10 s: 0.001 * 2^32 / 10 s or more
      assertThat(estimated).isGreaterThanOrEqualTo(0.001 * 4294967296.0 / 10 * 0.99);
      assertThat(detail.path("hashrateGapPct").asDouble())
          .isCloseTo(
              Math.round((estimated - reported) / reported * 1000) / 10.0,
              org.assertj.core.data.Offset.offset(0.05));
      JsonNode listed = api.get("/api/v1/rigs?q=" + rigId, admin).body().path("items").get(0);
      assertThat(listed.path("estimatedHashrateHs").asDouble()).isPositive();
      assertThat(listed.path("hashrateGapPct").isNumber()).isTrue();

      await()
          .atMost(Duration.ofSeconds(30))
          .until(() ->
              api.adminGetText("/prometheus")
                  .contains("otedama_rig_hashrate_gap_ratio{rig=\"" + rigId + "\"}"));
    } finally {
      agent.close();
    }
  }

  private static JsonNode rig(String rigId) {
    return api.get("/api/v1/rigs/" + rigId, admin).body();
  }

  private static JsonNode summaryOf(String rigId) {
    JsonNode rigs = api.get("/api/v1/shares/summary?rig=" + rigId, admin).body().path("rigs");
    return rigs.isEmpty() ? rigs : rigs.get(0);
  }

  private static long accepted(String rigId) {
    return summaryOf(rigId).path("accepted").asLong();
  }

  /** Connects as the enrolled rig, subscribes to its work, and publishes its birth and status. */
  private static TestMqttClient onlineAgent(Api.Reply enrolled) throws Exception {
    String rigId = enrolled.text("rigId");
    TestMqttClient agent =
        TestMqttClient.connect(
            enrolled.text("mqttUrl"),
            rigId,
            TestMqttClient.options(enrolled.text("mqttUsername"), enrolled.text("mqttPassword")));
    agent.subscribe("otedama/v1/rigs/" + rigId + "/work", 1);
    agent.announceOnline(rigId);
    return agent;
  }
}
