package io.otedama.controller.mqtt;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.otedama.controller.mqtt.mosquitto.MosquittoFilesConfiguration;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;

/**
 * The {@code mqtt:} section of the controller configuration. Without {@link #url} the controller
 * starts the embedded HiveMQ broker on {@link #embeddedPort}; with it, it connects to that broker
 * (Mosquitto 2, HiveMQ, EMQX). Documented key by key in {@code docs/configuration.md}.
 */
public class MqttConfiguration {

  /**
   * External broker, e.g. {@code tcp://mqtt.example:1883} or {@code ssl://...}; null = embedded.
   */
  @JsonProperty private String url;

  @JsonProperty
  @Min(0)
  @Max(65535)
  private int embeddedPort = 1883;

  @JsonProperty @NotBlank private String embeddedBindAddress = "0.0.0.0";

  @JsonProperty @NotNull private Path embeddedDataDir = Path.of("data", "hivemq");

  /**
   * {@code in-memory} (default) or {@code file}. The embedded broker restarts with the controller,
   * and everything durable (commands, work, rig state) lives in PostgreSQL; agents re-announce and
   * resubscribe on reconnect. {@code file} keeps sessions and retained messages across restarts but
   * costs about twice the broker CPU per message (HiveMQ's Xodus queue persistence).
   */
  @JsonProperty @NotNull
  private BrokerPersistence embeddedPersistence = BrokerPersistence.IN_MEMORY;

  /**
   * With the embedded broker, take the rigs' shares and telemetry from the broker in-process (an
   * interceptor hands each message to the dispatch queues as it arrives, and the rig's PUBACK waits
   * for room there) instead of routing them to the controller's own MQTT session. Saves the
   * broker's queue for that session, the loopback connection and the client's receive path: about a
   * third of the controller's CPU at 10,000 rigs (docs/performance.md).
   */
  @JsonProperty private boolean embeddedDirectIngest = true;

  @JsonProperty @NotBlank private String clientId = "otedama-controller";

  @JsonProperty @NotBlank private String controllerUsername = "otedama-controller";

  /** Required with an external broker; generated at every start for the embedded one when unset. */
  @JsonProperty private String controllerPassword;

  /** Subscribe through {@code $share/<shareGroup>/...} so several replicas split the ingest. */
  @JsonProperty private boolean sharedSubscription = false;

  @JsonProperty @NotBlank private String shareGroup = "otedama";

  /**
   * How long the broker keeps the controller's session (and queues its messages) when it is gone.
   */
  @JsonProperty
  @Min(0)
  private long sessionExpirySeconds = 3600;

  @JsonProperty
  @Min(5)
  @Max(3600)
  private int keepAliveSeconds = 30;

  /** QoS 1/2 messages the broker may have in flight towards the controller (MQTT 5 Receive Max). */
  @JsonProperty
  @Min(1)
  @Max(65535)
  private int receiveMaximum = 1000;

  /** Inbound messages waiting for decode; when full the MQTT callback waits (backpressure). */
  @JsonProperty
  @Min(16)
  private int inboundQueueCapacity = 20_000;

  @JsonProperty
  @Min(1)
  @Max(64)
  private int dispatchThreads = 2;

  @JsonProperty @Valid @NotNull
  private MosquittoFilesConfiguration mosquitto = new MosquittoFilesConfiguration();

  public String getUrl() {
    return url;
  }

  public void setUrl(String url) {
    this.url = url;
  }

  public boolean isEmbedded() {
    return url == null || url.isBlank();
  }

  public boolean isEmbeddedDirectIngest() {
    return embeddedDirectIngest;
  }

  public void setEmbeddedDirectIngest(boolean embeddedDirectIngest) {
    this.embeddedDirectIngest = embeddedDirectIngest;
  }

  public int getEmbeddedPort() {
    return embeddedPort;
  }

  public void setEmbeddedPort(int embeddedPort) {
    this.embeddedPort = embeddedPort;
  }

  public String getEmbeddedBindAddress() {
    return embeddedBindAddress;
  }

  public void setEmbeddedBindAddress(String embeddedBindAddress) {
    this.embeddedBindAddress = embeddedBindAddress;
  }

  public Path getEmbeddedDataDir() {
    return embeddedDataDir;
  }

  public void setEmbeddedDataDir(Path embeddedDataDir) {
    this.embeddedDataDir = embeddedDataDir;
  }

  public BrokerPersistence getEmbeddedPersistence() {
    return embeddedPersistence;
  }

  public void setEmbeddedPersistence(BrokerPersistence embeddedPersistence) {
    this.embeddedPersistence = embeddedPersistence;
  }

  public String getClientId() {
    return clientId;
  }

  public void setClientId(String clientId) {
    this.clientId = clientId;
  }

  public String getControllerUsername() {
    return controllerUsername;
  }

  public void setControllerUsername(String controllerUsername) {
    this.controllerUsername = controllerUsername;
  }

  public String getControllerPassword() {
    return controllerPassword;
  }

  public void setControllerPassword(String controllerPassword) {
    this.controllerPassword = controllerPassword;
  }

  public boolean isSharedSubscription() {
    return sharedSubscription;
  }

  public void setSharedSubscription(boolean sharedSubscription) {
    this.sharedSubscription = sharedSubscription;
  }

  public String getShareGroup() {
    return shareGroup;
  }

  public void setShareGroup(String shareGroup) {
    this.shareGroup = shareGroup;
  }

  public long getSessionExpirySeconds() {
    return sessionExpirySeconds;
  }

  public void setSessionExpirySeconds(long sessionExpirySeconds) {
    this.sessionExpirySeconds = sessionExpirySeconds;
  }

  public int getKeepAliveSeconds() {
    return keepAliveSeconds;
  }

  public void setKeepAliveSeconds(int keepAliveSeconds) {
    this.keepAliveSeconds = keepAliveSeconds;
  }

  public int getReceiveMaximum() {
    return receiveMaximum;
  }

  public void setReceiveMaximum(int receiveMaximum) {
    this.receiveMaximum = receiveMaximum;
  }

  public int getInboundQueueCapacity() {
    return inboundQueueCapacity;
  }

  public void setInboundQueueCapacity(int inboundQueueCapacity) {
    this.inboundQueueCapacity = inboundQueueCapacity;
  }

  public int getDispatchThreads() {
    return dispatchThreads;
  }

  public void setDispatchThreads(int dispatchThreads) {
    this.dispatchThreads = dispatchThreads;
  }

  public MosquittoFilesConfiguration getMosquitto() {
    return mosquitto;
  }

  public void setMosquitto(MosquittoFilesConfiguration mosquitto) {
    this.mosquitto = mosquitto;
  }

  /** How the embedded broker stores sessions, queued and retained messages. */
  public enum BrokerPersistence {
    @JsonProperty("file")
    FILE,
    @JsonProperty("in-memory")
    IN_MEMORY
  }
}
