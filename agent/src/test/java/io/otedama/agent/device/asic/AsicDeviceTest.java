package io.otedama.agent.device.asic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.otedama.agent.device.MiningDevice;
import io.otedama.agent.device.PoolSetting;
import io.otedama.agent.device.UnsupportedCommandException;
import io.otedama.agent.telemetry.TelemetryCollector;
import io.otedama.protocol.message.DeviceTelemetry;
import io.otedama.protocol.message.TelemetryMessage;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The ASIC device against scripted cgminer-API servers replaying Antminer and Whatsminer replies.
 */
class AsicDeviceTest {
  ScriptedCgminer antminerServer;
  ScriptedCgminer whatsminerServer;
  final FakeAntminer antminer = new FakeAntminer();

  @AfterEach
  void close() throws Exception {
    if (antminerServer != null) {
      antminerServer.close();
    }
    if (whatsminerServer != null) {
      whatsminerServer.close();
    }
  }

  AsicDevice antminer() throws Exception {
    antminerServer = new ScriptedCgminer(antminer);
    return new AsicDevice(
        "s19-a",
        null,
        new CgminerClient("127.0.0.1", antminerServer.port(), Duration.ofSeconds(2)));
  }

  AsicDevice whatsminer() throws Exception {
    whatsminerServer =
        new ScriptedCgminer((command, parameter) ->
            switch (command) {
              case "summary" -> ScriptedCgminer.resource("m30-summary.json");
              case "devs" -> ScriptedCgminer.resource("m30-devs.json");
              case "pools" -> ScriptedCgminer.resource("m30-pools.json");
              default -> ScriptedCgminer.resource("m30-invalid.json");
            });
    whatsminerServer.nulTerminated(false);
    return new AsicDevice(
        "m30-b",
        "Whatsminer M30S+",
        new CgminerClient("127.0.0.1", whatsminerServer.port(), Duration.ofSeconds(2)));
  }

  @Test
  void readsAnAntminerWithOneJoinedRequest() throws Exception {
    AsicDevice device = antminer();
    DeviceTelemetry t = device.telemetry();
    assertThat(t.status()).isEqualTo("mining");
    assertThat(t.hashrateHs()).isEqualTo(95163.32e9);
    assertThat(t.temperatureC()).isEqualTo(79.0);
    assertThat(t.fanRpm()).isEqualTo(5760);
    assertThat(t.powerW()).isNull();
    assertThat(t.accepted()).isEqualTo(12345);
    assertThat(t.rejected()).isEqualTo(17);
    assertThat(device.info().model()).isEqualTo("Antminer S19");
    assertThat(device.info().address()).isEqualTo("127.0.0.1:" + antminerServer.port());
    device.telemetry();
    assertThat(antminerServer.commands())
        .containsExactly("summary+devs+pools+stats", "summary+devs+pools+stats");
  }

  @Test
  void readsAWhatsminerOneCommandAtATimeAfterItRefusesJoinedCommands() throws Exception {
    AsicDevice device = whatsminer();
    DeviceTelemetry t = device.telemetry();
    assertThat(t.status()).isEqualTo("mining");
    assertThat(t.hashrateHs()).isEqualTo(99876543.21e6);
    assertThat(t.temperatureC()).isEqualTo(86.0);
    assertThat(t.fanRpm()).isEqualTo(5910);
    assertThat(t.powerW()).isEqualTo(3360.0);
    assertThat(device.info().model()).isEqualTo("Whatsminer M30S+");
    device.telemetry();
    assertThat(whatsminerServer.commands())
        .containsExactly(
            "summary+devs+pools+stats",
            "summary",
            "devs",
            "stats",
            "pools",
            "summary",
            "devs",
            "stats",
            "pools");
  }

  @Test
  void anUnreachableMinerIsOfflineAndTheRestOfTheRigStillReports() throws Exception {
    int closedPort;
    try (ServerSocket s = new ServerSocket(0)) {
      closedPort = s.getLocalPort();
    }
    AsicDevice gone =
        new AsicDevice(
            "gone", null, new CgminerClient("127.0.0.1", closedPort, Duration.ofMillis(500)));
    List<MiningDevice> devices = List.of(antminer(), whatsminer(), gone);
    TelemetryMessage rig =
        new TelemetryCollector(devices, null, Clock.systemUTC(), System.currentTimeMillis())
            .collect();
    assertThat(rig.devices())
        .extracting(DeviceTelemetry::status)
        .containsExactly("mining", "mining", "offline");
    assertThat(rig.hashrateHs()).isEqualTo(95163.32e9 + 99876543.21e6);
    assertThat(rig.temperatureC()).isEqualTo(86.0);
    assertThat(rig.fanRpm()).isEqualTo(5910);
    assertThat(rig.powerW()).isEqualTo(3360.0);
    assertThat(rig.accepted()).isEqualTo(12345 + 2345);
    assertThat(gone.lastError()).contains("Connection refused");
  }

  @Test
  void setPoolAddsEnablesAndSwitchesOrJustSwitchesToAKnownPool() throws Exception {
    AsicDevice device = antminer();
    device.setPools(List.of(new PoolSetting("stratum+tcp://new.pool:3333", "farm.s19-a", "x,y")));
    assertThat(antminer.pools).hasSize(3);
    assertThat(antminer.pools.get(2).url()).isEqualTo("stratum+tcp://new.pool:3333");
    assertThat(antminer.active).isEqualTo(2);
    assertThat(antminerServer.commands())
        .containsExactly(
            "pools",
            "addpool|stratum+tcp://new.pool:3333,farm.s19-a,x\\,y",
            "pools",
            "enablepool|2",
            "switchpool|2");

    device.setPools(
        List.of(new PoolSetting("stratum+tcp://backup.pool:3333/", "farm.s19-a", null)));
    assertThat(antminer.pools).hasSize(3);
    assertThat(antminer.active).isEqualTo(1);
  }

  @Test
  void aMinerWithoutWriteAccessFailsTheCommandWithItsOwnWords() throws Exception {
    AsicDevice device = antminer();
    antminer.writeAccess = false;
    assertThatThrownBy(() ->
            device.setPools(List.of(new PoolSetting("stratum+tcp://new.pool:3333", "u", null))))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("Access denied to 'addpool' command");
  }

  @Test
  void restartIsSentEvenThoughTheMinerHangsUpWithoutAnswering() throws Exception {
    AsicDevice device = antminer();
    device.restart();
    assertThat(antminer.restarts).isEqualTo(1);
    assertThatThrownBy(device::stop).isInstanceOf(UnsupportedCommandException.class);
  }
}
