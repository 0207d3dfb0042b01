package io.otedama.controller.mqtt;

import com.codahale.metrics.health.HealthCheck;
import io.dropwizard.lifecycle.Managed;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.otedama.controller.commands.CommandPublisher;
import io.otedama.controller.commands.CommandResultSink;
import io.otedama.controller.embedded.EmbeddedMqttBroker;
import io.otedama.controller.fleet.RigAuthenticator;
import io.otedama.controller.fleet.RigPresenceSink;
import io.otedama.controller.mqtt.mosquitto.MosquittoAuthFiles;
import io.otedama.controller.mqtt.mosquitto.MosquittoCredentialStore;
import io.otedama.controller.telemetry.LatestTelemetry;
import io.otedama.controller.telemetry.TelemetryBatchWriter;
import io.otedama.controller.telemetry.TelemetryConfiguration;
import io.otedama.controller.telemetry.TelemetryIngest;
import io.otedama.controller.telemetry.TelemetryPartitionMaintainer;
import io.otedama.protocol.codec.MessageCodec;
import io.otedama.protocol.topic.TopicKind;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The MQTT edge assembled: broker (embedded HiveMQ, or an external one with optional Mosquitto
 * files), the controller's client, decode and dispatch, and the telemetry ingest. One {@link
 * Managed} for the application's lifecycle: it starts its parts in dependency order (partitions,
 * telemetry writer, broker, Mosquitto files, client) and stops them in reverse, so every message
 * already received is written before the writer stops.
 *
 * <pre>{@code
 * MqttEdge edge = MqttEdge.create(config.getMqtt(), config.getTelemetry(), dataSource,
 *     presence, rigAuthenticator, commandResults, null, meterRegistry, clock);
 * environment.lifecycle().manage(edge);
 * environment.healthChecks().register("mqtt", edge.healthCheck());
 * CommandPublisher publisher = edge.commandPublisher();
 * }</pre>
 */
public final class MqttEdge implements Managed {

  private static final Logger log = LoggerFactory.getLogger(MqttEdge.class);

  private final ControllerCredentials credentials;
  private final EmbeddedMqttBroker broker;
  private final ControllerMqttClient client;
  private final KnownRigIds knownRigs;
  private final LatestTelemetry latest;
  private final MosquittoCredentialStore mosquittoCredentials;
  private final RigMessagePublisher rigMessages;
  private final MqttCommandPublisher commandPublisher;
  private final RejectedMessages rejected;
  private final List<Managed> parts;
  private final List<Managed> started = new ArrayList<>();

  private MqttEdge(
      ControllerCredentials credentials,
      EmbeddedMqttBroker broker,
      ControllerMqttClient client,
      KnownRigIds knownRigs,
      LatestTelemetry latest,
      MosquittoCredentialStore mosquittoCredentials,
      RigMessagePublisher rigMessages,
      MqttCommandPublisher commandPublisher,
      RejectedMessages rejected,
      List<Managed> parts) {
    this.credentials = credentials;
    this.broker = broker;
    this.client = client;
    this.knownRigs = knownRigs;
    this.latest = latest;
    this.mosquittoCredentials = mosquittoCredentials;
    this.rigMessages = rigMessages;
    this.commandPublisher = commandPublisher;
    this.rejected = rejected;
    this.parts = parts;
  }

