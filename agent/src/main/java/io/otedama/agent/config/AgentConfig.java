package io.otedama.agent.config;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The agent's whole configuration, as read from {@code agent.yml} by {@link AgentConfigLoader}.
 * Every value is validated and defaulted; docs/agent.md lists the settings.
 *
 * @param file the file it was read from (enroll writes credentials back into it)
 * @param controllerUrl the controller's HTTP base URL, or null (only {@code enroll} needs it)
 * @param credentials what {@code enroll} obtained, or null before enrollment
 */
public record AgentConfig(
    Path file,
    URI controllerUrl,
    Credentials credentials,
    MqttSettings mqtt,
    RigSettings rig,
    TelemetrySettings telemetry,
    SpoolSettings spool,
    CommandSettings commands,
    List<DeviceConfig> devices,
    UpdateSettings update) {
  public AgentConfig {
    Objects.requireNonNull(mqtt, "mqtt");
    Objects.requireNonNull(rig, "rig");
    Objects.requireNonNull(telemetry, "telemetry");
    Objects.requireNonNull(spool, "spool");
    Objects.requireNonNull(commands, "commands");
    devices = List.copyOf(devices);
  }

  /** The credentials written by {@code enroll}: the rig id and the rig's MQTT login. */
  public record Credentials(String rigId, URI mqttUrl, String mqttUsername, String mqttPassword) {
    public Credentials {
      Objects.requireNonNull(rigId, "rigId");
      Objects.requireNonNull(mqttUsername, "mqttUsername");
      Objects.requireNonNull(mqttPassword, "mqttPassword");
    }

    @Override
    public String toString() {
      return "Credentials[rigId="
          + rigId
          + ", mqttUrl="
          + mqttUrl
          + ", username="
          + mqttUsername
          + "]";
    }
  }

  /**
   * @param url overrides the broker URL the controller advertised at enrollment, or null
   * @param caFile PEM certificates to trust for {@code ssl://} besides the system's, or null
   */
  public record MqttSettings(
      URI url,
      Duration keepAlive,
      Duration sessionExpiry,
      Duration connectTimeout,
      Duration reconnectMin,
      Duration reconnectMax,
      Path caFile) {}

  /**
   * @param name the name sent at enrollment, or null; @param model hardware model, or null
   */
  public record RigSettings(String name, String model) {}

  /**
   * @param sysRoot the root of /sys and /proc for collectors ("/" on a real rig)
   */
  public record TelemetrySettings(Duration interval, Path sysRoot) {}

  /**
   * @param directory the spool and the agent's small state files
   */
  public record SpoolSettings(Path directory, long maxBytes) {}

  /**
   * @param reboot the system command {@code reboot} runs; @param timeout per command
   */
  public record CommandSettings(List<String> reboot, Duration timeout, Path ledPath) {
    public CommandSettings {
      reboot = List.copyOf(reboot);
    }
  }

  /**
   * The {@code update:} section (docs/firmware.md).
   *
   * @param publicKeys the release keys this agent trusts (PEM or base64); empty: updates refused
   * @param target the installed jar or runtime image directory that self-update replaces, or null
   *     (self-update refused)
   * @param restart the command that restarts the agent through the service manager
   * @param healthDeadline how long a new version has to pass its health check before rollback
   * @param maxBoots starts without a passed health check before rollback (a crash loop)
   */
  public record UpdateSettings(
      List<String> publicKeys,
      Path target,
      List<String> restart,
      Duration healthDeadline,
      int maxBoots) {
    public UpdateSettings {
      publicKeys = List.copyOf(publicKeys);
      restart = List.copyOf(restart);
    }
  }

  /** The broker URL to use: the configured override, else the one from enrollment. */
  public URI brokerUrl() {
    if (mqtt.url() != null) {
      return mqtt.url();
    }
    return credentials == null ? null : credentials.mqttUrl();
  }

  /**
   * The configuration {@code run} needs: enrolled and with a broker URL.
   *
   * @throws ConfigException naming what is missing
   */
  public AgentConfig requireRunnable() {
    if (credentials == null) {
      throw new ConfigException(
          file
              + ": the rig is not enrolled (no credentials section): run `otedama-agent enroll"
              + " --controller URL --token TOKEN --config "
              + file
              + "` first");
    }
    if (brokerUrl() == null) {
      throw new ConfigException(
          file + ": no broker URL: set mqtt.url or credentials.mqttUrl (enroll writes it)");
    }
    return this;
  }
}
