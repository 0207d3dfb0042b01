package io.otedama.agent.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.otedama.agent.device.PowerMode;
import io.otedama.agent.enroll.EnrollmentException;
import io.otedama.agent.testing.ControllerProbe;
import io.otedama.agent.testing.EnrollmentServer;
import io.otedama.agent.testing.HiveMqBroker;
import io.otedama.agent.testing.TestWork;
import io.otedama.protocol.message.BirthMessage;
import io.otedama.protocol.message.CommandMessage;
import io.otedama.protocol.message.CommandResultMessage;
import io.otedama.protocol.message.CommandStatus;
import io.otedama.protocol.message.RigState;
import io.otedama.protocol.message.ShareBatchMessage;
import io.otedama.protocol.message.StatusMessage;
import io.otedama.protocol.message.TelemetryMessage;
import io.otedama.protocol.topic.TopicKind;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** 50 simulated rigs enrolling through a real HTTP endpoint and talking to a real HiveMQ. */
class FleetSimulatorTest {
  static HiveMqBroker broker;
  static EnrollmentServer enrollment;

  @BeforeAll
  static void start() throws Exception {
    broker = HiveMqBroker.shared();
    enrollment = new EnrollmentServer(broker.accounts(), broker.url());
    enrollment.allowToken("fleet-token");
  }

  @AfterAll
  static void stop() throws Exception {
    enrollment.close();
  }