  /**
   * Builds the edge; nothing runs before {@link #start()}.
   *
   * @param shares where share batches go, or null until the shares feature exists (then they are
   *     counted as unhandled)
   */
  public static MqttEdge create(
      MqttConfiguration mqtt,
      TelemetryConfiguration telemetry,
      DataSource database,
      RigPresenceSink presence,
      RigAuthenticator rigAuthenticator,
      CommandResultSink commandResults,
      ShareBatchHandler shares,
      MeterRegistry registry,
      Clock clock) {
    ControllerCredentials credentials = ControllerCredentials.from(mqtt);
    MessageCodec codec = new MessageCodec(clock);
    List<Managed> parts = new ArrayList<>();

    parts.add(new TelemetryPartitionMaintainer(database, telemetry));
    TelemetryBatchWriter writer = new TelemetryBatchWriter(database, telemetry, registry);
    parts.add(writer);

    EmbeddedMqttBroker broker = null;
    String url = mqtt.getUrl();
    if (mqtt.isEmbedded()) {
      broker = new EmbeddedMqttBroker(mqtt, credentials, rigAuthenticator);
      parts.add(broker);
      url = broker.localUrl();
      FunctionCounter.builder(
              "otedama_mqtt_broker_dropped_total", broker, EmbeddedMqttBroker::droppedMessages)
          .description(
              "Messages the embedded broker dropped, e.g. the controller's queue over 100,000"
                  + " while it fell behind")
          .register(registry);
    }
    MosquittoCredentialStore mosquittoCredentials = new MosquittoCredentialStore(database);
    if (mqtt.getMosquitto().isEnabled()) {
      parts.add(new MosquittoAuthFiles(mosquittoCredentials, credentials, mqtt.getMosquitto()));
    }

    LatestTelemetry latest = new LatestTelemetry();
    KnownRigIds knownRigs = new KnownRigIds(database);
    RejectedMessages rejected = new RejectedMessages(registry);
    InboundDispatcher dispatcher =
        new InboundDispatcher(
            codec,
            knownRigs,
            presence,
            new TelemetryIngest(codec, latest, writer, presence, registry),
            commandResults,
            shares != null ? shares : new UnhandledShares(registry),
            rejected);
    Set<TopicKind> direct = MqttSubscriptions.directKinds(mqtt);
    ControllerMqttClient client =
        new ControllerMqttClient(
            url,
            credentials,
            mqtt,
            MqttSubscriptions.forController(mqtt, direct),
            dispatcher,
            registry,
            clock);
    if (broker != null) {
      broker.ingestDirectly(direct, client, mqtt.getClientId(), clock);
    }
    parts.add(client);
    RigMessagePublisher rigMessages = new RigMessagePublisher(client, codec);
    return new MqttEdge(
        credentials,
        broker,
        client,
        knownRigs,
        latest,
        mosquittoCredentials,
        rigMessages,
        new MqttCommandPublisher(rigMessages, clock),
        rejected,
        List.copyOf(parts));
  }

  @Override
  public synchronized void start() throws Exception {
    knownRigs.loadAll();
    try {
      for (Managed part : parts) {
        part.start();
        started.add(part);
      }
    } catch (Exception e) {
      stop();
      throw e;
    }
    log.info(
        "MQTT edge up: {} ({} broker)",
        client.serverUrl(),
        broker != null ? "embedded" : "external");
  }

  @Override
  public synchronized void stop() throws Exception {
    for (int i = started.size() - 1; i >= 0; i--) {
      try {
        started.get(i).stop();
      } catch (Exception e) {
        log.warn("Stopping {} failed: {}", started.get(i).getClass().getSimpleName(), e.toString());
      }
    }
    started.clear();
  }

  /** Commands go out through this ({@code commands} feature). */
  public CommandPublisher commandPublisher() {
    return commandPublisher;
  }

  /** Retained work assignments and other controller messages to one rig. */
  public RigMessagePublisher rigMessages() {
    return rigMessages;
  }

  /** The newest telemetry of every rig, for features that need live figures. */
  public LatestTelemetry latestTelemetry() {
    return latest;
  }

  /** Enrollment records each issued secret here so an external Mosquitto can check it. */
  public MosquittoCredentialStore mosquittoCredentials() {
    return mosquittoCredentials;
  }

  public HealthCheck healthCheck() {
    return new MqttHealthCheck(client);
  }

  /** The URL rigs are told to connect to when none is configured for them: the broker in use. */
  public String brokerUrl() {
    return client.serverUrl();
  }

  public ControllerCredentials controllerCredentials() {
    return credentials;
  }

  public ControllerMqttClient client() {
    return client;
  }

  public RejectedMessages rejectedMessages() {
    return rejected;
  }
}
