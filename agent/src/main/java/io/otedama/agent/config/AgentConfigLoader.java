package io.otedama.agent.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.otedama.protocol.codec.MessageLimits;
import io.otedama.protocol.release.ReleaseSignatures;
import io.otedama.protocol.topic.RigIdSyntax;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Reads and validates {@code agent.yml}. Every problem is a {@link ConfigException}. */
public final class AgentConfigLoader {
  public static final Duration DEFAULT_TELEMETRY_INTERVAL = Duration.ofSeconds(10);
  public static final long DEFAULT_SPOOL_BYTES = 64L * 1024 * 1024;
  public static final List<String> DEFAULT_REBOOT = List.of("systemctl", "reboot");

  /**
   * Ends the agent (SIGTERM to the JVM, the shell's parent: a clean shutdown); the shipped unit's
   * {@code Restart=always} starts it again on the new jar. Needs no privileges, unlike {@code
   * systemctl restart}.
   */
  public static final List<String> DEFAULT_RESTART = List.of("sh", "-c", "kill -TERM $PPID");

  private static final Set<String> BROKER_SCHEMES = Set.of("tcp", "ssl", "mqtt", "mqtts");
  private static final Set<String> HTTP_SCHEMES = Set.of("http", "https");
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private AgentConfigLoader() {}

  /** Reads the file; a missing file is an error naming it. */
  public static AgentConfig load(Path file) {
    String text;
    try {
      text = Files.readString(file);
    } catch (NoSuchFileException e) {
      throw new ConfigException(file + ": no such configuration file");
    } catch (IOException e) {
      throw new ConfigException(file + ": cannot read it: " + e.getMessage(), e);
    }
    return parse(file, text);
  }

  /** Reads the file, or an empty configuration when it does not exist yet (for enroll). */
  public static AgentConfig loadOrEmpty(Path file) {
    return Files.exists(file) ? load(file) : parse(file, "");
  }

  /** Parses YAML text that came from {@code file}. */
  public static AgentConfig parse(Path file, String yaml) {
    return read(file, tree(file, yaml));
  }

  static JsonNode tree(Path file, String yaml) {
    if (yaml.isBlank()) {
      return null;
    }
    try {
      return YAML.readTree(yaml);
    } catch (JsonProcessingException e) {
      String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr();
      throw new ConfigException(
          file + ": not valid YAML" + where + ": " + firstLine(e.getOriginalMessage()), e);
    }
  }

  private static AgentConfig read(Path file, JsonNode tree) {
    ConfigNode root = ConfigNode.root(file.toString(), tree);
    root.allowOnly(
        "controller",
        "credentials",
        "mqtt",
        "rig",
        "telemetry",
        "spool",
        "commands",
        "devices",
        "update");
    // relative paths are relative to the working directory, as for any daemon (the systemd
    // unit sets it to the state directory); never to the config file's directory, which may be
    // read-only (/etc)
    Path base = null;

    ConfigNode controller = root.section("controller").allowOnly("url");
    URI controllerUrl = controller.uri("url", null, HTTP_SCHEMES);

    AgentConfig.Credentials credentials = null;
    ConfigNode cred =
        root.section("credentials").allowOnly("rigId", "mqttUrl", "mqttUsername", "mqttPassword");
    if (root.has("credentials")) {
      String rigId = cred.requiredString("rigId");
      if (!RigIdSyntax.isValid(rigId)) {
        throw cred.error(
            "rigId", "'" + rigId + "' is not a rig id (a-z, 0-9, '-', '_', at most 64)");
      }
      credentials =
          new AgentConfig.Credentials(
              rigId,
              cred.uri("mqttUrl", null, BROKER_SCHEMES),
              cred.requiredString("mqttUsername"),
              cred.requiredString("mqttPassword"));
    }

    ConfigNode mqtt =
        root.section("mqtt")
            .allowOnly(
                "url",
                "keepAlive",
                "sessionExpiry",
                "connectTimeout",
                "reconnectMin",
                "reconnectMax",
                "caFile");
    Duration reconnectMin =
        mqtt.duration(
            "reconnectMin", Duration.ofSeconds(1), Duration.ofMillis(10), Duration.ofMinutes(10));
    Duration reconnectMax =
        mqtt.duration(
            "reconnectMax", Duration.ofSeconds(60), Duration.ofMillis(10), Duration.ofHours(1));
    if (reconnectMax.compareTo(reconnectMin) < 0) {
      throw mqtt.error("reconnectMax", "must not be shorter than mqtt.reconnectMin");
    }
    AgentConfig.MqttSettings mqttSettings =
        new AgentConfig.MqttSettings(
            mqtt.uri("url", null, BROKER_SCHEMES),
            mqtt.duration(
                "keepAlive", Duration.ofSeconds(30), Duration.ofSeconds(5), Duration.ofMinutes(30)),
            mqtt.duration("sessionExpiry", Duration.ofHours(1), Duration.ZERO, Duration.ofDays(7)),
            mqtt.duration(
                "connectTimeout",
                Duration.ofSeconds(10),
                Duration.ofSeconds(1),
                Duration.ofMinutes(5)),
            reconnectMin,
            reconnectMax,
            mqtt.path("caFile", base, null));

    ConfigNode rig = root.section("rig").allowOnly("name", "model");
    AgentConfig.RigSettings rigSettings =
        new AgentConfig.RigSettings(
            limited(rig, "name", MessageLimits.MAX_NAME_LENGTH),
            limited(rig, "model", MessageLimits.MAX_NAME_LENGTH));

    ConfigNode telemetry = root.section("telemetry").allowOnly("interval", "sysRoot");
    AgentConfig.TelemetrySettings telemetrySettings =
        new AgentConfig.TelemetrySettings(
            telemetry.duration(
                "interval",
                DEFAULT_TELEMETRY_INTERVAL,
                Duration.ofMillis(100),
                Duration.ofHours(1)),
            telemetry.path("sysRoot", base, Path.of("/")));

    ConfigNode spool = root.section("spool").allowOnly("directory", "maxSize");
    AgentConfig.SpoolSettings spoolSettings =
        new AgentConfig.SpoolSettings(
            spool.path("directory", base, Path.of("spool")),
            spool.bytes("maxSize", DEFAULT_SPOOL_BYTES, 64 * 1024, 1L << 40));

    ConfigNode commands = root.section("commands").allowOnly("reboot", "timeout", "ledPath");
    AgentConfig.CommandSettings commandSettings =
        new AgentConfig.CommandSettings(
            commands.strings("reboot", DEFAULT_REBOOT),
            commands.duration(
                "timeout", Duration.ofMinutes(2), Duration.ofSeconds(1), Duration.ofHours(1)),
            commands.path("ledPath", base, null));

    ConfigNode update =
        root.section("update")
            .allowOnly("publicKeys", "target", "restartCommand", "healthDeadline", "maxBoots");
    List<String> keys = update.strings("publicKeys", List.of());
    try {
      ReleaseSignatures.publicKeys(keys);
    } catch (IllegalArgumentException e) {
      throw update.error("publicKeys", e.getMessage());
    }
    AgentConfig.UpdateSettings updateSettings =
        new AgentConfig.UpdateSettings(
            keys,
            update.path("target", base, null),
            update.strings("restartCommand", DEFAULT_RESTART),
            update.duration(
                "healthDeadline",
                Duration.ofMinutes(2),
                Duration.ofSeconds(5),
                Duration.ofHours(1)),
            (int) update.integer("maxBoots", 3, 1, 100));

    List<DeviceConfig> devices = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    List<ConfigNode> deviceNodes = root.sections("devices");
    for (int i = 0; i < deviceNodes.size(); i++) {
      DeviceConfig device = device(deviceNodes.get(i), i);
      if (!ids.add(device.id())) {
        throw deviceNodes.get(i).error("id", "'" + device.id() + "' is used by another device");
      }
      devices.add(device);
    }
    if (devices.size() > MessageLimits.MAX_DEVICES) {
      throw root.error("devices", "at most " + MessageLimits.MAX_DEVICES + " devices per rig");
    }
    return new AgentConfig(
        file,
        controllerUrl,
        credentials,
        mqttSettings,
        rigSettings,
        telemetrySettings,
        spoolSettings,
        commandSettings,
        devices,
        updateSettings);
  }

