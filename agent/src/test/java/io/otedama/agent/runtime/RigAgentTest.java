package io.otedama.agent.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.otedama.agent.command.ExecutedCommands;
import io.otedama.agent.command.RebootAction;
import io.otedama.agent.command.SystemReboot;
import io.otedama.agent.config.DeviceConfig;
import io.otedama.agent.device.MiningDevice;
import io.otedama.agent.device.PowerMode;
import io.otedama.agent.device.simulated.SimulatedDevice;
import io.otedama.agent.link.LinkSettings;
import io.otedama.agent.spool.DiskSpool;
import io.otedama.agent.spool.MemorySpool;
import io.otedama.agent.spool.Spool;
import io.otedama.agent.testing.BrokerAccounts;
import io.otedama.agent.testing.ControllerProbe;
import io.otedama.agent.testing.CuttableProxy;
import io.otedama.agent.testing.HiveMqBroker;
import io.otedama.agent.testing.TestWork;
import io.otedama.protocol.message.BirthMessage;
import io.otedama.protocol.message.CommandMessage;
import io.otedama.protocol.message.CommandResultMessage;
import io.otedama.protocol.message.CommandStatus;
import io.otedama.protocol.message.HardwareIdentity;
import io.otedama.protocol.message.Share;
import io.otedama.protocol.message.ShareBatchMessage;
import io.otedama.protocol.message.TelemetryMessage;
import io.otedama.protocol.message.WorkAssignmentMessage;
import io.otedama.protocol.topic.TopicKind;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One rig agent end to end against a real HiveMQ (per-rig logins and ACL) and the test's stand-in
 * for the controller: birth, telemetry, real shares on assigned work, every command type, repeated
 * and malformed input, the spool through a network cut and across a restart.
 */
class RigAgentTest {
  static final double DIFFICULTY = 2.5e-6; // about 10,700 hashes per share
  static final AtomicInteger RIGS = new AtomicInteger();

  static BrokerAccounts accounts;
  static HiveMqBroker broker;
  static AgentEnvironment env;

  @TempDir Path dir;
  ControllerProbe probe;
  final List<AutoCloseable> closeables = new ArrayList<>();

  @BeforeAll
  static void startBroker() throws Exception {
    broker = HiveMqBroker.shared();
    accounts = broker.accounts();
    env = AgentEnvironment.standard("test-agent");
  }

  @AfterAll
  static void stopEnvironment() {
    env.close();
  }

  @BeforeEach
  void probe() throws Exception {
    probe = new ControllerProbe(broker.url());
  }

  @AfterEach
  void closeAll() throws Exception {
    for (AutoCloseable c : closeables.reversed()) {
      c.close();
    }
    probe.close();
  }

  record Rig(String id, RigAgent agent) {}

  Rig rig(String brokerUrl, Spool spool, ExecutedCommands executed, RebootAction reboot, Path led) {
    String rigId = "rig-t" + RIGS.incrementAndGet();
    return rig(rigId, brokerUrl, spool, executed, reboot, led);
  }

  Rig rig(
      String rigId,
      String brokerUrl,
      Spool spool,
      ExecutedCommands executed,
      RebootAction reboot,
      Path led) {
    accounts.put(rigId, "pw-" + rigId);
    LinkSettings link =
        new LinkSettings(
            URI.create(brokerUrl),
            rigId,
            rigId,
            "pw-" + rigId,
            Duration.ofSeconds(10),
            Duration.ofMinutes(10),
            Duration.ofSeconds(5),
            Duration.ofMillis(200),
            Duration.ofSeconds(1),
            null);
    DeviceConfig.Simulated device =
        new DeviceConfig.Simulated(
            "sim0", "Simulated S19", 110e12, 3250, 25, 45, 400_000, DeviceConfig.Failure.NONE);
    RigAgent.Setup setup =
        new RigAgent.Setup(
            link,
            new HardwareIdentity("hw-" + rigId, "02:00:00:00:00:01", null, "Simulated S19", "test"),
            "test",
            sink ->
                List.<MiningDevice>of(
                    new SimulatedDevice(device, sink, env.simulatedHashing(), env.clock(), 7)),
            spool,
            executed,
            BirthSequence.inMemory(),
            Duration.ofMillis(100),
            null,
            reboot,
            led,
            Duration.ofMillis(100));
    RigAgent agent = new RigAgent(setup, env);
    closeables.add(agent);
    return new Rig(rigId, agent);
  }

