package io.otedama.agent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.otedama.agent.config.AgentConfig;
import io.otedama.agent.config.AgentConfigLoader;
import io.otedama.agent.testing.BrokerAccounts;
import io.otedama.agent.testing.EnrollmentServer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code enroll}, {@code run} and {@code simulate} on the command line: results and errors. */
class AgentCommandsTest {
  static BrokerAccounts accounts = new BrokerAccounts();
  static EnrollmentServer enrollment;
  @TempDir Path dir;

  @BeforeAll
  static void start() throws Exception {
    enrollment = new EnrollmentServer(accounts, "tcp://broker.farm:1883");
    enrollment.allowToken("tok-1");
  }

  @AfterAll
  static void stop() {
    enrollment.close();
  }

  record Run(int exit, String out, String err) {}

  static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit = AgentCli.execute(new PrintWriter(out), new PrintWriter(err), args);
    return new Run(exit, out.toString(), err.toString());
  }

  @Test
  void enrollWritesTheCredentialsIntoTheConfigAndKeepsTheRest() throws Exception {
    Path config = dir.resolve("agent.yml");
    Files.writeString(config, "rig:\n  name: rack1-u7\ntelemetry:\n  interval: 15s\n");
    Run r =
        run(
            "enroll",
            "--controller",
            enrollment.url().toString(),
            "--token",
            "tok-1",
            "--config",
            config.toString(),
            "--hardware-id",
            "mac:02:42:ac:11:00:02",
            "--model",
            "Antminer S19");
    assertThat(r.err()).isEmpty();
    assertThat(r.exit()).isZero();
    AgentConfig c = AgentConfigLoader.load(config);
    assertThat(r.out())
        .contains("enrolled as rig " + c.credentials().rigId())
        .contains("mac:02:42:ac:11:00:02");
    assertThat(c.credentials().mqttUrl().toString()).isEqualTo("tcp://broker.farm:1883");
    assertThat(accounts.matches(c.credentials().mqttUsername(), c.credentials().mqttPassword()))
        .isTrue();
    assertThat(c.telemetry().interval().toSeconds()).isEqualTo(15);
    assertThat(c.controllerUrl()).isEqualTo(enrollment.url());
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(config)))
        .isEqualTo("rw-------");
    assertThat(enrollment.requests().get(enrollment.requests().size() - 1).toString())
        .contains("\"name\":\"rack1-u7\"")
        .contains("\"model\":\"Antminer S19\"");

    // again: the same rig id (a re-enrolled rig is the same rig), the controller URL now from the
    // file
    Run again =
        run(
            "enroll",
            "--token",
            "tok-1",
            "--config",
            config.toString(),
            "--hardware-id",
            "mac:02:42:ac:11:00:02");
    assertThat(again.exit()).isZero();
    assertThat(AgentConfigLoader.load(config).credentials().rigId())
        .isEqualTo(c.credentials().rigId());
  }

  @Test
  void enrollWithARefusedTokenSaysWhyAndChangesNothing() throws Exception {
    Path config = dir.resolve("agent.yml");
    Files.writeString(config, "rig:\n  name: x\n");
    Run r =
        run(
            "enroll",
            "--controller",
            enrollment.url().toString(),
            "--token",
            "nope",
            "--config",
            config.toString(),
            "--hardware-id",
            "hw-1");
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err().strip())
        .isEqualTo(
            "error: the controller refused the enrollment: The enrollment token is unknown, expired or used up.");
    assertThat(Files.readString(config)).isEqualTo("rig:\n  name: x\n");
  }

  @Test
  void enrollWithAnUnreachableControllerSaysSo() throws Exception {
    int port;
    try (var s = new java.net.ServerSocket(0)) {
      port = s.getLocalPort();
    }
    Run r =
        run(
            "enroll",
            "--controller",
            "http://127.0.0.1:" + port,
            "--token",
            "t",
            "--config",
            dir.resolve("a.yml").toString(),
            "--hardware-id",
            "hw-1");
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err())
        .startsWith("error: cannot reach the controller at http://127.0.0.1:" + port);
    assertThat(r.err().lines()).hasSize(1);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "enroll --token t --config CONFIG|--controller is required",
        "enroll --controller ftp://x --token t --config CONFIG|--controller must be an http:// or https:// URL",
        "enroll --controller http://x --token t --config CONFIG --hardware-id 'a b'|--hardware-id must be 1 to 128 visible characters",
        "enroll --controller http://x --config CONFIG|Missing required option: '--token=TOKEN'",
        "run|Missing required option: '--config=FILE'",
        "run --config MISSING|MISSING: no such configuration file",
        "run --config CONFIG|CONFIG: the rig is not enrolled",
        "run --config BAD|BAD: unknown setting 'telemetri'",
        "run --config CONFIG --log-level loud|log level must be error, warn, info, debug or trace",
        "simulate --controller http://x --token t --rigs 0|--rigs must be between 1 and 100000",
        "simulate --controller http://x --token t --rigs 5 --telemetry-interval 0|--telemetry-interval must be between 0.1 and 3600",
        "simulate --controller http://x --token t|Missing required option: '--rigs=N'"
      })
  void badArgumentsAndBadConfigsExitTwoWithOneLine(String line, String expected) throws Exception {
    Path config = dir.resolve("agent.yml");
    Files.writeString(config, "rig:\n  name: x\n");
    Path bad = dir.resolve("bad.yml");
    Files.writeString(bad, "telemetri:\n  interval: 5\n");
    String[] args =
        line.replace("'a b'", "a_b_placeholder")
            .replace("MISSING", dir.resolve("missing.yml").toString())
            .replace("CONFIG", config.toString())
            .replace("BAD", bad.toString())
            .split(" ");
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals("a_b_placeholder")) {
        args[i] = "a b";
      }
    }
    Run r = run(args);
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err().lines()).hasSize(1);
    assertThat(r.err())
        .startsWith("error: ")
        .contains(
            expected
                .replace("MISSING", dir.resolve("missing.yml").toString())
                .replace("CONFIG", config.toString())
                .replace("BAD", bad.toString()));
  }

  @Test
  void helpExplainsEachCommand() {
    assertThat(run("--help").out())
        .contains("run", "enroll", "simulate", "hash", "share", "bench")
        // one whole sentence per command in the list, and where to start
        .contains("Runs the agent (what the systemd unit starts).")
        .contains("Getting started on a rig:", "otedama-agent enroll --controller");
    assertThat(run("enroll", "--help").out())
        .contains("--controller", "--token", "--hardware-id", "mode 600");
    assertThat(run("run", "--help").out()).contains("--config", "spools");
    assertThat(run("simulate", "--help").out()).contains("--rigs", "--telemetry-interval");
  }
}
