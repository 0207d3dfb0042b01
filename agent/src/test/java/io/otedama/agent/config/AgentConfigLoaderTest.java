package io.otedama.agent.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AgentConfigLoaderTest {
  @TempDir Path dir;

  static final String FULL =
      """
      controller:
        url: http://controller.farm:8080
      credentials:
        rigId: rig-7
        mqttUrl: tcp://controller.farm:1883
        mqttUsername: rig-7
        mqttPassword: s3cret
      mqtt:
        keepAlive: 45s
        reconnectMin: 2s
        reconnectMax: 2m
      rig:
        name: rack1-u7
        model: Antminer S19
      telemetry:
        interval: 10
      spool:
        directory: /var/lib/otedama/agent/spool
        maxSize: 16MiB
      commands:
        reboot: /sbin/shutdown -r now
      devices:
        - kind: cpu
          threads: 2
        - kind: asic
          id: s19-a
          host: 10.0.0.7
        - kind: simulated
          hashrate: 1.1e14
          failure:
            mode: overheat
            after: 30m
      """;

  AgentConfig parse(String yaml) {
    return AgentConfigLoader.parse(dir.resolve("agent.yml"), yaml);
  }

  @Test
  void readsEverySettingWithUnitsAndDefaults() {
    AgentConfig c = parse(FULL);
    assertThat(c.controllerUrl()).isEqualTo(URI.create("http://controller.farm:8080"));
    assertThat(c.credentials().rigId()).isEqualTo("rig-7");
    assertThat(c.brokerUrl()).isEqualTo(URI.create("tcp://controller.farm:1883"));
    assertThat(c.mqtt().keepAlive()).isEqualTo(Duration.ofSeconds(45));
    assertThat(c.mqtt().reconnectMax()).isEqualTo(Duration.ofMinutes(2));
    assertThat(c.mqtt().sessionExpiry()).isEqualTo(Duration.ofHours(1));
    assertThat(c.telemetry().interval()).isEqualTo(Duration.ofSeconds(10));
    assertThat(c.spool().maxBytes()).isEqualTo(16L * 1024 * 1024);
    assertThat(c.commands().reboot()).containsExactly("/sbin/shutdown", "-r", "now");
    assertThat(c.devices()).extracting(DeviceConfig::id).containsExactly("cpu0", "s19-a", "sim2");
    assertThat(((DeviceConfig.Cpu) c.devices().get(0)).threads()).isEqualTo(2);
    assertThat(((DeviceConfig.Asic) c.devices().get(1)).port()).isEqualTo(4028);
    assertThat(((DeviceConfig.Simulated) c.devices().get(2)).failure().after())
        .isEqualTo(Duration.ofMinutes(30));
    assertThat(c.credentials().toString()).doesNotContain("s3cret");
  }

  @Test
  void anEmptyFileIsAnUnenrolledAgentWithDefaults() {
    AgentConfig c = parse("");
    assertThat(c.credentials()).isNull();
    assertThat(c.telemetry().interval()).isEqualTo(Duration.ofSeconds(10));
    assertThat(c.commands().reboot()).containsExactly("systemctl", "reboot");
    assertThatThrownBy(c::requireRunnable)
        .hasMessageContaining("not enrolled")
        .hasMessageContaining("otedama-agent enroll");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "devics: []|unknown setting 'devics' (known here: controller, credentials",
        "telemetry: {interval: fast}|telemetry.interval: must be a duration such as 10s",
        "telemetry: {interval: 50ms}|telemetry.interval: must be between 100ms and 1h, got 50ms",
        "spool: {maxSize: 1KB}|spool.maxSize: must be between 65536",
        "controller: {url: ftp://x}|controller.url: must be a URL like",
        "devices: [{kind: gpu}]|devices[0].kind: must be cpu, asic or simulated, got 'gpu'",
        "devices: [{kind: asic}]|devices[0].host: is required",
        "devices: [{kind: asic, host: a, port: 70000}]|devices[0].port: must be between 1 and 65535, got 70000",
        "devices: [{kind: cpu, id: x}, {kind: cpu, id: x}]|devices[1].id: 'x' is used by another device",
        "credentials: {rigId: Rig/1, mqttUsername: a, mqttPassword: b}|credentials.rigId: 'Rig/1' is not a rig id",
        "mqtt: {reconnectMin: 10s, reconnectMax: 1s}|mqtt.reconnectMax: must not be shorter",
        "devices: [{kind: simulated, failure: {mode: explode}}]|devices[0].failure.mode: must be none, overheat",
        "'just text'|the configuration must be a YAML mapping",
        "a: [unclosed|not valid YAML at line"
      })
  void everyProblemIsOneSentenceNamingFileAndSetting(String yaml, String expected) {
    assertThatThrownBy(() -> parse(yaml))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith(dir.resolve("agent.yml").toString() + ": ")
        .hasMessageContaining(expected)
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
  }

  @Test
  void aMissingFileIsNamed() {
    assertThatThrownBy(() -> AgentConfigLoader.load(dir.resolve("nope.yml")))
        .hasMessage(dir.resolve("nope.yml") + ": no such configuration file");
  }

  @Test
  void credentialsAreWrittenOwnerOnlyAndEverythingElseIsKept() throws Exception {
    Path file = dir.resolve("agent.yml");
    Files.writeString(file, FULL.replaceAll("(?s)credentials:.*?mqttPassword: s3cret\n", ""));
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
    CredentialsWriter.write(
        file,
        new AgentConfig.Credentials(
            "rig-42", URI.create("ssl://ctl:8883"), "rig-42", "p@ss: 'w0rd'"),
        URI.create("http://ctl:8080"));
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
    AgentConfig c = AgentConfigLoader.load(file);
    assertThat(c.credentials())
        .isEqualTo(
            new AgentConfig.Credentials(
                "rig-42", URI.create("ssl://ctl:8883"), "rig-42", "p@ss: 'w0rd'"));
    assertThat(c.controllerUrl()).isEqualTo(URI.create("http://ctl:8080"));
    assertThat(c.devices()).hasSize(3);
    assertThat(c.spool().maxBytes()).isEqualTo(16L * 1024 * 1024);
    assertThat(c.rig().name()).isEqualTo("rack1-u7");
    try (var files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString()).toList()).containsExactly("agent.yml");
    }
    assertThat(List.of(c.mqtt().keepAlive())).containsExactly(Duration.ofSeconds(45));
  }
}
