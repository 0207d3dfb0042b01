package io.otedama.controller.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import io.otedama.controller.mqtt.ControllerCredentials;
import io.otedama.controller.mqtt.InboundMessage;
import io.otedama.controller.mqtt.InboundQueue;
import io.otedama.controller.mqtt.MqttConfiguration.BrokerPersistence;
import io.otedama.controller.testing.FreePort;
import io.otedama.controller.testing.MapRigAuthenticator;
import io.otedama.controller.testing.TestMqttClient;
import io.otedama.protocol.topic.TopicKind;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded broker's in-process ingest ({@link RigPublishIngest}) with real MQTT clients: which
 * messages it takes, that a rig's PUBACK waits while the controller's queue is full, and that a
 * stopping controller refuses what it can no longer take.
 */
class RigPublishIngestTest {

  private static final int QUOTA_EXCEEDED = 0x97;

  @TempDir static Path dataDir;

  static final HoldingQueue queue = new HoldingQueue();
  static EmbeddedMqttBroker broker;

  /** The controller's dispatch queues as the ingest sees them: one slot, and a stop switch. */
  static final class HoldingQueue implements InboundQueue {
    final BlockingQueue<InboundMessage> messages = new ArrayBlockingQueue<>(1);
    volatile CountDownLatch waiting = new CountDownLatch(1);
    volatile boolean stopping;

    @Override
    public boolean offer(InboundMessage message) {
      return !stopping && messages.offer(message);
    }

    @Override
    public void put(InboundMessage message) throws InterruptedException {
      waiting.countDown();
      if (stopping) {
        throw new IllegalStateException("stopping");
      }
      messages.put(message);
    }
  }

  @BeforeAll
  static void startBroker() throws Exception {
    MapRigAuthenticator rigs =
        new MapRigAuthenticator().add("rig-a", "secret-a").add("rig-b", "secret-b");
    broker =
        new EmbeddedMqttBroker(
            "127.0.0.1",
            FreePort.find(),
            dataDir,
            BrokerPersistence.IN_MEMORY,
            ControllerCredentials.generated("otedama-controller"),
            rigs);
    broker.ingestDirectly(
        EnumSet.of(TopicKind.SHARES, TopicKind.TELEMETRY),
        queue,
        "otedama-controller",
        java.time.Clock.systemUTC());
    broker.start();
  }

  @AfterAll
  static void stopBroker() throws Exception {
    broker.stop();
  }

  @BeforeEach
  void emptyQueue() {
    queue.messages.clear();
    queue.stopping = false;
    queue.waiting = new CountDownLatch(1);
  }

  private static TestMqttClient rigA() throws MqttException {
    return TestMqttClient.connect(broker.localUrl(), "rig-a", "rig-a", "secret-a");
  }

  @Test
  void takesTheRigsOwnSharesAndTelemetryOnly() throws Exception {
    long before = System.currentTimeMillis();
    try (TestMqttClient rig = rigA()) {
      rig.publish("otedama/v1/rigs/rig-a/birth", "{\"birth\":1}", 1, false);
      assertThat(queue.messages).as("birth keeps the controller's subscription").isEmpty();

      rig.publish("otedama/v1/rigs/rig-a/telemetry", "{\"t\":1}", 1, false);
      InboundMessage taken = queue.messages.poll(5, TimeUnit.SECONDS);
      assertThat(taken).isNotNull();
      assertThat(taken.topic()).isEqualTo("otedama/v1/rigs/rig-a/telemetry");
      assertThat(new String(taken.payload(), StandardCharsets.UTF_8)).isEqualTo("{\"t\":1}");
      assertThat(taken.retained()).isFalse();
      assertThat(taken.receivedAtMillis()).isBetween(before, System.currentTimeMillis());

      rig.publish("otedama/v1/rigs/rig-a/shares", "{\"s\":1}", 1, false);
      assertThat(queue.messages.poll(5, TimeUnit.SECONDS).topic())
          .isEqualTo("otedama/v1/rigs/rig-a/shares");
    }
    try (TestMqttClient rig = rigA()) {
      // another rig's topic is the authorizer's to refuse, never taken
      try {
        rig.publish("otedama/v1/rigs/rig-b/telemetry", "{\"forged\":1}", 1, false);
      } catch (MqttException refused) {
        assertThat(refused).hasMessageContaining("Not authorized");
      }
      assertThat(queue.messages).isEmpty();
    }
  }

  @Test
  void aRigsPubackWaitsUntilTheControllerHasRoom() throws Exception {
    try (TestMqttClient rig = rigA()) {
      rig.publish("otedama/v1/rigs/rig-a/shares", "{\"n\":1}", 1, false);
      CompletableFuture<int[]> second =
          CompletableFuture.supplyAsync(() -> {
            try {
              return rig.publish("otedama/v1/rigs/rig-a/shares", "{\"n\":2}", 1, false);
            } catch (MqttException e) {
              throw new IllegalStateException(e);
            }
          });
      assertThat(queue.waiting.await(10, TimeUnit.SECONDS)).as("the second waits").isTrue();
      assertThat(second).as("no PUBACK while the queue is full").isNotDone();

      assertThat(new String(queue.messages.take().payload(), StandardCharsets.UTF_8))
          .isEqualTo("{\"n\":1}");
      assertThat(second.get(10, TimeUnit.SECONDS)[0]).as("a success code").isLessThan(0x80);
      assertThat(
              new String(
                  queue.messages.poll(5, TimeUnit.SECONDS).payload(), StandardCharsets.UTF_8))
          .isEqualTo("{\"n\":2}");
    }
  }

  @Test
  void aStoppingControllerRefusesSoTheRigSendsAgain() throws Exception {
    queue.stopping = true;
    try (TestMqttClient rig = rigA()) {
      int[] codes = rig.publish("otedama/v1/rigs/rig-a/shares", "{\"n\":3}", 1, false);
      assertThat(codes).containsExactly(QUOTA_EXCEEDED);
    }
    assertThat(queue.messages).isEmpty();
  }
}
