package io.otedama.agent.testing;

import static org.awaitility.Awaitility.await;

import io.otedama.protocol.codec.MessageCodec;
import io.otedama.protocol.codec.MessageRejectedException;
import io.otedama.protocol.codec.ReceivedMessage;
import io.otedama.protocol.message.CommandMessage;
import io.otedama.protocol.message.RigMessage;
import io.otedama.protocol.message.WorkAssignmentMessage;
import io.otedama.protocol.topic.TopicKind;
import io.otedama.protocol.topic.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttClientException;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;

/**
 * The test's stand-in for the controller's MQTT side: a real Paho client with the controller's
 * login that records (and decodes) everything agents publish, and publishes work and commands.
 */
public final class ControllerProbe implements AutoCloseable {
  private static final AtomicInteger IDS = new AtomicInteger();

  /** A message as received: decoded when valid, with the raw text always. */
  public record Received(
      String topic,
      String rigId,
      TopicKind kind,
      RigMessage message,
      String text,
      boolean retained) {}

  private final MessageCodec codec = new MessageCodec();
  private final MqttAsyncClient client;
  private final List<Received> received = new CopyOnWriteArrayList<>();
  private final List<String> rejected = new CopyOnWriteArrayList<>();

  public ControllerProbe(String brokerUrl) throws MqttException {
    client =
        new MqttAsyncClient(
            brokerUrl,
            BrokerAccounts.CONTROLLER + "-probe-" + IDS.incrementAndGet(),
            new MemoryPersistence());
    client.setCallback(
        new MqttCallback() {
          @Override
          public void disconnected(MqttDisconnectResponse r) {}

          @Override
          public void mqttErrorOccurred(MqttException e) {}

          @Override
          public void messageArrived(String topic, MqttMessage m) {
            String text = new String(m.getPayload(), StandardCharsets.UTF_8);
            var parsed = Topics.parse(topic);
            if (parsed.isEmpty() || m.getPayload().length == 0) {
              return;
            }
            try {
              ReceivedMessage decoded = codec.decode(topic, m.getPayload());
              received.add(
                  new Received(
                      topic,
                      decoded.rigId(),
                      parsed.get().kind(),
                      decoded.message(),
                      text,
                      m.isRetained()));
            } catch (MessageRejectedException e) {
              rejected.add(topic + ": " + e.getMessage());
            }
          }

          @Override
          public void deliveryComplete(IMqttToken token) {}

          @Override
          public void connectComplete(boolean reconnect, String uri) {}

          @Override
          public void authPacketArrived(int code, MqttProperties p) {}
        });
    MqttConnectionOptions options = new MqttConnectionOptions();
    options.setUserName(BrokerAccounts.CONTROLLER);
    options.setPassword(BrokerAccounts.CONTROLLER_PASSWORD.getBytes(StandardCharsets.UTF_8));
    options.setCleanStart(true);
    options.setAutomaticReconnect(true);
    options.setAutomaticReconnectDelay(1, 2);
    client.connect(options).waitForCompletion(20_000);
    subscribe();
  }

  /** Subscribes again (after a broker restart the session is gone). */
  public void subscribe() throws MqttException {
    client
        .subscribe(
            new MqttSubscription[] {
              new MqttSubscription(Topics.RIGS_PREFIX + "+/+", 1),
              new MqttSubscription(Topics.allRigsFilter(TopicKind.CMD_RESULT), 1)
            })
        .waitForCompletion(10_000);
  }

  public boolean isConnected() {
    return client.isConnected();
  }

  public List<Received> received() {
    return List.copyOf(received);
  }

  public List<String> rejected() {
    return List.copyOf(rejected);
  }

  /** Everything of one kind from one rig, in arrival order. */
  @SuppressWarnings("unchecked")
  public <T extends RigMessage> List<T> from(String rigId, TopicKind kind) {
    return received.stream()
        .filter(r -> r.rigId().equals(rigId) && r.kind() == kind)
        .map(r -> (T) r.message())
        .toList();
  }

  public void clear() {
    received.clear();
    rejected.clear();
  }

  public void publishWork(String rigId, WorkAssignmentMessage work) throws MqttException {
    publishRaw(Topics.topic(rigId, TopicKind.WORK), codec.encode(work), true, null);
  }

  public void publishCommand(String rigId, CommandMessage command) throws MqttException {
    publishRaw(
        Topics.topic(rigId, TopicKind.CMD),
        codec.encode(command),
        false,
        command.id().getBytes(StandardCharsets.UTF_8));
  }

  public void publishRaw(String topic, byte[] payload, boolean retained, byte[] correlation)
      throws MqttException {
    MqttMessage m = new MqttMessage(payload);
    m.setQos(1);
    m.setRetained(retained);
    if (correlation != null) {
      MqttProperties p = new MqttProperties();
      p.setCorrelationData(correlation);
      m.setProperties(p);
    }
    // Paho may still count the previous message as in flight when its token completes
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> {
          try {
            client.publish(topic, m).waitForCompletion(10_000);
            return true;
          } catch (MqttException e) {
            if (e.getReasonCode() == MqttClientException.REASON_CODE_MAX_INFLIGHT) {
              return false;
            }
            throw e;
          }
        });
  }

  @Override
  public void close() throws MqttException {
    try {
      if (client.isConnected()) {
        client.disconnect().waitForCompletion(5_000);
      }
    } finally {
      try {
        client.close(true);
      } catch (MqttException e) {
        // Paho refuses to close while its automatic reconnect is connecting (after a broker
        // restart it can stay there); the probe is done either way
        if (e.getReasonCode() != MqttClientException.REASON_CODE_CONNECT_IN_PROGRESS) {
          throw e;
        }
      }
    }
  }
}
