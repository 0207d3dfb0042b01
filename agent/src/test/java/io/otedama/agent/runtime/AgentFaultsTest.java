package io.otedama.agent.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.otedama.agent.command.ExecutedCommands;
import io.otedama.agent.command.SystemReboot;
import io.otedama.agent.config.DeviceConfig;
import io.otedama.agent.device.MiningDevice;
import io.otedama.agent.device.simulated.SimulatedDevice;
import io.otedama.agent.link.LinkSettings;
import io.otedama.agent.link.LinkState;
import io.otedama.agent.spool.DiskSpool;
import io.otedama.agent.spool.Spool;
import io.otedama.agent.spool.SpoolStats;
import io.otedama.agent.testing.BrokerAccounts;
import io.otedama.agent.testing.ControllerProbe;
import io.otedama.agent.testing.CuttableProxy;
import io.otedama.agent.testing.HiveMqBroker;
import io.otedama.agent.testing.MosquittoBroker;
import io.otedama.agent.testing.TestWork;
import io.otedama.protocol.message.BirthMessage;
import io.otedama.protocol.message.CommandMessage;
import io.otedama.protocol.message.CommandResultMessage;
import io.otedama.protocol.message.CommandStatus;
import io.otedama.protocol.message.HardwareIdentity;
import io.otedama.protocol.message.Share;
import io.otedama.protocol.message.ShareBatchMessage;
import io.otedama.protocol.message.TelemetryMessage;
import io.otedama.protocol.topic.TopicKind;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The faults a rig nobody looks at must live through, each with the whole agent over a real HiveMQ:
 * the broker gone for a long time, the controller (and with it its embedded broker) restarting, the
 * disk filling up. Time is compressed, not waited out: reconnect backoff of 20–200 ms instead of
 * 1–60 s and telemetry every 25 ms instead of 10 s, so a few seconds here are dozens of backoff
 * windows and hundreds of telemetry intervals, which is what minutes offline are for a real rig.
 */
class AgentFaultsTest {
  static final double DIFFICULTY = 1e-5;
  static final AtomicInteger RIGS = new AtomicInteger();

  static HiveMqBroker broker;
  static AgentEnvironment env;

  @TempDir Path dir;
  final List<AutoCloseable> closeables = new ArrayList<>();

  @BeforeAll
  static void start() throws Exception {
    broker = HiveMqBroker.shared();
    env = AgentEnvironment.standard("faults");
  }

  @AfterAll
  static void stop() {
    env.close();
  }

  @AfterEach
  void closeAll() throws Exception {
    for (AutoCloseable c : closeables.reversed()) {
      c.close();
    }
  }

  RigAgent rig(String brokerUrl, Spool spool) {
    String rigId = "rig-f" + RIGS.incrementAndGet();
    broker.accounts().put(rigId, "pw-" + rigId);
    return rig(rigId, brokerUrl, spool);
  }

  RigAgent rig(String rigId, String brokerUrl, Spool spool) {
    LinkSettings link =
        new LinkSettings(
            URI.create(brokerUrl),
            rigId,
            rigId,
            "pw-" + rigId,
            Duration.ofSeconds(10),
            Duration.ofMinutes(10),
            Duration.ofSeconds(2),
            Duration.ofMillis(20),
            Duration.ofMillis(200),
            null);
    DeviceConfig.Simulated device =
        new DeviceConfig.Simulated(
            "sim0", "Simulated S19", 110e12, 3250, 25, 45, 400_000, DeviceConfig.Failure.NONE);
    RigAgent agent =
        new RigAgent(
            new RigAgent.Setup(
                link,
                new HardwareIdentity("hw-" + rigId, null, null, "Simulated S19", "test"),
                "test",
                sink ->
                    List.<MiningDevice>of(
                        new SimulatedDevice(device, sink, env.simulatedHashing(), env.clock(), 3)),
                spool,
                ExecutedCommands.inMemory(100),
                BirthSequence.inMemory(),
                Duration.ofMillis(25),
                null,
                new SystemReboot(List.of("true"), Duration.ofSeconds(5)),
                null,
                Duration.ofMillis(50)),
            env);
    closeables.add(agent);
    return agent;
  }

