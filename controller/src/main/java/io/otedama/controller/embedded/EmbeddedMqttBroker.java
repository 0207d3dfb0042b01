package io.otedama.controller.embedded;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import com.hivemq.configuration.service.InternalConfigurations;
import com.hivemq.embedded.EmbeddedExtension;
import com.hivemq.embedded.EmbeddedHiveMQ;
import io.dropwizard.lifecycle.Managed;
import io.otedama.controller.fleet.RigAuthenticator;
import io.otedama.controller.mqtt.ControllerCredentials;
import io.otedama.controller.mqtt.InboundQueue;
import io.otedama.controller.mqtt.MqttConfiguration;
import io.otedama.controller.mqtt.MqttConfiguration.BrokerPersistence;
import io.otedama.protocol.topic.TopicKind;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.ILoggerFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * HiveMQ CE running inside the controller: the zero-setup broker used when no {@code mqtt.url} is
 * configured. Its security extension admits the controller by its secret and rigs through {@link
 * RigAuthenticator}, and keeps each rig inside its own topic subtree.
 *
 * <p>Files live under {@code mqtt.embeddedDataDir}: {@code conf/config.xml} (rewritten at every
 * start from the configuration), {@code data/} (sessions, retained messages) and an empty {@code
 * extensions/}. Anonymous usage statistics are off.
 */
public final class EmbeddedMqttBroker implements Managed {

  private static final Logger log = LoggerFactory.getLogger(EmbeddedMqttBroker.class);
  private static final long START_TIMEOUT_SECONDS = 120;

  /** MQTT payloads above 64 KiB are rejected by the ingest with a reason; let them get there. */
  static final int MAX_PACKET_BYTES = 1024 * 1024;

  /** Unacknowledged QoS 1 messages HiveMQ may send one client (its default is 50). */
  static final int DELIVERY_WINDOW = 1000;

  /** HiveMQ's own poll batch: QoS 1 messages taken from a client's queue at a time. */
  static final int DEFAULT_POLL_BATCH = 50;

  /** MQTT 5 Receive Maximum announced to clients: the controller publishes commands in bursts. */
  static final int SERVER_RECEIVE_MAXIMUM = 1000;

  private final String bindAddress;
  private final int port;
  private final Path dataDir;
  private final BrokerPersistence persistence;
  private final ControllerCredentials controller;
  private final RigAuthenticator rigs;

  private RigIngestInitializer ingest;
  private EmbeddedHiveMQ hivemq;
  private ThreadPoolExecutor lookups;

  public EmbeddedMqttBroker(
      MqttConfiguration config, ControllerCredentials controller, RigAuthenticator rigs) {
    this(
        config.getEmbeddedBindAddress(),
        config.getEmbeddedPort(),
        config.getEmbeddedDataDir(),
        config.getEmbeddedPersistence(),
        controller,
        rigs);
  }

  public EmbeddedMqttBroker(
      String bindAddress,
      int port,
      Path dataDir,
      BrokerPersistence persistence,
      ControllerCredentials controller,
      RigAuthenticator rigs) {
    this.bindAddress = bindAddress;
    this.port = port;
    this.dataDir = dataDir.toAbsolutePath();
    this.persistence = persistence;
    this.controller = controller;
    this.rigs = rigs;
  }

  /**
   * Before {@link #start()}: hands rigs' messages of {@code kinds} to {@code target} in-process
   * ({@link RigPublishIngest}) instead of routing them to the controller's session, whose client id
   * is {@code controllerClientId}; arrivals are stamped by {@code clock}.
   */
  public synchronized void ingestDirectly(
      Set<TopicKind> kinds, InboundQueue target, String controllerClientId, Clock clock) {
    if (hivemq != null) {
      throw new IllegalStateException("the in-process ingest is set before the broker starts");
    }
    ingest =
        kinds.isEmpty()
            ? null
            : new RigIngestInitializer(
                new RigPublishIngest(kinds, target, clock), controllerClientId);
  }

  /** The URL the controller's own client connects to. */
  public String localUrl() {
    String host =
        "0.0.0.0".equals(bindAddress) || "::".equals(bindAddress) ? "127.0.0.1" : bindAddress;
    return "tcp://" + host + ":" + port;
  }

  public int port() {
    return port;
  }