  @Test
  void fiftyRigsEnrollReportMineAndObey() throws Exception {
    FleetSimulator.Options options =
        FleetSimulator.Options.defaults(enrollment.url(), "fleet-token", 50)
            .withFleetName("t50")
            .withTelemetryInterval(Duration.ofMillis(250))
            .withHashesPerSecond(20_000)
            .withFailureShare(0)
            .withReconnect(Duration.ofMillis(100), Duration.ofMillis(500))
            .withRamp(Duration.ofMillis(500));
    try (ControllerProbe probe = new ControllerProbe(broker.url());
        FleetSimulator fleet = FleetSimulator.start(options)) {
      assertThat(fleet.awaitConnected(50, Duration.ofSeconds(60))).isTrue();
      List<FleetSimulator.SimulatedRig> rigs = fleet.rigs();
      assertThat(rigs).hasSize(50);
      assertThat(enrollment.rigsByHardware()).containsKeys("sim:t50:0", "sim:t50:49");
      Set<String> ids = new HashSet<>();
      rigs.forEach(r -> ids.add(r.rigId()));
      assertThat(ids).hasSize(50);

      // everyone reports, and not all alike
      await()
          .atMost(Duration.ofSeconds(30))
          .until(() ->
              rigs.stream().allMatch(r -> probe.from(r.rigId(), TopicKind.TELEMETRY).size() >= 2));
      Set<String> figures = new HashSet<>();
      for (FleetSimulator.SimulatedRig r : rigs) {
        List<TelemetryMessage> t = probe.from(r.rigId(), TopicKind.TELEMETRY);
        TelemetryMessage last = t.get(t.size() - 1);
        figures.add(last.powerW() + "/" + last.temperatureC());
        assertThat(probe.from(r.rigId(), TopicKind.BIRTH)).hasSize(1);
      }
      assertThat(figures.size()).isGreaterThan(40);

      // work for everyone: real shares come back from every rig
      for (int i = 0; i < rigs.size(); i++) {
        probe.publishWork(
            rigs.get(i).rigId(),
            TestWork.assignment("fleet-job", 1e-6, true, String.format("%02x", i)));
      }
      await()
          .atMost(Duration.ofSeconds(90))
          .until(() ->
              rigs.stream().allMatch(r -> !probe.from(r.rigId(), TopicKind.SHARES).isEmpty()));
      ShareBatchMessage batch =
          probe.<ShareBatchMessage>from(rigs.get(7).rigId(), TopicKind.SHARES).get(0);
      assertThat(batch.shares().get(0).extranonce2()).startsWith("07");
      assertThat(
              TestWork.realDifficulty(
                  TestWork.assignment("fleet-job", 1e-6, true, "07"), batch.shares().get(0)))
          .isGreaterThanOrEqualTo(1e-6);

      // a command to one rig: a simulated reboot drops its connection and it comes back
      String rigId = rigs.get(3).rigId();
      long now = System.currentTimeMillis();
      probe.publishCommand(
          rigId, new CommandMessage(now, "sim-reboot", "reboot", Map.of(), now, now + 60_000));
      await()
          .atMost(Duration.ofSeconds(30))
          .until(() ->
              probe.<CommandResultMessage>from(rigId, TopicKind.CMD_RESULT).stream()
                  .anyMatch(r -> r.status() == CommandStatus.SUCCEEDED));
      await()
          .atMost(Duration.ofSeconds(30))
          .until(() ->
              probe.<StatusMessage>from(rigId, TopicKind.STATUS).stream()
                  .anyMatch(s -> s.state() == RigState.OFFLINE));
      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> probe.from(rigId, TopicKind.BIRTH).size() == 2);
      assertThat(fleet.stats().sharesFound()).isPositive();
      assertThat(fleet.stats().enrollFailures()).isZero();
    }
  }

  @Test
  void aRigWithoutPowerIsGoneUntilItsPowerComesBack() throws Exception {
    FleetSimulator.Options options =
        FleetSimulator.Options.defaults(enrollment.url(), "fleet-token", 2)
            .withFleetName("mains")
            .withoutPowerModes(Set.of(1))
            .withTelemetryInterval(Duration.ofMillis(200))
            .withFailureShare(0)
            .withReconnect(Duration.ofMillis(100), Duration.ofMillis(300))
            .withRamp(Duration.ZERO);
    try (ControllerProbe probe = new ControllerProbe(broker.url());
        FleetSimulator fleet = FleetSimulator.start(options)) {
      assertThat(fleet.awaitConnected(2, Duration.ofSeconds(30))).isTrue();
      FleetSimulator.SimulatedRig rig = fleet.rigs().get(0);
      String rigId = rig.rigId();
      await().atMost(Duration.ofSeconds(30)).until(() -> rig.drawW() > 0);
      // rig 1's miner has no power modes: it does not claim them, and refuses the command
      String other = fleet.rigs().get(1).rigId();
      await()
          .atMost(Duration.ofSeconds(30))
          .until(() ->
              !probe.from(rigId, TopicKind.BIRTH).isEmpty()
                  && !probe.from(other, TopicKind.BIRTH).isEmpty());
      assertThat(probe.<BirthMessage>from(rigId, TopicKind.BIRTH).get(0).capabilities())
          .contains("cmd:set-power-mode");
      assertThat(probe.<BirthMessage>from(other, TopicKind.BIRTH).get(0).capabilities())
          .doesNotContain("cmd:set-power-mode")
          .contains("cmd:reboot");
      assertThat(fleet.rigs().get(1).device().hasPowerModes()).isFalse();
      assertThatThrownBy(() -> fleet.rigs().get(1).device().setPowerMode(PowerMode.LOW))
          .hasMessageContaining("has no power modes");

      rig.powerOff();
      assertThat(rig.powered()).isFalse();
      assertThat(rig.drawW()).isZero();
      // the broker's Last Will says offline: no clean goodbye from a machine without power
      await()
          .atMost(Duration.ofSeconds(30))
          .until(() ->
              probe.<StatusMessage>from(rigId, TopicKind.STATUS).stream()
                  .anyMatch(
                      s -> s.state() == RigState.OFFLINE && "connection lost".equals(s.reason())));
      probe.clear();
      // it stays away: no reconnect, no telemetry, while the other rig carries on
      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> probe.from(other, TopicKind.TELEMETRY).size() >= 5);
      assertThat(probe.from(rigId, TopicKind.TELEMETRY)).isEmpty();
      assertThat(probe.from(rigId, TopicKind.BIRTH)).isEmpty();
      assertThat(rig.connected()).isFalse();

      rig.powerOn();
      await().atMost(Duration.ofSeconds(30)).until(rig::connected);
      await()
          .atMost(Duration.ofSeconds(30))
          .until(() ->
              probe.from(rigId, TopicKind.BIRTH).size() == 1
                  && !probe.from(rigId, TopicKind.TELEMETRY).isEmpty());
      assertThat(rig.drawW()).isPositive();
    }
  }

  @Test
  void theSameFleetNameEnrollsTheSameRigsAgain() throws Exception {
    FleetSimulator.Options options =
        FleetSimulator.Options.defaults(enrollment.url(), "fleet-token", 3)
            .withFleetName("again")
            .withFailureShare(0);
    List<String> first;
    try (FleetSimulator fleet = FleetSimulator.start(options)) {
      first = fleet.rigs().stream().map(FleetSimulator.SimulatedRig::rigId).toList();
    }
    try (FleetSimulator fleet = FleetSimulator.start(options)) {
      assertThat(fleet.rigs().stream().map(FleetSimulator.SimulatedRig::rigId).toList())
          .isEqualTo(first);
      assertThat(fleet.awaitConnected(3, Duration.ofSeconds(30))).isTrue();
    }
  }

  @Test
  void aBadTokenFailsWithTheControllersWords() {
    assertThatThrownBy(() ->
            FleetSimulator.start(FleetSimulator.Options.defaults(enrollment.url(), "wrong", 2)))
        .isInstanceOf(EnrollmentException.class)
        .hasMessageContaining("The enrollment token is unknown, expired or used up.");
  }
}
