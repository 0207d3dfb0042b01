package io.otedama.controller.bench;

import io.otedama.protocol.codec.MessageCodec;
import io.otedama.protocol.message.BirthMessage;
import io.otedama.protocol.message.DeviceInfo;
import io.otedama.protocol.message.DeviceTelemetry;
import io.otedama.protocol.message.HardwareIdentity;
import io.otedama.protocol.message.HostTelemetry;
import io.otedama.protocol.message.RigState;
import io.otedama.protocol.message.StatusMessage;
import io.otedama.protocol.message.TelemetryMessage;
import io.otedama.protocol.topic.TopicKind;
import io.otedama.protocol.topic.Topics;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttActionListener;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.TimerPingSender;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;

/**
 * The load side of the ingest benchmark, run in its own JVM so the controller's CPU can be measured
 * apart: N rigs, each a real Paho MQTT v5 client with its own session and credentials (client id =
 * user name = rig id, password = {@code secretPrefix + index}), connecting, publishing a birth and
 * then realistic telemetry (three devices, host figures) every interval at QoS 1, phases spread
 * evenly. Prints {@code READY}, {@code PUBLISHING <epoch ms>}, progress, and a final {@code RESULT}
 * line the controller side parses.
 */
public final class RigFleetLoad {

  private final String url;
  private final int rigs;
  private final int intervalMillis;
  private final int seconds;
  private final String secretPrefix;
  private final MessageCodec codec = new MessageCodec();
  private final VirtualThreadScheduler executor = new VirtualThreadScheduler("rig");
  private final List<MqttAsyncClient> clients = new ArrayList<>();

  private final LongAdder published = new LongAdder();
  private final LongAdder acked = new LongAdder();
  private final LongAdder failed = new LongAdder();
  private final LongAdder notSent = new LongAdder();
  private final AtomicLong connectFailures = new AtomicLong();

  private RigFleetLoad(String url, int rigs, int intervalMillis, int seconds, String secretPrefix) {
    this.url = url;
    this.rigs = rigs;
    this.intervalMillis = intervalMillis;
    this.seconds = seconds;
    this.secretPrefix = secretPrefix;
  }

  public static void main(String[] args) throws Exception {
    BenchArgs a = BenchArgs.parse(args);
    new RigFleetLoad(
            a.require("url"),
            a.intValue("rigs", 10_000),
            (int) (a.doubleValue("interval", 10) * 1000),
            a.intValue("seconds", 120),
            a.value("secret-prefix", "bench-secret-"))
        .run(a.intValue("connect-concurrency", 200));
    System.exit(0);
  }

  static String rigId(int i) {
    return String.format("bench-%05d", i);
  }

  private void run(int connectConcurrency) throws Exception {
    long connectStart = System.nanoTime();
    connectAll(connectConcurrency);
    System.out.printf(
        "READY connected=%d failures=%d seconds=%.1f%n",
        clients.size(), connectFailures.get(), (System.nanoTime() - connectStart) / 1e9);
    System.out.flush();

    ScheduledExecutorService publishers =
        Executors.newScheduledThreadPool(
            2,
            r -> {
              Thread t = new Thread(r, "publisher");
              t.setDaemon(true);
              return t;
            });
    long start = System.currentTimeMillis();
    System.out.println("PUBLISHING " + start);
    System.out.flush();
    for (int i = 0; i < clients.size(); i++) {
      MqttAsyncClient client = clients.get(i);
      String topic = Topics.topic(client.getClientId(), TopicKind.TELEMETRY);
      long phase = (long) i * intervalMillis / clients.size();
      long hashrate =
          90_000_000_000_000L + ThreadLocalRandom.current().nextLong(20_000_000_000_000L);
      publishers.scheduleAtFixedRate(
          () -> publishTelemetry(client, topic, hashrate, start),
          phase,
          intervalMillis,
          TimeUnit.MILLISECONDS);
    }
    long end = start + seconds * 1000L;
    while (System.currentTimeMillis() < end) {
      Thread.sleep(Math.min(10_000, Math.max(1, end - System.currentTimeMillis())));
      System.err.printf(
          "load: published=%d acked=%d failed=%d notSent=%d%n",
          published.sum(), acked.sum(), failed.sum(), notSent.sum());
    }
    publishers.shutdownNow();
    publishers.awaitTermination(10, TimeUnit.SECONDS);
    long stop = System.currentTimeMillis();
    System.out.println("STOPPING " + stop);
    System.out.flush();
    // every publish handed to Paho gets its PUBACK (or fails) within a few seconds
    long waitUntil = System.currentTimeMillis() + 30_000;
    while (acked.sum() + failed.sum() < published.sum() && System.currentTimeMillis() < waitUntil) {
      Thread.sleep(50);
    }
    System.out.printf(
        "RESULT connected=%d connectFailures=%d published=%d acked=%d failed=%d notSent=%d"
            + " startMillis=%d stopMillis=%d%n",
        clients.size(),
        connectFailures.get(),
        published.sum(),
        acked.sum(),
        failed.sum(),
        notSent.sum(),
        start,
        stop);
    System.out.flush();
    disconnectAll();
  }