  private static DeviceConfig device(ConfigNode d, int index) {
    String kind = d.requiredString("kind");
    return switch (kind) {
      case "cpu" -> {
        d.allowOnly("kind", "id", "threads");
        yield new DeviceConfig.Cpu(
            deviceId(d, "cpu" + index),
            (int) d.integer("threads", Runtime.getRuntime().availableProcessors(), 1, 1024));
      }
      case "asic" -> {
        d.allowOnly("kind", "id", "host", "port", "timeout", "model");
        String host = d.requiredString("host");
        int port = (int) d.integer("port", 4028, 1, 65535);
        yield new DeviceConfig.Asic(
            deviceId(d, "asic" + index),
            host,
            port,
            d.duration(
                "timeout", Duration.ofSeconds(5), Duration.ofMillis(100), Duration.ofMinutes(1)),
            limited(d, "model", MessageLimits.MAX_NAME_LENGTH));
      }
      case "simulated" -> {
        d.allowOnly(
            "kind",
            "id",
            "model",
            "hashrate",
            "power",
            "ambient",
            "loadRise",
            "hashesPerSecond",
            "failure");
        ConfigNode f = d.section("failure").allowOnly("mode", "after", "dropFraction");
        DeviceConfig.Failure failure = DeviceConfig.Failure.NONE;
        if (d.has("failure")) {
          String mode = f.string("mode", "none");
          if (!Set.of("none", "overheat", "hashrate-drop", "hang").contains(mode)) {
            throw f.error(
                "mode", "must be none, overheat, hashrate-drop or hang, got '" + mode + "'");
          }
          failure =
              new DeviceConfig.Failure(
                  mode,
                  f.duration("after", Duration.ofMinutes(10), Duration.ZERO, Duration.ofDays(365)),
                  f.number("dropFraction", 0.5, 0, 1));
        }
        yield new DeviceConfig.Simulated(
            deviceId(d, "sim" + index),
            d.string("model", "Simulated S19"),
            d.number("hashrate", 110e12, 0, MessageLimits.MAX_HASHRATE_HS),
            d.number("power", 3250, 0, MessageLimits.MAX_POWER_W),
            d.number("ambient", 25, -40, 60),
            d.number("loadRise", 45, 0, 120),
            d.number("hashesPerSecond", 20_000, 0, 1e9),
            failure);
      }
      default -> throw d.error("kind", "must be cpu, asic or simulated, got '" + kind + "'");
    };
  }

  private static String deviceId(ConfigNode d, String fallback) {
    String id = d.string("id", fallback);
    if (id.length() > MessageLimits.MAX_ID_LENGTH || !id.matches("[\\x21-\\x7e]+")) {
      throw d.error("id", "must be 1 to 64 visible ASCII characters, got '" + id + "'");
    }
    return id;
  }

  private static String limited(ConfigNode node, String key, int max) {
    String s = node.string(key, null);
    if (s != null && s.length() > max) {
      throw node.error(key, "must be at most " + max + " characters");
    }
    return s;
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "syntax error";
    }
    int nl = s.indexOf('\n');
    return (nl < 0 ? s : s.substring(0, nl)).strip();
  }
}
