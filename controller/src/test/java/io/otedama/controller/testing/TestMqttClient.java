package io.otedama.controller.testing;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;

/**
 * A scripted MQTT v5 client for tests (a rig, or an observer): connects, publishes, subscribes and
 * collects what arrives in a queue. Uses the global callback, never per-subscription listeners.
 */
public final class TestMqttClient implements AutoCloseable {

  /** A message as received. */
  public record Received(String topic, MqttMessage message) {
    public String text() {
      return new String(message.getPayload(), StandardCharsets.UTF_8);
    }
  }

  private final MqttClient client;
  private final BlockingQueue<Received> received = new LinkedBlockingQueue<>();

  private TestMqttClient(MqttClient client) {
    this.client = client;
  }

  public static TestMqttClient connect(String url, String clientId, String user, String password)
      throws MqttException {
    return connect(url, clientId, options(user, password));
  }

  public static TestMqttClient connect(String url, String clientId, MqttConnectionOptions options)
      throws MqttException {
    MqttClient client = new MqttClient(url, clientId, new MemoryPersistence());
    // bounded waits: a connection the server just dropped must not stall a test for 30 s
    client.setTimeToWait(10_000);
    TestMqttClient test = new TestMqttClient(client);
    client.setCallback(test.callback());
    client.connect(options);
    return test;
  }

  public static MqttConnectionOptions options(String user, String password) {
    MqttConnectionOptions options = new MqttConnectionOptions();
    options.setCleanStart(true);
    options.setConnectionTimeout(10);
    if (user != null) {
      options.setUserName(user);
    }
    if (password != null) {
      options.setPassword(password.getBytes(StandardCharsets.UTF_8));
    }
    return options;
  }

  /** Subscribes and returns the SUBACK reason codes (0-2 granted, 0x80 and above refused). */
  public int[] subscribe(String filter, int qos) throws MqttException {
    IMqttToken token = client.subscribe(new MqttSubscription[] {new MqttSubscription(filter, qos)});
    return token.getReasonCodes();
  }

  /** Publishes and waits for the PUBACK at QoS 1; returns its reason codes. */
  public int[] publish(String topic, String payload, int qos, boolean retained)
      throws MqttException {
    return publish(topic, payload.getBytes(StandardCharsets.UTF_8), qos, retained, null);
  }

  public int[] publish(
      String topic, byte[] payload, int qos, boolean retained, MqttProperties properties)
      throws MqttException {
    MqttMessage message = new MqttMessage(payload, qos, retained, properties);
    IMqttToken token = client.getTopic(topic).publish(message);
    token.waitForCompletion(10_000);
    return token.getReasonCodes();
  }

  /** What an agent does once connected: its birth (sequence 1) and its retained online status. */
  public void announceOnline(String rigId) throws MqttException {
    publish("otedama/v1/rigs/" + rigId + "/birth", Payloads.birth(rigId, 1), 1, false, null);
    publish(
        "otedama/v1/rigs/" + rigId + "/status",
        Payloads.status(io.otedama.protocol.message.RigState.ONLINE, null, 1),
        1,
        true,
        null);
  }

  public Received poll(Duration timeout) throws InterruptedException {
    return received.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  public BlockingQueue<Received> received() {
    return received;
  }

  public boolean isConnected() {
    return client.isConnected();
  }

  public MqttClient client() {
    return client;
  }

  /** Drops the TCP connection without DISCONNECT, so the broker publishes the Last Will. */
  public void kill() throws MqttException {
    client.disconnectForcibly(0, 0, false);
    client.close(true);
  }

  @Override
  public void close() throws MqttException {
    if (client.isConnected()) {
      try {
        // MqttClient.disconnect() waits without a limit for a server that may already be gone
        client.disconnectForcibly(0, 1_000, true);
      } catch (MqttException alreadyGone) {
        // nothing left to close but the client itself
      }
    }
    client.close(true);
  }

  private MqttCallback callback() {
    return new MqttCallback() {
      @Override
      public void disconnected(MqttDisconnectResponse response) {}

      @Override
      public void mqttErrorOccurred(MqttException exception) {}

      @Override
      public void messageArrived(String topic, MqttMessage message) {
        received.add(new Received(topic, message));
      }

      @Override
      public void deliveryComplete(IMqttToken token) {}

      @Override
      public void connectComplete(boolean reconnect, String serverUri) {}

      @Override
      public void authPacketArrived(int reasonCode, MqttProperties properties) {}
    };
  }
}