  ControllerProbe probe() throws Exception {
    return probe(broker.url());
  }

  ControllerProbe probe(String brokerUrl) throws Exception {
    ControllerProbe probe = new ControllerProbe(brokerUrl);
    closeables.add(probe);
    return probe;
  }

  static List<Share> shares(ControllerProbe probe, String rigId) {
    List<Share> out = new ArrayList<>();
    for (ShareBatchMessage batch : probe.<ShareBatchMessage>from(rigId, TopicKind.SHARES)) {
      out.addAll(batch.shares());
    }
    return out;
  }

  /** Stops finding shares, then closes: the close delivers everything spooled before it. */
  static void stopMiningAndClose(RigAgent agent) {
    agent.devices().forEach(MiningDevice::stop);
    agent.close(Duration.ofSeconds(10));
  }

  /**
   * Every share the rig found arrived under one id of its own. Delivery is at least once: a share
   * whose acknowledgement the cut swallowed comes again, under the same id (the controller drops an
   * id it has seen), so arrivals may exceed finds, but never by more than one outbox window.
   */
  static void assertEveryShareOnce(ControllerProbe probe, RigAgent agent) {
    await()
        .until(() ->
            shares(probe, agent.rigId()).stream().map(Share::shareId).distinct().count()
                >= agent.sharesFound());
    List<Share> received = shares(probe, agent.rigId());
    Map<String, String> idByShare = new java.util.HashMap<>();
    for (Share s : received) {
      String key = s.jobId() + "/" + s.extranonce2() + "/" + s.ntime() + "/" + s.nonce();
      String previous = idByShare.putIfAbsent(key, s.shareId());
      assertThat(previous == null || previous.equals(s.shareId()))
          .as("a re-sent share keeps its id")
          .isTrue();
    }
    Set<String> ids = new HashSet<>(idByShare.values());
    assertThat(ids).hasSize(idByShare.size());
    assertThat((long) ids.size()).isEqualTo(agent.sharesFound());
    assertThat(received.size() - ids.size()).as("re-sent shares").isLessThanOrEqualTo(16);
  }

  @Test
  void theBrokerGoneForDozensOfBackoffWindowsFillsTheSpoolToItsLimitAndNoShareIsLost()
      throws Exception {
    ControllerProbe probe = probe();
    CuttableProxy proxy = new CuttableProxy(broker.port());
    closeables.add(proxy);
    long limit = 32 * 1024;
    DiskSpool spool = new DiskSpool(dir.resolve("spool"), limit);
    RigAgent agent = rig(proxy.url(), spool);
    agent.start();
    await().atMost(Duration.ofSeconds(20)).until(() -> agent.link().isConnected());
    probe.publishWork(agent.rigId(), TestWork.assignment("job-away", DIFFICULTY, true, "0a"));
    await().atMost(Duration.ofSeconds(30)).until(() -> !shares(probe, agent.rigId()).isEmpty());

    proxy.cut();
    long failuresAtCut = agent.link().connectFailures();
    long sharesAtCut = agent.sharesFound();
    // Dozens of refused attempts: the backoff is capped, the loop never gives up. Meanwhile the
    // rig keeps mining and reporting, and the spool reaches its limit and drops old telemetry.
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() ->
            agent.link().connectFailures() >= failuresAtCut + 25
                && spool.stats().droppedTelemetry() > 0
                && agent.sharesFound() >= sharesAtCut + 3);
    SpoolStats offline = spool.stats();
    assertThat(offline.bytes()).isLessThanOrEqualTo(limit);
    assertThat(offline.droppedOther()).as("no share dropped while telemetry could go").isZero();
    assertThat(agent.link().state()).isNotEqualTo(LinkState.CLOSED);
    assertThat(agent.link().lastError()).isNotBlank();
    long telemetryOffline = agent.telemetrySent();
    await().until(() -> agent.telemetrySent() > telemetryOffline + 5); // still reporting