  private void connectAll(int concurrency) throws InterruptedException {
    Semaphore permits = new Semaphore(concurrency);
    CountDownLatch done = new CountDownLatch(rigs);
    for (int i = 1; i <= rigs; i++) {
      permits.acquire();
      String rigId = rigId(i);
      byte[] secret = (secretPrefix + i).getBytes(StandardCharsets.UTF_8);
      try {
        MqttAsyncClient client =
            new MqttAsyncClient(
                url, rigId, new MemoryPersistence(), new TimerPingSender(executor), executor);
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setUserName(rigId);
        options.setPassword(secret);
        options.setCleanStart(false);
        options.setSessionExpiryInterval(600L);
        options.setKeepAliveInterval(60);
        options.setConnectionTimeout(60);
        options.setAutomaticReconnect(false);
        options.setWill(
            Topics.topic(rigId, TopicKind.STATUS),
            new MqttMessage(
                codec.encode(
                    new StatusMessage(
                        System.currentTimeMillis(), RigState.OFFLINE, "connection lost", 1L)),
                1,
                true,
                new MqttProperties()));
        client.connect(
            options,
            null,
            new MqttActionListener() {
              @Override
              public void onSuccess(IMqttToken token) {
                synchronized (clients) {
                  clients.add(client);
                }
                publishBirth(client, rigId);
                permits.release();
                done.countDown();
              }

              @Override
              public void onFailure(IMqttToken token, Throwable e) {
                if (connectFailures.incrementAndGet() <= 5) {
                  System.err.println("load: connect of " + rigId + " failed: " + e);
                }
                permits.release();
                done.countDown();
              }
            });
      } catch (Exception e) {
        connectFailures.incrementAndGet();
        permits.release();
        done.countDown();
      }
    }
    done.await(10, TimeUnit.MINUTES);
  }

  private void publishBirth(MqttAsyncClient client, String rigId) {
    BirthMessage birth =
        new BirthMessage(
            System.currentTimeMillis(),
            1,
            "bench",
            new HardwareIdentity("hw-" + rigId, null, null, "Bench S19", null),
            List.of(
                new DeviceInfo("hb0", "asic", "S19", null, null),
                new DeviceInfo("hb1", "asic", "S19", null, null),
                new DeviceInfo("hb2", "asic", "S19", null, null)),
            List.of("sha256d"),
            "Linux");
    try {
      client.publish(
          Topics.topic(rigId, TopicKind.BIRTH),
          new MqttMessage(codec.encode(birth), 1, false, new MqttProperties()));
      client.publish(
          Topics.topic(rigId, TopicKind.STATUS),
          new MqttMessage(
              codec.encode(
                  new StatusMessage(System.currentTimeMillis(), RigState.ONLINE, null, 1L)),
              1,
              true,
              new MqttProperties()));
    } catch (Exception e) {
      System.err.println("load: birth of " + rigId + " failed: " + e);
    }
  }

  private void publishTelemetry(MqttAsyncClient client, String topic, long hashrate, long start) {
    long now = System.currentTimeMillis();
    double share = hashrate / 3.0;
    ThreadLocalRandom random = ThreadLocalRandom.current();
    List<DeviceTelemetry> devices = new ArrayList<>(3);
    for (int d = 0; d < 3; d++) {
      devices.add(
          new DeviceTelemetry(
              "hb" + d,
              "asic",
              share * (0.95 + random.nextDouble() * 0.1),
              60 + random.nextDouble() * 15,
              5400 + random.nextInt(600),
              1100.0 + random.nextInt(100),
              (now - start) / 1000,
              random.nextInt(3),
              "mining"));
    }
    TelemetryMessage telemetry =
        new TelemetryMessage(
            now,
            hashrate * (0.97 + random.nextDouble() * 0.06),
            75.0,
            6000,
            3300.0 + random.nextInt(300),
            (now - start) / 1000 * 3,
            random.nextInt(10),
            (now - start) / 1000 + 86_400,
            devices,
            new HostTelemetry(0.4, 536_870_912L, 268_435_456L));
    try {
      client.publish(
          topic,
          new MqttMessage(codec.encode(telemetry), 1, false, new MqttProperties()),
          null,
          new MqttActionListener() {
            @Override
            public void onSuccess(IMqttToken token) {
              int[] codes = token.getReasonCodes();
              if (codes != null && codes.length > 0 && codes[0] >= 0x80) {
                failed.increment();
              } else {
                acked.increment();
              }
            }

            @Override
            public void onFailure(IMqttToken token, Throwable e) {
              failed.increment();
            }
          });
      published.increment();
    } catch (Exception e) {
      notSent.increment();
    }
  }

  private void disconnectAll() {
    for (MqttAsyncClient client : clients) {
      try {
        client.disconnectForcibly(0, 1000, false);
      } catch (Exception ignored) {
        // the process exits next
      }
    }
    executor.close();
  }
}
