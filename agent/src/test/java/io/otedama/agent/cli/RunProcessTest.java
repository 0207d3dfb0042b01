package io.otedama.agent.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.otedama.agent.testing.BrokerAccounts;
import io.otedama.agent.testing.ControllerProbe;
import io.otedama.agent.testing.MosquittoBroker;
import io.otedama.agent.testing.TestWork;
import io.otedama.protocol.message.BirthMessage;
import io.otedama.protocol.message.CommandMessage;
import io.otedama.protocol.message.CommandResultMessage;
import io.otedama.protocol.message.CommandStatus;
import io.otedama.protocol.message.RigState;
import io.otedama.protocol.message.StatusMessage;
import io.otedama.protocol.topic.TopicKind;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code otedama-agent run} as a real process with the small-footprint JVM flags, against a real
 * Mosquitto with a password file and per-rig ACL: it connects, reports, mines, answers a command,
 * refuses a second agent on its spool, and on SIGTERM leaves a retained offline status.
 */
class RunProcessTest {
  @TempDir Path dir;

  @Test
  void runsAsAProcessAgainstMosquittoAndStopsCleanlyOnSigterm() throws Exception {
    BrokerAccounts accounts = new BrokerAccounts();
    accounts.put("rig-proc", "proc-secret");
    Path spool = dir.resolve("spool");
    Path config = dir.resolve("agent.yml");
    try (MosquittoBroker mosquitto = MosquittoBroker.start(dir.resolve("mosquitto"), accounts);
        ControllerProbe probe = new ControllerProbe(mosquitto.url())) {
      Files.writeString(
          config,
          """
          credentials:
            rigId: rig-proc
            mqttUrl: %s
            mqttUsername: rig-proc
            mqttPassword: proc-secret
          mqtt:
            reconnectMin: 200ms
          telemetry:
            interval: 500ms
          spool:
            directory: %s
          commands:
            reboot: [sh, -c, "echo rebooted > %s"]
          devices:
            - kind: simulated
              hashesPerSecond: 200000
          """
              .formatted(mosquitto.url(), spool, dir.resolve("rebooted")));
      List<String> command = new ArrayList<>();
      command.add(ProcessHandle.current().info().command().orElse("java"));
      command.addAll(List.of("-Xmx32m", "-Xss256k", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"));
      command.addAll(
          List.of(
              "-cp",
              System.getProperty(
                  "surefire.test.class.path", System.getProperty("java.class.path"))));
      command.addAll(List.of(AgentCli.class.getName(), "run", "--config", config.toString()));
      Path log = dir.resolve("agent.log");
      Process agent =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(log.toFile())
              .start();
      try {
        await()
            .atMost(Duration.ofSeconds(30))
            .until(() -> !probe.from("rig-proc", TopicKind.BIRTH).isEmpty());
        BirthMessage birth = probe.<BirthMessage>from("rig-proc", TopicKind.BIRTH).get(0);
        assertThat(birth.devices()).hasSize(1);
        await().until(() -> lastStatus(probe) == RigState.ONLINE);
        await().until(() -> probe.from("rig-proc", TopicKind.TELEMETRY).size() >= 3);

        probe.publishWork("rig-proc", TestWork.assignment("proc-job", 1e-5, true, "11"));
        await()
            .atMost(Duration.ofSeconds(60))
            .until(() -> !probe.from("rig-proc", TopicKind.SHARES).isEmpty());

        long now = System.currentTimeMillis();
        probe.publishCommand(
            "rig-proc", new CommandMessage(now, "p-1", "reboot", Map.of(), now, now + 60_000));
        await()
            .atMost(Duration.ofSeconds(20))
            .until(() ->
                probe.<CommandResultMessage>from("rig-proc", TopicKind.CMD_RESULT).stream()
                    .anyMatch(r -> r.status() == CommandStatus.SUCCEEDED));
        assertThat(Files.readString(dir.resolve("rebooted")).strip()).isEqualTo("rebooted");

        // a second agent on the same spool directory is refused, the first keeps running
        StringWriter err = new StringWriter();
        int exit =
            AgentCli.execute(
                new PrintWriter(new StringWriter()),
                new PrintWriter(err),
                "run",
                "--config",
                config.toString());
        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("is in use by another agent process");
        assertThat(agent.isAlive()).isTrue();

        agent.destroy(); // SIGTERM, as systemd stops it
        assertThat(agent.waitFor(20, TimeUnit.SECONDS)).isTrue();
        assertThat(agent.exitValue()).isIn(0, 143);
        await().until(() -> lastStatus(probe) == RigState.OFFLINE);
        List<StatusMessage> statuses = probe.from("rig-proc", TopicKind.STATUS);
        assertThat(statuses.get(statuses.size() - 1).reason()).isEqualTo("shutdown");
        String output = Files.readString(log);
        assertThat(output).contains("rig rig-proc").contains("started in").contains("stopping");
        assertThat(output).doesNotContain("Exception");
        System.out.println("agent process log:\n" + output);
      } finally {
        agent.destroyForcibly();
      }
    }
  }

  private static RigState lastStatus(ControllerProbe probe) {
    List<StatusMessage> statuses = probe.from("rig-proc", TopicKind.STATUS);
    return statuses.isEmpty() ? null : statuses.get(statuses.size() - 1).state();
  }
}