    proxy.restore();
    await().atMost(Duration.ofSeconds(10)).until(() -> agent.link().isConnected());
    stopMiningAndClose(agent); // delivers what is spooled, then stops
    assertThat(spool.isEmpty()).isTrue();
    assertEveryShareOnce(probe, agent);
    long dropped = spool.stats().droppedTelemetry();
    await()
        .until(() ->
            probe.from(agent.rigId(), TopicKind.TELEMETRY).size() + dropped
                >= agent.telemetrySent());
    List<TelemetryMessage> telemetry = probe.from(agent.rigId(), TopicKind.TELEMETRY);
    for (int i = 1; i < telemetry.size(); i++) {
      assertThat(telemetry.get(i).ts()).isGreaterThanOrEqualTo(telemetry.get(i - 1).ts());
    }
    // What was not dropped arrived: the newest telemetry survives, the oldest made room. At least
    // once: what was in flight at the cut may come twice, at most one outbox window of it.
    assertThat(telemetry.size() + dropped - agent.telemetrySent()).isBetween(0L, 16L);
  }

  /**
   * The controller restarts with its broker (here Mosquitto without persistence, which restarts in
   * milliseconds; HiveMQ in memory, the controller's embedded default, forgets the same way): every
   * session, subscription and retained message is gone. In-flight messages must not poison the new
   * connection (Paho's topic-alias re-send did, with 0x94 on every reconnect), subscriptions come
   * back, what was spooled meanwhile arrives, and the new controller's work and commands work.
   */
  @Test
  void aControllerRestartLosesEveryBrokerSessionAndTheRigPicksUpWhatTheNewOneSends()
      throws Exception {
    BrokerAccounts accounts = new BrokerAccounts();
    String rigId = "rig-f" + RIGS.incrementAndGet();
    accounts.put(rigId, "pw-" + rigId);
    MosquittoBroker mosquitto = MosquittoBroker.start(dir.resolve("mosquitto"), accounts);
    closeables.add(mosquitto);
    ControllerProbe before = probe(mosquitto.url());
    CuttableProxy proxy = new CuttableProxy(mosquitto.port());
    closeables.add(proxy);
    RigAgent agent = rig(rigId, proxy.url(), new DiskSpool(dir.resolve("spool"), 1 << 20));
    agent.start();
    await().atMost(Duration.ofSeconds(20)).until(() -> agent.link().isConnected());
    before.publishWork(rigId, TestWork.assignment("job-before", DIFFICULTY, true, "0b"));
    await().until(() -> agent.currentWork() != null);
    await().atMost(Duration.ofSeconds(30)).until(() -> !shares(before, rigId).isEmpty());

    // The link goes silent mid-stream (telemetry every 25 ms, shares), so messages are in
    // flight; then the controller is down, and unreachable until it is up again.
    proxy.stall();
    long telemetryAtStall = agent.telemetrySent();
    await().until(() -> agent.telemetrySent() > telemetryAtStall + 4);
    proxy.cut();
    mosquitto.restart();
    long spooledFrom = System.currentTimeMillis();
    ControllerProbe after = probe(mosquitto.url());
    long telemetryAtRestart = agent.telemetrySent();
    await().until(() -> agent.telemetrySent() > telemetryAtRestart + 3);
    proxy.restore();

    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> after.from(rigId, TopicKind.BIRTH).size() == 1);
    BirthMessage birth = after.<BirthMessage>from(rigId, TopicKind.BIRTH).get(0);
    assertThat(birth.seq()).isGreaterThan(1);
    // what the rig reported while the controller was away arrives
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() ->
            after.<TelemetryMessage>from(rigId, TopicKind.TELEMETRY).stream()
                .anyMatch(t -> t.ts() < spooledFrom + 50));
    // it kept mining the old job meanwhile; the new controller's work and commands reach it
    assertThat(agent.currentWork().jobId()).isEqualTo("job-before");
    after.publishWork(rigId, TestWork.assignment("job-after", DIFFICULTY, true, "0c"));
    await().until(() -> agent.currentWork().jobId().equals("job-after"));
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> shares(after, rigId).stream().anyMatch(s -> s.jobId().equals("job-after")));
    long now = System.currentTimeMillis();
    after.publishCommand(
        rigId, new CommandMessage(now, "c-after-restart", "stop", Map.of(), now, now + 60_000));
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() ->
            after.<CommandResultMessage>from(rigId, TopicKind.CMD_RESULT).stream()
                .anyMatch(r ->
                    r.id().equals("c-after-restart") && r.status() == CommandStatus.SUCCEEDED));
    assertThat(agent.link().connects()).isEqualTo(2);
  }

  @Test
  void aFullDiskWhileOfflineKeepsTheRigRunningAndNothingIsLostOnceThereIsRoom() throws Exception {
    ControllerProbe probe = probe();
    CuttableProxy proxy = new CuttableProxy(broker.port());
    closeables.add(proxy);
    Path spoolDir = dir.resolve("spool");
    DiskSpool spool = new DiskSpool(spoolDir, 256 * 1024);
    RigAgent agent = rig(proxy.url(), spool);
    agent.start();
    await().atMost(Duration.ofSeconds(20)).until(() -> agent.link().isConnected());
    probe.publishWork(agent.rigId(), TestWork.assignment("job-full", DIFFICULTY, true, "0d"));
    await().atMost(Duration.ofSeconds(30)).until(() -> !shares(probe, agent.rigId()).isEmpty());

    proxy.cut();
    await().until(() -> !agent.link().isConnected());
    // The disk is full: the next segment files are /dev/full, where every write fails (ENOSPC).
    // Segments here are 32 KiB, so a second of telemetry reaches the roll.
    List<Path> full = new ArrayList<>();
    long next = nextSegmentId(spoolDir);
    for (long id = next; id < next + 4; id++) {
      Path link = spoolDir.resolve(DiskSpool.segmentName(id));
      try {
        Files.createSymbolicLink(link, Path.of("/dev/full"));
        full.add(link);
      } catch (java.nio.file.FileAlreadyExistsException e) {
        // the spool rolled meanwhile: the following ids are full
      }
    }
    long sharesAtCut = agent.sharesFound();
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> spool.stats().writeFailures() > 0 && agent.sharesFound() > sharesAtCut + 2);
    long telemetryAtFull = agent.telemetrySent();
    await().until(() -> agent.telemetrySent() > telemetryAtFull + 5); // still reporting

    for (Path link : full) {
      Files.deleteIfExists(link); // room again
    }
    proxy.restore();
    await().atMost(Duration.ofSeconds(10)).until(() -> agent.link().isConnected());
    stopMiningAndClose(agent);
    assertThat(spool.isEmpty()).isTrue();
    assertEveryShareOnce(probe, agent);
    await()
        .until(
            () -> probe.from(agent.rigId(), TopicKind.TELEMETRY).size() >= agent.telemetrySent());
    List<TelemetryMessage> telemetry = probe.from(agent.rigId(), TopicKind.TELEMETRY);
    // nothing lost; what was in flight at the cut may come twice (at most one outbox window)
    assertThat(telemetry.size() - agent.telemetrySent()).isBetween(0L, 16L);
    for (int i = 1; i < telemetry.size(); i++) {
      assertThat(telemetry.get(i).ts()).isGreaterThanOrEqualTo(telemetry.get(i - 1).ts());
    }
  }

  /** The id the spool's next segment file will get: after the newest file or the cursor's. */
  static long nextSegmentId(Path spoolDir) throws java.io.IOException {
    long newest = 0;
    try (var files = Files.list(spoolDir)) {
      for (Path p : files.toList()) {
        String name = p.getFileName().toString();
        if (name.startsWith("segment-") && name.endsWith(".spool")) {
          newest = Math.max(newest, Long.parseLong(name.replaceAll("\\D", "")));
        }
      }
    }
    Path cursor = spoolDir.resolve("cursor");
    long cursorId =
        Files.exists(cursor) ? Long.parseLong(Files.readString(cursor).trim().split(" ")[0]) : 0;
    return Math.max(newest + 1, cursorId);
  }
}
