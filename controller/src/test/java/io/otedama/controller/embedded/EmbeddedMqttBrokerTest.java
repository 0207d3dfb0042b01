package io.otedama.controller.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.otedama.controller.mqtt.ControllerCredentials;
import io.otedama.controller.mqtt.MqttConfiguration.BrokerPersistence;
import io.otedama.controller.testing.FreePort;
import io.otedama.controller.testing.MapRigAuthenticator;
import io.otedama.controller.testing.TestMqttClient;
import io.otedama.controller.testing.TestMqttClient.Received;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded HiveMQ broker with its security extension, talked to by real MQTT clients. */
class EmbeddedMqttBrokerTest {

  private static final int NOT_AUTHORIZED = 0x87;

  @TempDir static Path dataDir;

  static ControllerCredentials controller = ControllerCredentials.generated("otedama-controller");
  static EmbeddedMqttBroker broker;

  @BeforeAll
  static void startBroker() throws Exception {
    MapRigAuthenticator rigs =
        new MapRigAuthenticator().add("rig-a", "secret-a").add("rig-b", "secret-b");
    broker =
        new EmbeddedMqttBroker(
            "127.0.0.1", FreePort.find(), dataDir, BrokerPersistence.IN_MEMORY, controller, rigs);
    broker.start();
  }

  @AfterAll
  static void stopBroker() throws Exception {
    broker.stop();
  }

  private static String controllerPassword() {
    return new String(controller.password(), StandardCharsets.US_ASCII);
  }

  @Test
  void refusesAnonymousClients() {
    assertThatThrownBy(() -> TestMqttClient.connect(broker.localUrl(), "anon", null, null))
        .isInstanceOf(MqttException.class);
  }

  @Test
  void refusesWrongPasswords() {
    assertThatThrownBy(
            () -> TestMqttClient.connect(broker.localUrl(), "rig-a", "rig-a", "secret-b"))
        .isInstanceOf(MqttException.class);
    assertThatThrownBy(() ->
            TestMqttClient.connect(
                broker.localUrl(), "ctl-x", controller.username(), "not-the-secret"))
        .isInstanceOf(MqttException.class);
    assertThatThrownBy(() -> TestMqttClient.connect(broker.localUrl(), "nobody", "nobody", "x"))
        .isInstanceOf(MqttException.class);
  }

  @Test
  void refusesARigUsingAnotherClientId() {
    // Session takeover: rig-a must not be able to take over rig-b's (or the controller's) session.
    assertThatThrownBy(
            () -> TestMqttClient.connect(broker.localUrl(), "rig-b", "rig-a", "secret-a"))
        .isInstanceOf(MqttException.class);
    assertThatThrownBy(() ->
            TestMqttClient.connect(broker.localUrl(), "otedama-controller", "rig-a", "secret-a"))
        .isInstanceOf(MqttException.class);
  }

  @Test
  void aRigPublishesUnderItsOwnSubtreeOnly() throws Exception {
    try (TestMqttClient observer =
        TestMqttClient.connect(
            broker.localUrl(), "observer-1", controller.username(), controllerPassword())) {
      assertThat(observer.subscribe("otedama/v1/rigs/+/telemetry", 1)).containsExactly(1);
      try (TestMqttClient rigA =
          TestMqttClient.connect(broker.localUrl(), "rig-a", "rig-a", "secret-a")) {
        assertThat(rigA.publish("otedama/v1/rigs/rig-a/telemetry", "{\"own\":1}", 1, false))
            .containsExactly(0);
      }
      Received own = observer.poll(Duration.ofSeconds(10));
      assertThat(own).isNotNull();
      assertThat(own.topic()).isEqualTo("otedama/v1/rigs/rig-a/telemetry");

      assertForeignPublishRefused("otedama/v1/rigs/rig-b/telemetry");
      assertForeignPublishRefused("otedama/v1/other");
      assertForeignPublishRefused("otedama/v1/rigs/rig-a");
      assertThat(observer.poll(Duration.ofMillis(300))).as("a forged message").isNull();
    }
  }

  /**
   * HiveMQ answers an unauthorized QoS 1 PUBLISH with PUBACK 0x87 and a NOT_AUTHORIZED DISCONNECT;
   * depending on which arrives first the client sees the reason code or the lost connection.
   */
  private static void assertForeignPublishRefused(String topic) throws Exception {
    try (TestMqttClient rigA =
        TestMqttClient.connect(broker.localUrl(), "rig-a", "rig-a", "secret-a")) {
      int[] reasonCodes;
      try {
        reasonCodes = rigA.publish(topic, "{\"forged\":1}", 1, false);
      } catch (MqttException disconnected) {
        assertThat(disconnected).hasMessageContaining("Not authorized");
        return;
      }
      assertThat(reasonCodes).containsExactly(NOT_AUTHORIZED);
    }
  }

  @Test
  void aRigSubscribesUnderItsOwnSubtreeOnly() throws Exception {
    try (TestMqttClient rigA =
        TestMqttClient.connect(broker.localUrl(), "rig-a", "rig-a", "secret-a")) {
      assertThat(rigA.subscribe("otedama/v1/rigs/rig-b/cmd", 1)).containsExactly(NOT_AUTHORIZED);
      assertThat(rigA.subscribe("otedama/v1/rigs/+/cmd", 1)).containsExactly(NOT_AUTHORIZED);
      assertThat(rigA.subscribe("#", 1)).containsExactly(NOT_AUTHORIZED);
      assertThat(rigA.subscribe("$share/x/otedama/v1/rigs/rig-a/cmd", 1))
          .containsExactly(NOT_AUTHORIZED);
      assertThat(rigA.subscribe("otedama/v1/rigs/rig-a/cmd", 1)).containsExactly(1);
      assertThat(rigA.subscribe("otedama/v1/rigs/rig-a/#", 1)).containsExactly(1);
    }
  }

  @Test
  void aRigCannotPlantItsLastWillOnAnotherRig() throws Exception {
    try (TestMqttClient observer =
        TestMqttClient.connect(
            broker.localUrl(), "observer-2", controller.username(), controllerPassword())) {
      observer.subscribe("otedama/v1/rigs/+/status", 1);
      MqttConnectionOptions options = TestMqttClient.options("rig-a", "secret-a");
      options.setWill(
          "otedama/v1/rigs/rig-b/status",
          new MqttMessage("{\"v\":1,\"state\":\"offline\"}".getBytes(StandardCharsets.UTF_8)));
      // HiveMQ authorizes the will at CONNECT: either the connection is refused or the will is
      // never delivered; both keep rig-b's status safe.
      try {
        TestMqttClient rigA = TestMqttClient.connect(broker.localUrl(), "rig-a", options);
        rigA.kill();
      } catch (MqttException refused) {
        // refused at CONNECT
      }
      assertThat(observer.poll(Duration.ofSeconds(1))).isNull();
    }
  }
}