  Rig startedRig() {
    Rig rig =
        rig(
            broker.url(),
            new MemorySpool(1 << 20),
            ExecutedCommands.inMemory(100),
            okReboot(),
            null);
    rig.agent().start();
    await().atMost(Duration.ofSeconds(20)).until(() -> rig.agent().link().isConnected());
    return rig;
  }

  RebootAction okReboot() {
    return new SystemReboot(List.of("true"), Duration.ofSeconds(10));
  }

  CommandMessage command(String id, String type, Map<String, Object> args) {
    long now = System.currentTimeMillis();
    return new CommandMessage(now, id, type, args, now, now + 60_000);
  }

  List<CommandResultMessage> results(String rigId, String commandId) {
    return probe.<CommandResultMessage>from(rigId, TopicKind.CMD_RESULT).stream()
        .filter(r -> r.id().equals(commandId))
        .toList();
  }

  CommandResultMessage finalResult(String rigId, String commandId) {
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() ->
            results(rigId, commandId).stream().anyMatch(r -> r.status() != CommandStatus.ACKED));
    return results(rigId, commandId).stream()
        .filter(r -> r.status() != CommandStatus.ACKED)
        .findFirst()
        .orElseThrow();
  }

  List<Share> shares(String rigId) {
    List<Share> out = new ArrayList<>();
    for (ShareBatchMessage batch : probe.<ShareBatchMessage>from(rigId, TopicKind.SHARES)) {
      out.addAll(batch.shares());
    }
    return out;
  }

  @Test
  void reportsBirthTelemetryAndRealSharesOnTheAssignedWork() throws Exception {
    Rig rig = startedRig();
    await().until(() -> probe.from(rig.id(), TopicKind.BIRTH).size() == 1);
    BirthMessage birth = probe.<BirthMessage>from(rig.id(), TopicKind.BIRTH).get(0);
    assertThat(birth.devices())
        .extracting(d -> d.id() + "/" + d.kind())
        .containsExactly("sim0/simulated");
    assertThat(birth.hardware().hardwareId()).isEqualTo("hw-" + rig.id());
    assertThat(birth.capabilities()).contains("spool", "cmd:reboot", "cmd:blink-led");

    await().until(() -> probe.from(rig.id(), TopicKind.TELEMETRY).size() >= 2);
    TelemetryMessage idle = probe.<TelemetryMessage>from(rig.id(), TopicKind.TELEMETRY).get(0);
    assertThat(idle.devices())
        .singleElement()
        .satisfies(d -> assertThat(d.status()).isEqualTo("idle"));

    WorkAssignmentMessage work = TestWork.assignment("job-1", DIFFICULTY, true, "a7");
    probe.publishWork(rig.id(), work);
    await().atMost(Duration.ofSeconds(60)).until(() -> shares(rig.id()).size() >= 3);
    List<Share> found = shares(rig.id());
    Set<String> ids = new HashSet<>();
    for (Share s : found) {
      assertThat(s.jobId()).isEqualTo("job-1");
      assertThat(s.extranonce2()).startsWith("a7").hasSize(8);
      assertThat(s.deviceId()).isEqualTo("sim0");
      // the controller's check: rebuild the header, hash it, compare
      assertThat(TestWork.realDifficulty(work, s)).isGreaterThanOrEqualTo(DIFFICULTY);
      assertThat(s.difficulty())
          .isCloseTo(
              TestWork.realDifficulty(work, s),
              org.assertj.core.data.Percentage.withPercentage(1e-6));
      assertThat(ids.add(s.shareId())).as("share ids are unique").isTrue();
    }
    await()
        .until(() -> {
          List<TelemetryMessage> t = probe.from(rig.id(), TopicKind.TELEMETRY);
          TelemetryMessage last = t.get(t.size() - 1);
          return last.devices().get(0).status().equals("mining")
              && last.hashrateHs() > 1e13
              && last.accepted() > 0;
        });
    TelemetryMessage mining =
        probe.<TelemetryMessage>from(rig.id(), TopicKind.TELEMETRY).reversed().get(0);
    assertThat(mining.temperatureC()).isBetween(-50.0, 200.0);
    assertThat(mining.powerW()).isPositive();
    assertThat(mining.fanRpm()).isPositive();
  }

  @Test
  void aCleanJobSwitchesAtOnce() throws Exception {
    Rig rig = startedRig();
    probe.publishWork(rig.id(), TestWork.assignment("old", DIFFICULTY, true, "01"));
    await().atMost(Duration.ofSeconds(60)).until(() -> !shares(rig.id()).isEmpty());
    probe.publishWork(rig.id(), TestWork.assignment("new", DIFFICULTY, true, "02"));
    await().until(() -> rig.agent().currentWork().jobId().equals("new"));
    long switched = System.currentTimeMillis();
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> shares(rig.id()).stream().filter(s -> s.jobId().equals("new")).count() >= 3);
    // nothing of the old job was found after the switch
    assertThat(shares(rig.id()))
        .filteredOn(s -> s.foundAt() > switched)
        .isNotEmpty()
        .allSatisfy(s -> assertThat(s.jobId()).isEqualTo("new"));
  }

  @Test
  void answersEveryCommandType() throws Exception {
    Path led = Files.createDirectories(dir.resolve("sys/class/leds/rig-locator"));
    Files.writeString(led.resolve("trigger"), "none");
    Files.writeString(led.resolve("brightness"), "0");
    Path rebooted = dir.resolve("rebooted");
    Rig rig =
        rig(
            broker.url(),
            new MemorySpool(1 << 20),
            ExecutedCommands.inMemory(100),
            new SystemReboot(
                List.of("sh", "-c", "echo reboot >> " + rebooted), Duration.ofSeconds(10)),
            led);
    rig.agent().start();
    await().atMost(Duration.ofSeconds(20)).until(() -> rig.agent().link().isConnected());
    probe.publishWork(rig.id(), TestWork.assignment("job-c", DIFFICULTY, true, "03"));
    SimulatedDevice device = (SimulatedDevice) rig.agent().devices().get(0);

    probe.publishCommand(rig.id(), command("c-reboot", "reboot", Map.of()));
    assertThat(finalResult(rig.id(), "c-reboot").status()).isEqualTo(CommandStatus.SUCCEEDED);
    assertThat(Files.readAllLines(rebooted)).containsExactly("reboot");
    assertThat(results(rig.id(), "c-reboot").get(0).status()).isEqualTo(CommandStatus.ACKED);

    probe.publishCommand(rig.id(), command("c-stop", "stop", Map.of()));
    assertThat(finalResult(rig.id(), "c-stop").status()).isEqualTo(CommandStatus.SUCCEEDED);
    assertThat(device.state().word()).isEqualTo("stopped");

    probe.publishCommand(rig.id(), command("c-start", "start", Map.of()));
    assertThat(finalResult(rig.id(), "c-start").status()).isEqualTo(CommandStatus.SUCCEEDED);
    assertThat(device.state().word()).isEqualTo("mining");

    probe.publishCommand(rig.id(), command("c-restart", "restart-miner", Map.of("device", "sim0")));
    CommandResultMessage restarted = finalResult(rig.id(), "c-restart");
    assertThat(restarted.status()).isEqualTo(CommandStatus.SUCCEEDED);
    assertThat(restarted.details()).containsEntry("devices", Map.of("sim0", "ok"));

    probe.publishCommand(
        rig.id(),
        command(
            "c-pool",
            "set-pool",
            Map.of(
                "pools",
                List.of(Map.of("url", "stratum+tcp://pool.example:3333", "user", "farm.rig1")))));
    assertThat(finalResult(rig.id(), "c-pool").status()).isEqualTo(CommandStatus.SUCCEEDED);
    assertThat(device.pools())
        .extracting(p -> p.url())
        .containsExactly("stratum+tcp://pool.example:3333");

    probe.publishCommand(rig.id(), command("c-power", "set-power-mode", Map.of("mode", "low")));
    assertThat(finalResult(rig.id(), "c-power").status()).isEqualTo(CommandStatus.SUCCEEDED);
    assertThat(device.powerMode()).isEqualTo(PowerMode.LOW);

    probe.publishCommand(rig.id(), command("c-led", "blink-led", Map.of("seconds", 5L)));
    assertThat(finalResult(rig.id(), "c-led").status()).isEqualTo(CommandStatus.SUCCEEDED);
    assertThat(Files.readString(led.resolve("trigger"))).isEqualTo("timer");
    assertThat(device.ledBlinking()).isTrue();

    // failures say why
    probe.publishCommand(rig.id(), command("c-turbo", "set-power-mode", Map.of("mode", "turbo")));
    CommandResultMessage turbo = finalResult(rig.id(), "c-turbo");
    assertThat(turbo.status()).isEqualTo(CommandStatus.FAILED);
    assertThat(turbo.message()).contains("sleep, low (eco), normal or high").contains("turbo");

    probe.publishCommand(rig.id(), command("c-unknown", "self-destruct", Map.of()));
    CommandResultMessage unknown = finalResult(rig.id(), "c-unknown");
    assertThat(unknown.status()).isEqualTo(CommandStatus.FAILED);
    assertThat(unknown.message())
        .contains("unknown command type 'self-destruct'")
        .contains("restart-miner");

    probe.publishCommand(
        rig.id(), command("c-nodevice", "restart-miner", Map.of("device", "gpu7")));
    assertThat(finalResult(rig.id(), "c-nodevice").message())
        .contains("no device 'gpu7'")
        .contains("sim0");

    long now = System.currentTimeMillis();
    probe.publishCommand(
        rig.id(),
        new CommandMessage(now, "c-old", "reboot", Map.of(), now - 120_000, now - 60_000));
    CommandResultMessage expired = finalResult(rig.id(), "c-old");
    assertThat(expired.status()).isEqualTo(CommandStatus.FAILED);
    assertThat(expired.message()).startsWith("expired");
    assertThat(Files.readAllLines(rebooted)).hasSize(1);

    SystemReboot failing =
        new SystemReboot(
            List.of("sh", "-c", "echo 'Access denied' >&2; exit 1"), Duration.ofSeconds(10));
    assertThat(failing.reboot().message()).contains("exited with 1").contains("Access denied");
  }

  @Test
  void aCommandIdSeenTwiceRunsOnceAlsoAfterARestart() throws Exception {
    Path rebooted = dir.resolve("rebooted");
    Path remembered = dir.resolve("commands.log");
    SystemReboot reboot =
        new SystemReboot(List.of("sh", "-c", "echo reboot >> " + rebooted), Duration.ofSeconds(10));
    String rigId = "rig-dup" + RIGS.incrementAndGet();
    Rig rig =
        rig(
            rigId,
            broker.url(),
            new MemorySpool(1 << 20),
            ExecutedCommands.persistent(remembered, 100),
            reboot,
            null);
    rig.agent().start();
    await().atMost(Duration.ofSeconds(20)).until(() -> rig.agent().link().isConnected());

    CommandMessage once = command("c-once", "reboot", Map.of());
    probe.publishCommand(rigId, once);
    assertThat(finalResult(rigId, "c-once").status()).isEqualTo(CommandStatus.SUCCEEDED);
    probe.publishCommand(rigId, once);
    await()
        .until(() ->
            results(rigId, "c-once").stream().anyMatch(r -> r.details().containsKey("duplicate")));
    CommandResultMessage again =
        results(rigId, "c-once").stream()
            .filter(r -> r.details().containsKey("duplicate"))
            .findFirst()
            .orElseThrow();
    assertThat(again.status()).isEqualTo(CommandStatus.SUCCEEDED);
    assertThat(Files.readAllLines(rebooted)).hasSize(1);

    // the agent restarts (as after the reboot) and the command comes again
    rig.agent().close();
    Rig restarted =
        rig(
            rigId,
            broker.url(),
            new MemorySpool(1 << 20),
            ExecutedCommands.persistent(remembered, 100),
            reboot,
            null);
    restarted.agent().start();
    await().atMost(Duration.ofSeconds(20)).until(() -> restarted.agent().link().isConnected());
    probe.publishCommand(rigId, once);
    await()
        .until(() ->
            results(rigId, "c-once").stream()
                    .filter(r -> r.details().containsKey("duplicate"))
                    .count()
                == 2);
    assertThat(Files.readAllLines(rebooted)).hasSize(1);
    assertThat(restarted.agent().commands().duplicates()).isEqualTo(1);
  }

  @Test
  void malformedCommandsAndWorkAreAnsweredAndTheAgentKeepsRunning() throws Exception {
    Rig rig = startedRig();
    WorkAssignmentMessage good = TestWork.assignment("job-good", DIFFICULTY, true, "04");
    probe.publishWork(rig.id(), good);
    await().until(() -> rig.agent().currentWork() != null);
    String cmd = "otedama/v1/rigs/" + rig.id() + "/cmd";
    String workTopic = "otedama/v1/rigs/" + rig.id() + "/work";

    probe.publishRaw(
        cmd,
        "this is not json".getBytes(StandardCharsets.UTF_8),
        false,
        "bad-1".getBytes(StandardCharsets.UTF_8));
    CommandResultMessage notJson = finalResult(rig.id(), "bad-1");
    assertThat(notJson.status()).isEqualTo(CommandStatus.FAILED);
    assertThat(notJson.message()).startsWith("rejected: ");
    assertThat(notJson.details()).containsEntry("reason", "bad_json");

    long now = System.currentTimeMillis();
    String noType =
        "{\"v\":1,\"ts\":"
            + now
            + ",\"id\":\"c-9\",\"issuedAt\":"
            + now
            + ",\"expiresAt\":"
            + (now + 1000)
            + "}";
    probe.publishRaw(cmd, noType.getBytes(StandardCharsets.UTF_8), false, null);
    CommandResultMessage missing = finalResult(rig.id(), "c-9");
    assertThat(missing.details())
        .containsEntry("reason", "missing_field")
        .containsEntry("field", "type");

    probe.publishRaw(cmd, "{\"v\":2}".getBytes(StandardCharsets.UTF_8), false, null);
    assertThat(finalResult(rig.id(), "unknown").details()).containsEntry("reason", "bad_version");

    probe.publishRaw(workTopic, "{]".getBytes(StandardCharsets.UTF_8), true, null);
    assertThat(finalResult(rig.id(), "work:?").message()).contains("still mining the previous one");

    String badPrevhash =
        new String(env.codec().encode(good), StandardCharsets.UTF_8)
            .replace(TestWork.PREVHASH, "abcd")
            .replace("job-good", "job-bad");
    probe.publishRaw(workTopic, badPrevhash.getBytes(StandardCharsets.UTF_8), true, null);
    CommandResultMessage badWork = finalResult(rig.id(), "work:job-bad");
    assertThat(badWork.status()).isEqualTo(CommandStatus.FAILED);
    assertThat(badWork.details()).containsEntry("topic", "work").containsKey("reason");
    assertThat(rig.agent().currentWork().jobId()).isEqualTo("job-good");
    assertThat(rig.agent().workRejected()).isEqualTo(2);

    // still alive: telemetry flows, shares come, a command works
    int telemetry = probe.from(rig.id(), TopicKind.TELEMETRY).size();
    await().until(() -> probe.from(rig.id(), TopicKind.TELEMETRY).size() > telemetry + 2);
    await().atMost(Duration.ofSeconds(60)).until(() -> !shares(rig.id()).isEmpty());
    probe.publishCommand(rig.id(), command("c-after", "stop", Map.of()));
    assertThat(finalResult(rig.id(), "c-after").status()).isEqualTo(CommandStatus.SUCCEEDED);
    assertThat(rig.agent().link().connects()).isEqualTo(1);
  }

  @Test
  void spoolsWhileTheNetworkIsCutAndReplaysInOrderWithEveryShareOnceUnderOneId() throws Exception {
    CuttableProxy proxy = new CuttableProxy(broker.port());
    closeables.add(proxy);
    Rig rig =
        rig(
            proxy.url(),
            new DiskSpool(dir.resolve("spool"), 4 << 20),
            ExecutedCommands.inMemory(100),
            okReboot(),
            null);
    rig.agent().start();
    await().atMost(Duration.ofSeconds(20)).until(() -> rig.agent().link().isConnected());
    probe.publishWork(rig.id(), TestWork.assignment("job-s", DIFFICULTY, true, "05"));
    await().atMost(Duration.ofSeconds(60)).until(() -> !shares(rig.id()).isEmpty());

    proxy.cut();
    await().until(() -> !rig.agent().link().isConnected());
    long telemetryAtCut = rig.agent().telemetrySent();
    long sharesAtCut = rig.agent().sharesFound();
    // the rig keeps working offline: telemetry and shares pile up in the spool
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() ->
            rig.agent().telemetrySent() >= telemetryAtCut + 10
                && rig.agent().sharesFound() >= sharesAtCut + 3);
    assertThat(rig.agent().outbox().spool().stats().records()).isGreaterThanOrEqualTo(10);

    proxy.restore();
    await().atMost(Duration.ofSeconds(30)).until(() -> rig.agent().link().isConnected());
    await().atMost(Duration.ofSeconds(30)).until(() -> rig.agent().outbox().spool().isEmpty());
    rig.agent().close();

    List<TelemetryMessage> telemetry = probe.from(rig.id(), TopicKind.TELEMETRY);
    for (int i = 1; i < telemetry.size(); i++) {
      assertThat(telemetry.get(i).ts())
          .as("telemetry in order")
          .isGreaterThanOrEqualTo(telemetry.get(i - 1).ts());
    }
    assertThat((long) telemetry.size()).isGreaterThanOrEqualTo(telemetryAtCut + 10);
    Map<String, String> idByShare = new HashMap<>();
    for (Share s : shares(rig.id())) {
      String key = s.jobId() + "/" + s.extranonce2() + "/" + s.ntime() + "/" + s.nonce();
      String previous = idByShare.putIfAbsent(key, s.shareId());
      assertThat(previous == null || previous.equals(s.shareId()))
          .as("a replayed share keeps its id")
          .isTrue();
    }
    assertThat(new HashSet<>(idByShare.values())).hasSize(idByShare.size());
    assertThat((long) idByShare.size()).isEqualTo(rig.agent().sharesFound());
  }

  @Test
  void whatWasSpooledOnDiskIsDeliveredAfterTheAgentRestarts() throws Exception {
    CuttableProxy proxy = new CuttableProxy(broker.port());
    closeables.add(proxy);
    proxy.cut(); // the broker is unreachable from the start
    Path spoolDir = dir.resolve("spool");
    String rigId = "rig-restart" + RIGS.incrementAndGet();
    Rig first =
        rig(
            rigId,
            proxy.url(),
            new DiskSpool(spoolDir, 4 << 20),
            ExecutedCommands.inMemory(10),
            okReboot(),
            null);
    first.agent().start();
    await().atMost(Duration.ofSeconds(20)).until(() -> first.agent().telemetrySent() >= 5);
    first.agent().close();
    long spooled = first.agent().outbox().spool().stats().records();
    long restartedAt = System.currentTimeMillis();

    proxy.restore();
    Rig second =
        rig(
            rigId,
            proxy.url(),
            new DiskSpool(spoolDir, 4 << 20),
            ExecutedCommands.inMemory(10),
            okReboot(),
            null);
    second.agent().start();
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() ->
            probe.<TelemetryMessage>from(rigId, TopicKind.TELEMETRY).stream()
                    .filter(t -> t.ts() < restartedAt)
                    .count()
                >= spooled);
    List<TelemetryMessage> old =
        probe.<TelemetryMessage>from(rigId, TopicKind.TELEMETRY).stream()
            .filter(t -> t.ts() < restartedAt)
            .toList();
    assertThat(old).hasSize((int) spooled);
    for (int i = 1; i < old.size(); i++) {
      assertThat(old.get(i).ts()).isGreaterThanOrEqualTo(old.get(i - 1).ts());
    }
  }
}
