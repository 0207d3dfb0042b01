package io.otedama.ansible;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.otedama.dashboards.DemoController;
import io.otedama.dashboards.ExternalProcess;
import io.otedama.dashboards.ProcessOutcome;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real run of the playbooks with {@code connection: local} into a temporary install root, with
 * systemd replaced by a flag file ({@code otedama_manage_systemd: false}), against a real
 * controller: the controller's {@code demo} runs as a process for the whole class. The steps build
 * on each other: install and enroll with a token from the controller's API (the real agent jar on a
 * real jlink runtime image), the agent started exactly as the unit file says shows up online in the
 * controller's API and in the inventory built from it; a second run changes nothing; the rolling
 * upgrade playbook replaces the running agent with a new jar, the agent restarts (the test plays
 * systemd: a restart request starts the unit's ExecStart again) and the playbook waits for its new
 * birth and for the rig online through the controller's API, keeping the enrollment's credentials;
 * the same upgrade again changes and restarts nothing; a rig without credentials refuses to proceed
 * without a token.
 *
 * <p>The controller role installs the real controller jar and validates the config.yml it writes
 * with that jar's {@code check} command; the controller it configures is not started (its database
 * and broker are a farm's), the running controller is the demo.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RolesLocalRunTest {

  private static final String HOST = "localhost";
  private static final YAMLMapper YAML = new YAMLMapper();

  @TempDir static Path scratch;
  private DemoController controller;
  private AgentUnit agent;
  private String rigId;
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
    // The controller starts while the runtime image is built: both take seconds.
    CompletableFuture<DemoController> starting =
        CompletableFuture.supplyAsync(() -> {
          try {
            return DemoController.start(scratch.resolve("controller"), 1);
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
    agentJar = AnsibleLayout.module().getParent().resolve("agent/target/otedama-agent.jar");
    assertThat(agentJar).as("the reactor packages the agent before this module").isRegularFile();
    Path runtimeArchive = buildRuntimeImage();
    controller = starting.join();
    String enrollmentToken =
        controller
            .post("/api/v1/enrollment-tokens", Map.of("uses", 1, "ttlHours", 1), 201)
            .path("token")
            .asText();
    assertThat(enrollmentToken).isNotEmpty();
    upgradedAgentJar = AgentUnit.rebuiltJar(agentJar, scratch.resolve("otedama-agent-next.jar"));
    controllerJar =
        AnsibleLayout.module().getParent().resolve("controller/target/otedama-controller.jar");
    assertThat(controllerJar)
        .as("the reactor packages the controller before this module")
        .isRegularFile();
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
    vars.put("otedama_agent_runtime_archive", runtimeArchive.toString());
    vars.put("otedama_agent_enroll", true);
    vars.put("otedama_agent_enrollment_token", enrollmentToken);
    vars.put("otedama_controller_url", controller.apiUri().toString());
    Map<String, Object> agentConfig = new LinkedHashMap<>();
    agentConfig.put("controller", Map.of("url", "{{ otedama_controller_url }}"));
    agentConfig.put("rig", Map.of("name", "ansible-rig", "model", "Simulated S19"));
    agentConfig.put("telemetry", Map.of("interval", "5s"));
    agentConfig.put(
        "spool", Map.of("directory", root.resolve("var/lib/otedama/agent/spool").toString()));
    agentConfig.put(
        "devices",
        List.of(Map.of("kind", "simulated", "hashrate", 1.1e14, "hashesPerSecond", 200)));
    vars.put("otedama_agent_config", agentConfig);
    vars.put("otedama_controller_jar_src", controllerJar.toString());
    vars.put(
        "otedama_controller_java",
        Path.of(System.getProperty("java.home"), "bin", "java").toString());
    // config.yml is validated by the real jar's `check`, and its `db migrate` runs against the
    // demo's PostgreSQL as the farm's external database (migrated already: nothing to apply, but
    // the role's command, its config and its database settings all work for real).
    vars.put("otedama_controller_validate_config", true);
    vars.put("otedama_controller_migrate", true);
    vars.put("otedama_controller_database_url", databaseUrl());
    vars.put("otedama_controller_database_user", "postgres");
    vars.put("otedama_controller_database_password", "db-secret");
    vars.put("otedama_controller_mqtt_url", "tcp://broker.farm.example:1883");
    vars.put("otedama_controller_mqtt_username", "otedama-ctl");
    vars.put("otedama_controller_mqtt_password", "broker-secret");
    vars.put("otedama_controller_admin_password", "admin-secret");
    extraVars = scratch.resolve("vars.json");
    new ObjectMapper().writeValue(extraVars.toFile(), vars);
  }

  /**
   * A jlink image of the modules the agent runs on (what agent/src/main/dist/build-runtime-image.sh
   * picks, without its compression and CDS archive, which only cost time here), packed as the role
   * expects it. The agent really runs on it below, so a module missing here would show.
   */
  private Path buildRuntimeImage() throws IOException {
    Path image = scratch.resolve("image/otedama-agent-runtime");
    Path jlink = Path.of(System.getProperty("java.home"), "bin", "jlink");
    assertThat(jlink).as("the tests run on a JDK, which has jlink").isExecutable();
    ProcessOutcome linked =
        run(
            List.of(
                jlink.toString(),
                "--add-modules",
                "java.base,java.net.http,java.logging,jdk.management,jdk.incubator.vector",
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
    // the new controller jar migrated the database (the run fails when the command does)
    assertThat(outcome.stdout())
        .contains("RUNNING HANDLER [otedama_controller : Migrate the database schema]");

    Path agentDir = root.resolve("opt/otedama/agent");
    assertThat(agentDir.resolve("otedama-agent.jar")).hasSameBinaryContentAs(agentJar);
    JsonNode agentConfig = YAML.readTree(root.resolve("etc/otedama/agent/agent.yml").toFile());
    assertThat(agentConfig.path("controller").path("url").asText())
        .isEqualTo(controller.apiUri().toString());
    // The enrollment's credentials, merged into the managed configuration.
    rigId = agentConfig.at("/credentials/rigId").asText();
    assertThat(rigId).isNotEmpty();
    assertThat(agentConfig.at("/credentials/mqttUsername").asText()).isNotEmpty();
    assertThat(agentConfig.at("/credentials/mqttPassword").asText()).isNotEmpty();
    assertThat(agentConfig.at("/credentials/mqttUrl").asText()).startsWith("tcp://127.0.0.1:");
    assertThat(agentConfig.at("/devices/0/kind").asText()).isEqualTo("simulated");
    assertThat(root.resolve("var/lib/otedama/agent/enrollment.yml")).exists();
    assertThat(root.resolve("var/lib/otedama/agent/enrollment.yml.new")).doesNotExist();
    assertThat(permissions(root.resolve("etc/otedama/agent/agent.yml"))).isEqualTo("rw-------");

    String agentUnit = Files.readString(root.resolve("etc/systemd/system/otedama-agent.service"));
    assertThat(agentUnit)
        .contains("Restart=always", "RestartSec=5", "StartLimitBurst=10", "MemoryMax=160M")
        .contains("WorkingDirectory=" + root.resolve("var/lib/otedama/agent"));
    List<String> execStart = execStart(agentUnit);
    assertThat(execStart)
        .contains("-Xmx32m", "-Xss256k", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1")
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
    assertThat(controllerConfig.at("/database/url").asText()).isEqualTo(databaseUrl());
    assertThat(controllerConfig.at("/database/password").asText()).isEqualTo("db-secret");
    assertThat(controllerConfig.at("/mqtt/url").asText())
        .isEqualTo("tcp://broker.farm.example:1883");
    // the names the controller reads (its `check`, run by the role, refuses unknown ones)
    assertThat(controllerConfig.at("/mqtt/controllerUsername").asText()).isEqualTo("otedama-ctl");
    assertThat(controllerConfig.at("/mqtt/controllerPassword").asText()).isEqualTo("broker-secret");
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

    // What systemd would do on the restart request: run the unit's ExecStart in its
    // WorkingDirectory. The rig must come online in the controller's API.
    agent =
        AgentUnit.supervise(
            root.resolve("etc/systemd/system/otedama-agent.service"),
            root.resolve("var/lib/otedama/agent"),
            scratch.resolve("agent.log"));
    awaitOnline();
    JsonNode rig = controller.get("/api/v1/rigs/" + rigId);
    assertThat(rig.path("name").asText()).isEqualTo("ansible-rig");

    // The inventory built from the controller's API lists the new rig.
    ProcessOutcome inventoryList =
        ExternalProcess.run(
            scratch,
            Duration.ofSeconds(30),
            Map.of(
                "OTEDAMA_URL", controller.apiUri().toString(),
                "OTEDAMA_TOKEN", controller.token()),
            List.of("python3", AnsibleLayout.inventoryScript().toString(), "--list"));
    assertThat(inventoryList.exitCode()).as(inventoryList.describe()).isZero();
    assertThat(inventoryList.stdout()).contains(rigId);
  }

  @Test
  @Order(2)
  void aSecondRunChangesNothingAndDoesNotEnrollAgain() throws IOException {
    clearRestartFlags();
    String enrollment = Files.readString(root.resolve("var/lib/otedama/agent/enrollment.yml"));
    ProcessOutcome outcome = ansible.playbook(inventory, extraVars, "site.yml");
    assertThat(outcome.exitCode()).as(outcome.describe()).isZero();
    PlayRecap recap = PlayRecap.of(HOST, outcome.stdout());
    assertThat(recap.changed()).as(outcome.stdout()).isZero();
    assertThat(recap.failed()).isZero();
    assertThat(root.resolve("var/lib/otedama/agent/restart-requested")).doesNotExist();
    assertThat(root.resolve("var/lib/otedama/controller/restart-requested")).doesNotExist();
    assertThat(root.resolve("var/lib/otedama/agent/enrollment.yml")).hasContent(enrollment);
  }

  @Test
  @Order(3)
  void theRollingUpgradeReplacesTheRunningAgentAndWaitsForItOnline() throws IOException {
    clearRestartFlags();
    JsonNode before = YAML.readTree(root.resolve("etc/otedama/agent/agent.yml").toFile());
    long startsBefore = agent.starts();
    ProcessOutcome outcome = upgrade();
    assertThat(outcome.exitCode()).as(outcome.describe()).isZero();
    PlayRecap recap = PlayRecap.of(HOST, outcome.stdout());
    assertThat(recap.failed()).isZero();
    assertThat(recap.changed()).isPositive();
    // the playbook waited for the restarted agent: its birth and the rig online
    assertThat(outcome.stdout())
        .contains("Wait for the restarted agent's birth at the controller")
        .contains("Wait for the controller to report the rig online");
    assertThat(agent.starts()).as("the agent was restarted once").isEqualTo(startsBefore + 1);
    assertThat(agent.isRunning()).isTrue();
    assertThat(controller.get("/api/v1/rigs/" + rigId).path("status").asText()).isEqualTo("online");

    assertThat(root.resolve("opt/otedama/agent/otedama-agent.jar"))
        .hasSameBinaryContentAs(upgradedAgentJar);
    JsonNode agentConfig = YAML.readTree(root.resolve("etc/otedama/agent/agent.yml").toFile());
    assertThat(agentConfig.at("/credentials")).isEqualTo(before.at("/credentials"));
    assertThat(agentConfig.at("/credentials/rigId").asText()).isEqualTo(rigId);
    assertThat(root.resolve("var/lib/otedama/controller/restart-requested"))
        .as("the agent upgrade leaves the controller alone")
        .doesNotExist();
  }

  @Test
  @Order(4)
  void theSameUpgradeAgainChangesAndRestartsNothing() {
    long startsBefore = agent.starts();
    ProcessOutcome outcome = upgrade();
    assertThat(outcome.exitCode()).as(outcome.describe()).isZero();
    PlayRecap recap = PlayRecap.of(HOST, outcome.stdout());
    assertThat(recap.changed()).as(outcome.stdout()).isZero();
    assertThat(recap.failed()).isZero();
    assertThat(agent.starts()).isEqualTo(startsBefore);
    assertThat(root.resolve("var/lib/otedama/agent/restart-requested")).doesNotExist();
    // The rig is online, and the new birth is not waited for: nothing restarted.
    assertThat(outcome.stdout()).contains("Wait for the controller to report the rig online");
    assertThat(controller.get("/api/v1/rigs/" + rigId).path("status").asText()).isEqualTo("online");
  }

  /** The demo's embedded PostgreSQL, standing in for the farm's external database. */
  private String databaseUrl() {
    return "jdbc:postgresql://127.0.0.1:" + controller.postgresPort() + "/postgres";
  }

  private ProcessOutcome upgrade() {
    return ansible.playbook(
        inventory,
        extraVars,
        "upgrade-agents.yml",
        "-e",
        "otedama_agent_jar_src=" + upgradedAgentJar,
        "-e",
        "otedama_rig_id=" + rigId,
        "-e",
        "otedama_api_token=" + controller.token());
  }

  private void awaitOnline() throws IOException {
    try {
      await("rig " + rigId + " online")
          .atMost(Duration.ofSeconds(40))
          .pollInterval(Duration.ofMillis(500))
          .until(() -> {
            agent.checkRunning();
            return "online".equals(controller.get("/api/v1/rigs/" + rigId).path("status").asText());
          });
    } catch (ConditionTimeoutException e) {
      throw new AssertionError(
          "rig not online: "
              + controller.get("/api/v1/rigs/" + rigId)
              + "\nagent log:\n"
              + agent.log(),
          e);
    }
  }

  @Test
  @Order(5)
  void aRigNotEnrolledYetNeedsAToken() throws IOException {
    stopAgent();
    Files.delete(root.resolve("var/lib/otedama/agent/enrollment.yml"));
    ProcessOutcome outcome =
        ansible.playbook(
            inventory,
            extraVars,
            "agents.yml",
            "-e",
            "otedama_agent_jar_src=" + upgradedAgentJar,
            "-e",
            "otedama_agent_enrollment_token=");
    assertThat(outcome.exitCode()).as(outcome.describe()).isNotZero();
    assertThat(PlayRecap.of(HOST, outcome.stdout()).failed()).isEqualTo(1);
    assertThat(outcome.stdout())
        .contains("localhost is not enrolled yet: pass otedama_agent_enrollment_token");
  }

  @AfterAll
  void stop() {
    stopAgent();
    if (controller != null) {
      controller.close();
    }
  }

  private void stopAgent() {
    if (agent != null) {
      agent.close();
      agent = null;
    }
  }

  private void clearRestartFlags() throws IOException {
    Files.deleteIfExists(root.resolve("var/lib/otedama/agent/restart-requested"));
    Files.deleteIfExists(root.resolve("var/lib/otedama/controller/restart-requested"));
  }

  private static List<String> execStart(String unit) {
    return AgentUnit.execStart(unit);
  }

  private static String permissions(Path file) throws IOException {
    return PosixFilePermissions.toString(Files.getPosixFilePermissions(file));
  }

  private ProcessOutcome run(List<String> command) {
    return ExternalProcess.run(scratch, Duration.ofMinutes(2), Map.of(), command);
  }
}
