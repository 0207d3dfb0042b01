package io.otedama.ansible;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real run of the playbooks with {@code connection: local} into a temporary install root, with
 * systemd replaced by a flag file ({@code otedama_manage_systemd: false}). The steps build on each
 * other: install, a second run that changes nothing, an in-place upgrade that keeps the rig's
 * enrollment credentials, a run with enrollment switched on that neither enrolls the enrolled rig
 * again nor changes anything, and a rig without credentials that refuses to proceed without a
 * token.
 *
 * <p>The artifacts are real jars from the test class path standing in for the agent and controller
 * jars (which are copied, not run), and a real jlink runtime image built here with the modules the
 * agent needs: the test runs that runtime with the unit file's JVM flags. Enrollment is off ({@code
 * otedama_agent_enroll: false}) until the agent's {@code enroll} command exists.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RolesLocalRunTest {

  private static final String HOST = "localhost";
  private static final YAMLMapper YAML = new YAMLMapper();

  @TempDir static Path scratch;
  private Path root;
  private Path inventory;
  private Path extraVars;
  private AnsibleCommands ansible;
  private Path agentJar;
  private Path upgradedAgentJar;
  private Path controllerJar;

  @BeforeAll
  void prepare() throws Exception {
    root = scratch.resolve("root");
    ansible = new AnsibleCommands(scratch);
    agentJar = jarOf(org.junit.jupiter.api.Test.class);
    upgradedAgentJar = jarOf(ObjectMapper.class);
    controllerJar = jarOf(org.assertj.core.api.Assertions.class);
    inventory = scratch.resolve("inventory.yml");
    Files.writeString(
        inventory,
        """
        all:
          hosts:
            localhost:
              ansible_connection: local
              ansible_python_interpreter: "{{ ansible_playbook_python }}"
          children:
            otedama_controllers:
              hosts:
                localhost: {}
            otedama_rigs:
              hosts:
                localhost: {}
        """);
    String user = System.getProperty("user.name");
    String group = run(List.of("id", "-gn")).stdout().strip();
    Map<String, Object> vars = new LinkedHashMap<>();
    vars.put("otedama_root", root.toString());
    vars.put("otedama_become", false);
    vars.put("otedama_manage_systemd", false);
    vars.put("otedama_manage_user", false);
    vars.put("otedama_file_owner", user);
    vars.put("otedama_file_group", group);
    vars.put("otedama_agent_user", user);
    vars.put("otedama_agent_group", group);
    vars.put("otedama_controller_user", user);
    vars.put("otedama_controller_group", group);
    vars.put("otedama_agent_jar_src", agentJar.toString());
    vars.put("otedama_agent_runtime_archive", buildRuntimeImage().toString());
    vars.put("otedama_agent_enroll", false);
    vars.put("otedama_controller_url", "http://ctl1.farm.example:8080");
    vars.put("otedama_controller_jar_src", controllerJar.toString());
    vars.put(
        "otedama_controller_java",
        Path.of(System.getProperty("java.home"), "bin", "java").toString());
    // The stand-in jar has no `check` and `db migrate` commands.
    vars.put("otedama_controller_validate_config", false);
    vars.put("otedama_controller_migrate", false);
    vars.put("otedama_controller_database_url", "jdbc:postgresql://db.farm.example:5432/otedama");
    vars.put("otedama_controller_database_user", "otedama");
    vars.put("otedama_controller_database_password", "db-secret");
    vars.put("otedama_controller_mqtt_url", "tcp://broker.farm.example:1883");
    vars.put("otedama_controller_admin_password", "admin-secret");
    extraVars = scratch.resolve("vars.json");
    new ObjectMapper().writeValue(extraVars.toFile(), vars);
  }

  /** A jlink image of the modules the agent runs on, packed as the role expects it. */
  private Path buildRuntimeImage() throws IOException {
    Path image = scratch.resolve("image/otedama-agent-runtime");
    Path jlink = Path.of(System.getProperty("java.home"), "bin", "jlink");
    assertThat(jlink).as("the tests run on a JDK, which has jlink").isExecutable();
    ProcessOutcome linked =
        run(
            List.of(
                jlink.toString(),
                "--add-modules",
                "java.base,jdk.incubator.vector",
                "--strip-debug",
                "--no-header-files",
                "--no-man-pages",
                "--output",
                image.toString()));
    assertThat(linked.exitCode()).as(linked.describe()).isZero();
    Path archive = scratch.resolve("otedama-agent-runtime.tar.gz");
    // gzip -1: the test needs a valid .tar.gz quickly, not a small one.
    ProcessOutcome packed =
        run(
            List.of(
                "tar",
                "-I",
                "gzip -1",
                "-cf",
                archive.toString(),
                "-C",
                image.getParent().toString(),
                image.getFileName().toString()));
    assertThat(packed.exitCode()).as(packed.describe()).isZero();
    return archive;
  }

  @Test
  @Order(1)
  void siteInstallsTheControllerAndTheAgent() throws IOException {
    ProcessOutcome outcome = ansible.playbook(inventory, extraVars, "site.yml");
    assertThat(outcome.exitCode()).as(outcome.describe()).isZero();
    PlayRecap recap = PlayRecap.of(HOST, outcome.stdout());
    assertThat(recap.failed()).isZero();
    assertThat(recap.changed()).isPositive();

    Path agentDir = root.resolve("opt/otedama/agent");
    assertThat(agentDir.resolve("otedama-agent.jar")).hasSameBinaryContentAs(agentJar);
    JsonNode agentConfig = YAML.readTree(root.resolve("etc/otedama/agent/agent.yml").toFile());
    assertThat(agentConfig.path("controller").path("url").asText())
        .isEqualTo("http://ctl1.farm.example:8080");
    assertThat(permissions(root.resolve("etc/otedama/agent/agent.yml"))).isEqualTo("rw-------");

    String agentUnit = Files.readString(root.resolve("etc/systemd/system/otedama-agent.service"));
    assertThat(agentUnit)
        .contains("Restart=always", "RestartSec=5", "StartLimitBurst=10", "MemoryMax=160M")
        .contains("WorkingDirectory=" + root.resolve("var/lib/otedama/agent"));
    List<String> execStart = execStart(agentUnit);
    assertThat(execStart)
        .contains("-Xmx48m", "-Xss256k", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1")
        .containsSequence("--add-modules", "jdk.incubator.vector")
        .containsSequence("-jar", agentDir.resolve("otedama-agent.jar").toString())
        .endsWith("run", "--config", root.resolve("etc/otedama/agent/agent.yml").toString());
    // The runtime the unit names starts with the unit's JVM flags and has the Vector API module.
    List<String> jvm = new ArrayList<>(execStart.subList(0, execStart.indexOf("-jar")));
    assertThat(jvm.get(0)).isEqualTo(agentDir.resolve("runtime/bin/java").toString());
    jvm.addAll(List.of("--list-modules"));
    ProcessOutcome runtime = run(jvm);
    assertThat(runtime.exitCode()).as(runtime.describe()).isZero();
    assertThat(runtime.stdout()).contains("jdk.incubator.vector");

    JsonNode controllerConfig =
        YAML.readTree(root.resolve("etc/otedama/controller/config.yml").toFile());
    assertThat(controllerConfig.at("/server/applicationConnectors/0/port").asInt()).isEqualTo(8080);
    assertThat(controllerConfig.at("/server/adminConnectors/0/port").asInt()).isEqualTo(8081);
    assertThat(controllerConfig.at("/database/url").asText())
        .isEqualTo("jdbc:postgresql://db.farm.example:5432/otedama");
    assertThat(controllerConfig.at("/database/password").asText()).isEqualTo("db-secret");
    assertThat(controllerConfig.at("/mqtt/url").asText())
        .isEqualTo("tcp://broker.farm.example:1883");
    assertThat(controllerConfig.at("/mqtt/embeddedPort").asInt()).isEqualTo(1883);
    assertThat(controllerConfig.at("/stratum/port").asInt()).isEqualTo(3333);
    assertThat(permissions(root.resolve("etc/otedama/controller/config.yml")))
        .isEqualTo("rw-r-----");
    Path env = root.resolve("etc/otedama/controller/controller.env");
    assertThat(Files.readString(env)).contains("OTEDAMA_ADMIN_PASSWORD=admin-secret");
    assertThat(permissions(env)).isEqualTo("rw-r-----");
    String controllerUnit =
        Files.readString(root.resolve("etc/systemd/system/otedama-controller.service"));
    assertThat(execStart(controllerUnit))
        .containsSequence(
            "-jar", root.resolve("opt/otedama/controller/otedama-controller.jar").toString())
        .endsWith("server", root.resolve("etc/otedama/controller/config.yml").toString());
    assertThat(controllerUnit)
        .contains("EnvironmentFile=-" + env, "Restart=on-failure", "LimitNOFILE=65536");
    assertThat(root.resolve("opt/otedama/controller/otedama-controller.jar"))
        .hasSameBinaryContentAs(controllerJar);

    assertThat(root.resolve("var/lib/otedama/agent/restart-requested")).exists();
    assertThat(root.resolve("var/lib/otedama/controller/restart-requested")).exists();
  }

  @Test
  @Order(2)
  void aSecondRunChangesNothing() throws IOException {
    clearRestartFlags();
    ProcessOutcome outcome = ansible.playbook(inventory, extraVars, "site.yml");
    assertThat(outcome.exitCode()).as(outcome.describe()).isZero();
    PlayRecap recap = PlayRecap.of(HOST, outcome.stdout());
    assertThat(recap.changed()).as(outcome.stdout()).isZero();
    assertThat(recap.failed()).isZero();
    assertThat(root.resolve("var/lib/otedama/agent/restart-requested")).doesNotExist();
    assertThat(root.resolve("var/lib/otedama/controller/restart-requested")).doesNotExist();
  }

  @Test
  @Order(3)
  void upgradeReplacesTheAgentJarInPlaceAndKeepsTheEnrollmentCredentials() throws IOException {
    clearRestartFlags();
    // What an earlier enrollment left: the agent's config with the controller's credentials.
    Files.writeString(
        root.resolve("var/lib/otedama/agent/enrollment.yml"),
        """
        controller:
          url: http://old-controller.farm.example:8080
        rigId: rig-0042
        mqtt:
          url: tcp://ctl1.farm.example:1883
          username: rig-0042
          password: mqtt-secret
        """);
    ProcessOutcome outcome =
        ansible.playbook(
            inventory,
            extraVars,
            "upgrade-agents.yml",
            "-e",
            "otedama_agent_jar_src=" + upgradedAgentJar);
    assertThat(outcome.exitCode()).as(outcome.describe()).isZero();
    PlayRecap recap = PlayRecap.of(HOST, outcome.stdout());
    assertThat(recap.failed()).isZero();
    assertThat(recap.changed()).isPositive();

    assertThat(root.resolve("opt/otedama/agent/otedama-agent.jar"))
        .hasSameBinaryContentAs(upgradedAgentJar);
    JsonNode agentConfig = YAML.readTree(root.resolve("etc/otedama/agent/agent.yml").toFile());
    assertThat(agentConfig.at("/controller/url").asText())
        .as("managed keys win")
        .isEqualTo("http://ctl1.farm.example:8080");
    assertThat(agentConfig.at("/rigId").asText()).isEqualTo("rig-0042");
    assertThat(agentConfig.at("/mqtt/username").asText()).isEqualTo("rig-0042");
    assertThat(agentConfig.at("/mqtt/password").asText()).isEqualTo("mqtt-secret");
    assertThat(root.resolve("var/lib/otedama/agent/restart-requested")).exists();
    assertThat(root.resolve("var/lib/otedama/controller/restart-requested"))
        .as("the agent upgrade leaves the controller alone")
        .doesNotExist();
  }

  @Test
  @Order(4)
  void anEnrolledRigIsNotEnrolledAgainAndTheUpgradedInstallIsStable() throws IOException {
    clearRestartFlags();
    // Enrollment on, no token: the earlier enrollment's credentials make the role skip it.
    ProcessOutcome outcome =
        ansible.playbook(
            inventory,
            extraVars,
            "agents.yml",
            "-e",
            "otedama_agent_jar_src=" + upgradedAgentJar,
            "-e",
            "otedama_agent_enroll=true");
    assertThat(outcome.exitCode()).as(outcome.describe()).isZero();
    assertThat(PlayRecap.of(HOST, outcome.stdout()).changed()).as(outcome.stdout()).isZero();
    assertThat(root.resolve("var/lib/otedama/agent/restart-requested")).doesNotExist();
  }

  @Test
  @Order(5)
  void aRigNotEnrolledYetNeedsAToken() throws IOException {
    Files.delete(root.resolve("var/lib/otedama/agent/enrollment.yml"));
    ProcessOutcome outcome =
        ansible.playbook(
            inventory,
            extraVars,
            "agents.yml",
            "-e",
            "otedama_agent_jar_src=" + upgradedAgentJar,
            "-e",
            "otedama_agent_enroll=true");
    assertThat(outcome.exitCode()).as(outcome.describe()).isNotZero();
    assertThat(PlayRecap.of(HOST, outcome.stdout()).failed()).isEqualTo(1);
    assertThat(outcome.stdout())
        .contains("localhost is not enrolled yet: pass otedama_agent_enrollment_token");
  }

  private void clearRestartFlags() throws IOException {
    Files.deleteIfExists(root.resolve("var/lib/otedama/agent/restart-requested"));
    Files.deleteIfExists(root.resolve("var/lib/otedama/controller/restart-requested"));
  }

  private static List<String> execStart(String unit) {
    String line =
        unit.lines()
            .filter(l -> l.startsWith("ExecStart="))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no ExecStart in\n" + unit));
    return Arrays.asList(line.substring("ExecStart=".length()).trim().split("\\s+"));
  }

  private static String permissions(Path file) throws IOException {
    return PosixFilePermissions.toString(Files.getPosixFilePermissions(file));
  }

  private static Path jarOf(Class<?> type) throws URISyntaxException {
    Path jar = Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    assertThat(jar.toString()).endsWith(".jar");
    return jar;
  }

  private ProcessOutcome run(List<String> command) {
    return ExternalProcess.run(scratch, Duration.ofMinutes(2), Map.of(), command);
  }
}
