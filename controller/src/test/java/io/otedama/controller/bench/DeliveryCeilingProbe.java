package io.otedama.controller.bench;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.otedama.controller.embedded.EmbeddedMqttBroker;
import io.otedama.controller.mqtt.ControllerCredentials;
import io.otedama.controller.mqtt.ControllerMqttClient;
import io.otedama.controller.mqtt.ControllerMqttClient.Subscription;
import io.otedama.controller.mqtt.MqttConfiguration;
import io.otedama.controller.mqtt.MqttConfiguration.BrokerPersistence;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;

/**
 * How many messages per second one controller connection takes off the embedded broker, with no
 * decoding and no database: publishers flood {@code --seconds} at QoS {@code --qos}, the
 * controller's client counts. Run: {@code java -cp ... DeliveryCeilingProbe --seconds 20 --qos 1
 * --connections 1}.
 */
public final class DeliveryCeilingProbe {

  public static void main(String[] args) throws Exception {
    BenchArgs a = BenchArgs.parse(args);
    int seconds = a.intValue("seconds", 20);
    int qos = a.intValue("qos", 1);
    int connections = a.intValue("connections", 1);
    boolean cleanStart = Boolean.parseBoolean(a.value("clean-start", "false"));
    BenchRigAuthenticator rigs = new BenchRigAuthenticator();
    for (int i = 1; i <= 4; i++) {
      rigs.add(RigFleetLoad.rigId(i), "s" + i);
    }
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    ControllerCredentials credentials = ControllerCredentials.generated("otedama-controller");
    Path dir = Files.createTempDirectory("probe-hivemq");
    EmbeddedMqttBroker broker =
        new EmbeddedMqttBroker(
            "127.0.0.1", port, dir, BrokerPersistence.IN_MEMORY, credentials, rigs);
    broker.start();
    LongAdder received = new LongAdder();
    org.HdrHistogram.ConcurrentHistogram latency = new org.HdrHistogram.ConcurrentHistogram(3);
    int rate = a.intValue("rate", 0);
    List<ControllerMqttClient> clients = new ArrayList<>();
    for (int c = 0; c < connections; c++) {
      MqttConfiguration config = new MqttConfiguration();
      config.setClientId("probe-" + c);
      config.setReceiveMaximum(a.intValue("receive-max", config.getReceiveMaximum()));
      config.setDispatchThreads(a.intValue("dispatch-threads", config.getDispatchThreads()));
      config.setSessionExpirySeconds(cleanStart ? 0 : 3600);
      String filter =
          connections > 1
              ? "$share/probe/otedama/v1/rigs/+/telemetry"
              : "otedama/v1/rigs/+/telemetry";
      ControllerMqttClient client =
          new ControllerMqttClient(
              broker.localUrl(),
              credentials,
              config,
              List.of(new Subscription(filter, qos)),
              m -> {
                received.increment();
                long sentAt = java.nio.ByteBuffer.wrap(m.payload()).getLong();
                latency.recordValue(Math.max(0, System.nanoTime() - sentAt) / 1000);
              },
              new SimpleMeterRegistry(),
              java.time.Clock.systemUTC());
      client.start();
      clients.add(client);
    }
    byte[] payload = new byte[700];
    List<Thread> publishers = new ArrayList<>();
    long end = System.nanoTime() + seconds * 1_000_000_000L;
    LongAdder sent = new LongAdder();
    for (int i = 1; i <= 4; i++) {
      String rig = RigFleetLoad.rigId(i);
      MqttAsyncClient publisher =
          new MqttAsyncClient(broker.localUrl(), rig, new MemoryPersistence());
      MqttConnectionOptions options = new MqttConnectionOptions();
      options.setUserName(rig);
      options.setPassword(("s" + i).getBytes());
      publisher.connect(options).waitForCompletion(10_000);
      Thread t =
          Thread.ofPlatform()
              .start(() -> {
                String topic = "otedama/v1/rigs/" + rig + "/telemetry";
                while (System.nanoTime() < end) {
                  try {
                    byte[] body = payload.clone();
                    java.nio.ByteBuffer.wrap(body).putLong(System.nanoTime());
                    publisher
                        .publish(topic, new MqttMessage(body, qos, false, new MqttProperties()))
                        .waitForCompletion(10_000);
                    sent.increment();
                    if (rate > 0) {
                      Thread.sleep(4000 / rate);
                    }
                  } catch (Exception e) {
                    // in-flight window full: try again
                  }
                }
              });
      publishers.add(t);
    }
    long start = System.nanoTime();
    long lastCount = 0;
    while (System.nanoTime() < end) {
      Thread.sleep(5000);
      long now = received.sum();
      System.out.printf("received %d/s (sent so far %d)%n", (now - lastCount) / 5, sent.sum());
      lastCount = now;
    }
    for (Thread t : publishers) {
      t.join();
    }
    Thread.sleep(3000);
    System.out.printf(
        "latency publish->handler: p50 %.1f ms, p99 %.1f ms%n",
        latency.getValueAtPercentile(50) / 1000.0, latency.getValueAtPercentile(99) / 1000.0);
    System.out.printf(
        "connections=%d qos=%d cleanStart=%s: sent %d, received %d, %.0f msg/s received%n",
        connections,
        qos,
        cleanStart,
        sent.sum(),
        received.sum(),
        received.sum() / ((System.nanoTime() - start) / 1e9));
    for (ControllerMqttClient client : clients) {
      client.stop();
    }
    broker.stop();
    System.exit(0);
  }
}