  @Override
  public synchronized void start() throws Exception {
    if (hivemq != null) {
      return;
    }
    quietenBrokerLogging();
    Path conf = Files.createDirectories(dataDir.resolve("conf"));
    Path data = Files.createDirectories(dataDir.resolve("data"));
    Path extensions = Files.createDirectories(dataDir.resolve("extensions"));
    writeConfig(conf.resolve("config.xml"));

    raiseDeliveryWindow();
    lookups = newLookupExecutor();
    EmbeddedExtension security =
        EmbeddedExtension.builder()
            .withId("otedama-security")
            .withName("Otedama broker security")
            .withVersion("1")
            .withPriority(1000)
            .withStartPriority(1000)
            .withExtensionMain(
                new BrokerSecurityExtension(
                    new BrokerClientAuthenticator(controller, rigs, lookups), ingest))
            .build();
    EmbeddedHiveMQ broker =
        EmbeddedHiveMQ.builder()
            .withConfigurationFolder(conf)
            .withDataFolder(data)
            .withExtensionsFolder(extensions)
            .withEmbeddedExtension(security)
            .withoutLoggingBootstrap()
            .build();
    try {
      broker.start().get(START_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (ExecutionException | TimeoutException | InterruptedException e) {
      closeQuietly(broker);
      lookups.shutdownNow();
      throw new IllegalStateException(
          "the embedded MQTT broker did not start on " + bindAddress + ":" + port, e);
    }
    hivemq = broker;
    log.info("Embedded MQTT broker listening on {}:{} (data in {})", bindAddress, port, dataDir);
  }

  @Override
  public synchronized void stop() throws Exception {
    if (hivemq == null) {
      return;
    }
    try {
      hivemq.stop().get(60, TimeUnit.SECONDS);
    } finally {
      closeQuietly(hivemq);
      hivemq = null;
      lookups.shutdownNow();
    }
    log.info("Embedded MQTT broker stopped");
  }

  public synchronized boolean isRunning() {
    return hivemq != null;
  }

  /**
   * Messages the broker dropped since it started (e.g. a client's queue over its limit while the
   * controller falls behind); 0 while stopped.
   */
  public synchronized long droppedMessages() {
    if (hivemq == null) {
      return 0;
    }
    com.codahale.metrics.Counter dropped =
        hivemq.getMetricRegistry().getCounters().get("com.hivemq.messages.dropped.count");
    return dropped == null ? 0 : dropped.getCount();
  }

  private void writeConfig(Path file) throws IOException {
    String xml =
        """
        <?xml version="1.0"?>
        <!-- Written by the Otedama controller at every start from its mqtt: configuration. -->
        <hivemq>
            <listeners>
                <tcp-listener>
                    <port>%d</port>
                    <bind-address>%s</bind-address>
                </tcp-listener>
            </listeners>
            <mqtt>
                <packets>
                    <max-packet-size>%d</max-packet-size>
                </packets>
                <receive-maximum>
                    <server-receive-maximum>%d</server-receive-maximum>
                </receive-maximum>
                <queued-messages>
                    <max-queue-size>100000</max-queue-size>
                </queued-messages>
            </mqtt>
            <persistence>
                <mode>%s</mode>
            </persistence>
            <anonymous-usage-statistics>
                <enabled>false</enabled>
            </anonymous-usage-statistics>
        </hivemq>
        """
            .formatted(
                port,
                escapeXml(bindAddress),
                MAX_PACKET_BYTES,
                SERVER_RECEIVE_MAXIMUM,
                persistence == BrokerPersistence.IN_MEMORY ? "in-memory" : "file");
    Files.writeString(file, xml, StandardCharsets.UTF_8);
  }

  /**
   * HiveMQ sends at most 50 unacknowledged QoS 1 messages to one client (whatever the client's
   * Receive Maximum) and polls its queue 50 at a time. When the controller's session receives every
   * rig's telemetry and shares (no in-process ingest), its rate is 50 per acknowledgement round
   * trip: about 1,100 msg/s on a busy 2-core machine (measured, docs/performance.md), so the window
   * and the poll batch are raised. The poll batch is not free: every poll takes that many packet
   * ids and gives back the unused ones, and a job's fan-out polls once per rig, so with a batch of
   * 1,000 that bookkeeping was 60 % of the broker's CPU during a fan-out to 10,000 rigs. With the
   * in-process ingest the controller's session receives little, and the batch stays at HiveMQ's 50.
   * These are HiveMQ's process-wide internal settings, read at start, meant to be set this way for
   * the embedded broker.
   */
  private void raiseDeliveryWindow() {
    InternalConfigurations.MAX_INFLIGHT_WINDOW_SIZE_MESSAGES = DELIVERY_WINDOW;
    InternalConfigurations.PUBLISH_POLL_BATCH_SIZE =
        ingest == null ? DELIVERY_WINDOW : DEFAULT_POLL_BATCH;
  }

  private static String escapeXml(String value) {
    return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  private static ThreadPoolExecutor newLookupExecutor() {
    AtomicInteger n = new AtomicInteger();
    // Bounded: a reconnect storm beyond this is answered "server busy" and the rigs back off.
    return new ThreadPoolExecutor(
        2,
        2,
        0,
        TimeUnit.SECONDS,
        new ArrayBlockingQueue<>(50_000),
        r -> {
          Thread t = new Thread(r, "mqtt-auth-" + n.incrementAndGet());
          t.setDaemon(true);
          return t;
        });
  }

  /**
   * HiveMQ logs its whole startup at INFO; keep it at WARN unless the operator configured those
   * loggers explicitly (Dropwizard's {@code logging.loggers}).
   */
  private static void quietenBrokerLogging() {
    ILoggerFactory factory = LoggerFactory.getILoggerFactory();
    if (!(factory instanceof LoggerContext context)) {
      return;
    }
    for (String name :
        new String[] {"com.hivemq", "jetbrains.exodus", "oshi", "org.rocksdb", "io.netty"}) {
      ch.qos.logback.classic.Logger logger = context.getLogger(name);
      if (logger.getLevel() == null) {
        logger.setLevel(Level.WARN);
      }
    }
  }

  private static void closeQuietly(EmbeddedHiveMQ broker) {
    try {
      broker.close();
    } catch (Exception e) {
      log.debug("Closing the embedded broker: {}", e.toString());
    }
  }
}
