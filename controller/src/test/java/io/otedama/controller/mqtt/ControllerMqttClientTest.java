package io.otedama.controller.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.otedama.controller.embedded.EmbeddedMqttBroker;
import io.otedama.controller.mqtt.ControllerMqttClient.Subscription;
import io.otedama.controller.mqtt.MqttConfiguration.BrokerPersistence;
import io.otedama.controller.testing.FreePort;
import io.otedama.controller.testing.MapRigAuthenticator;
import io.otedama.controller.testing.TestMqttClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Paho adapter against the real embedded broker. */
class ControllerMqttClientTest {

  private static final List<Subscription> TELEMETRY =
      List.of(new Subscription("otedama/v1/rigs/+/telemetry", 1));

  @TempDir Path dataDir;

  ControllerCredentials credentials = ControllerCredentials.generated("otedama-controller");
  MapRigAuthenticator rigs = new MapRigAuthenticator().add("rig-a", "secret-a");
  EmbeddedMqttBroker broker;
  List<ControllerMqttClient> clients = new CopyOnWriteArrayList<>();

  @BeforeEach
  void startBroker() throws Exception {
    broker =
        new EmbeddedMqttBroker(
            "127.0.0.1", FreePort.find(), dataDir, BrokerPersistence.IN_MEMORY, credentials, rigs);
    broker.start();
  }

  @AfterEach
  void stopAll() throws Exception {
    for (ControllerMqttClient client : clients) {
      client.stop();
    }
    broker.stop();
  }

  private ControllerMqttClient client(
      String clientId, List<Subscription> subscriptions, InboundMessageHandler handler)
      throws Exception {
    MqttConfiguration config = new MqttConfiguration();
    config.setClientId(clientId);
    ControllerMqttClient client =
        new ControllerMqttClient(
            broker.localUrl(),
            credentials,
            config,
            subscriptions,
            handler,
            new SimpleMeterRegistry(),
            java.time.Clock.systemUTC());
    clients.add(client);
    client.start();
    await().atMost(Duration.ofSeconds(20)).until(client::isConnected);
    return client;
  }

  private static void publishAsRig(String url, String payload) throws Exception {
    try (TestMqttClient rig = TestMqttClient.connect(url, "rig-a", "rig-a", "secret-a")) {
      rig.publish("otedama/v1/rigs/rig-a/telemetry", payload, 1, false);
    }
  }

  @Test
  void deliversMessagesToTheHandlerInOrderOffTheCallbackThread() throws Exception {
    List<String> received = new CopyOnWriteArrayList<>();
    List<String> threads = new CopyOnWriteArrayList<>();
    client(
        "ctl-1",
        TELEMETRY,
        m -> {
          received.add(new String(m.payload(), StandardCharsets.UTF_8));
          threads.add(Thread.currentThread().getName());
        });

    try (TestMqttClient rig =
        TestMqttClient.connect(broker.localUrl(), "rig-a", "rig-a", "secret-a")) {
      for (int i = 0; i < 50; i++) {
        rig.publish("otedama/v1/rigs/rig-a/telemetry", "m" + i, 1, false);
      }
    }
    await().atMost(Duration.ofSeconds(10)).until(() -> received.size() == 50);
    assertThat(received)
        .containsExactlyElementsOf(
            java.util.stream.IntStream.range(0, 50).mapToObj(i -> "m" + i).toList());
    assertThat(threads).allMatch(name -> name.startsWith("mqtt-dispatch-"));
  }

  @Test
  void resubscribesAfterTheBrokerRestarts() throws Exception {
    List<String> received = new CopyOnWriteArrayList<>();
    ControllerMqttClient client =
        client(
            "ctl-2", TELEMETRY, m -> received.add(new String(m.payload(), StandardCharsets.UTF_8)));
    publishAsRig(broker.localUrl(), "before");
    await().atMost(Duration.ofSeconds(10)).until(() -> received.contains("before"));

    // in-memory persistence: the restarted broker knows nothing of the controller's session
    broker.stop();
    await().atMost(Duration.ofSeconds(10)).until(() -> !client.isConnected());
    assertThat(new MqttHealthCheck(client).execute().isHealthy()).isFalse();
    broker.start();
    await().atMost(Duration.ofSeconds(60)).until(client::isConnected);

    publishAsRig(broker.localUrl(), "after");
    await().atMost(Duration.ofSeconds(10)).until(() -> received.contains("after"));
    assertThat(new MqttHealthCheck(client).execute().isHealthy()).isTrue();
  }

  @Test
  void sharedSubscriptionsSplitTheMessagesBetweenReplicas() throws Exception {
    List<String> first = new CopyOnWriteArrayList<>();
    List<String> second = new CopyOnWriteArrayList<>();
    List<Subscription> shared =
        List.of(new Subscription("$share/otedama/otedama/v1/rigs/+/telemetry", 1));
    client("ctl-a", shared, m -> first.add(new String(m.payload(), StandardCharsets.UTF_8)));
    client("ctl-b", shared, m -> second.add(new String(m.payload(), StandardCharsets.UTF_8)));

    try (TestMqttClient rig =
        TestMqttClient.connect(broker.localUrl(), "rig-a", "rig-a", "secret-a")) {
      for (int i = 0; i < 200; i++) {
        rig.publish("otedama/v1/rigs/rig-a/telemetry", "s" + i, 1, false);
      }
    }
    // each message reaches exactly one replica (plain subscriptions would deliver it to both);
    // which one is the broker's choice, so how they are spread is not asserted
    await().atMost(Duration.ofSeconds(20)).until(() -> first.size() + second.size() >= 200);
    assertThat(first.size() + second.size()).isEqualTo(200);
    assertThat(first).doesNotContainAnyElementsOf(second);
  }

  @Test
  void startsWhileTheBrokerIsDownAndConnectsWhenItComesUp() throws Exception {
    broker.stop();
    MqttConfiguration config = new MqttConfiguration();
    config.setClientId("ctl-late");
    ControllerMqttClient client =
        new ControllerMqttClient(
            broker.localUrl(),
            credentials,
            config,
            TELEMETRY,
            m -> {},
            new SimpleMeterRegistry(),
            java.time.Clock.systemUTC());
    clients.add(client);
    client.start();
    assertThat(client.isConnected()).isFalse();
    assertThat(new MqttHealthCheck(client).execute().getMessage()).contains("cannot connect");

    broker.start();
    await().atMost(Duration.ofSeconds(60)).until(client::isConnected);
  }
}
