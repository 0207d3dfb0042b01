package io.otedama.controller.power;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.otedama.controller.auth.AuditLog;
import io.otedama.controller.support.MigratedDatabase;
import io.otedama.controller.support.MutableClock;
import io.otedama.controller.testing.snmp.SnmpsimProcess;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executors;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.snmp4j.smi.OID;

/**
 * The SNMP side against real agents on loopback: APC rPDU and rPDU2 walks served by snmpsim (v2c,
 * outlet control by SET through its writecache), a Raritan PX2 behind snmpd's pass_persist over v3
 * USM (SHA/AES), snmpd's own IF-MIB as the switch, and a PDU that never answers.
 */
class SnmpDevicesTest {
  static SnmpsimProcess snmpsim;
  static SnmpdProcess snmpd;
  static SnmpClient snmp;
  static DeviceReader reader;
  static Jdbi jdbi;
  static PowerActionLog log;
  static final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T12:00:00Z"));

  @BeforeAll
  static void agents() throws Exception {
    snmpsim = SharedSnmpAgents.snmpsim();
    snmpd = SharedSnmpAgents.snmpd();
    snmp = new SnmpClient(Duration.ofMillis(800), 1);
    reader = new DeviceReader(snmp);
    jdbi = MigratedDatabase.create();
    log =
        new PowerActionLog(
            jdbi, new AuditLog(jdbi, clock), new PowerMetrics(new SimpleMeterRegistry()));
  }

  @AfterAll
  static void stop() throws Exception {
    if (snmp != null) {
      snmp.close();
    }
  }

  static PowerDevice apc2() {
    return new PowerDevice(
        "pdu-a",
        "PDU A",
        "pdu",
        "127.0.0.1",
        snmpsim.port(),
        "apc-rpdu2",
        "site-1",
        SnmpCredentials.v2c("apc-rpdu2"),
        null);
  }

  static PowerDevice raritan() {
    return new PowerDevice(
        "pdu-r",
        "Raritan",
        "pdu",
        "127.0.0.1",
        snmpd.port(),
        "raritan-px2",
        "site-1",
        SnmpCredentials.v3(SnmpdProcess.V3_USER, SnmpdProcess.V3_AUTH, SnmpdProcess.V3_PRIV),
        null);
  }

  static OutletSwitch outlets(int limit) {
    return new OutletSwitch(snmp, log, clock, limit);
  }

  @Test
  void readsAnApcRpdu2OverV2c() throws Exception {
    DeviceReading r = reader.read(apc2(), clock.instant());

    assertThat(r.reachable()).isTrue();
    assertThat(r.powerW()).isEqualTo(18750.0); // rPDU2DeviceStatusPower 1875 hundredths of kW
    assertThat(r.outlets()).hasSize(8);
    OutletReading first = r.outlet(1);
    assertThat(first.name()).isEqualTo("rig-a-1");
    assertThat(first.powerW()).isEqualTo(3250.0);
    assertThat(r.outlet(2).powerW()).isEqualTo(3100.0);
  }

  @Test
  void readsAnApcRpduWithDevicePowerOnly() throws Exception {
    PowerDevice old =
        new PowerDevice(
            "pdu-old",
            "old",
            "pdu",
            "127.0.0.1",
            snmpsim.port(),
            "apc-rpdu",
            null,
            SnmpCredentials.v2c("apc-rpdu"),
            null);

    DeviceReading r = reader.read(old, clock.instant());

    assertThat(r.powerW()).isEqualTo(6420.0);
    assertThat(r.outlets()).extracting(OutletReading::name).contains("old-1", "old-8");
    assertThat(r.outlet(1).state()).isEqualTo("on");
    assertThat(r.outlet(7).state()).isEqualTo("off");
    assertThat(r.outlet(1).powerW()).isNull(); // rPDU meters outlet current, not watts
  }

  @Test
  void readsARaritanPx2OverV3UsmWithShaAndAes() throws Exception {
    DeviceReading r = reader.read(raritan(), clock.instant());

    assertThat(r.outlets())
        .extracting(OutletReading::name)
        .containsExactly("rack-r-1", "rack-r-2", "rack-r-3", "rack-r-4");
    assertThat(r.outlet(2).state()).isEqualTo("on");
    assertThat(r.outlet(2).powerW()).isEqualTo(3350.0);
    assertThat(r.outlet(4).state()).isEqualTo("off");
    assertThat(r.powerW()).isGreaterThan(0.0);
  }

  @Test
  void aWrongV3PassphraseGetsNoReadings() throws Exception {
    PowerDevice wrong =
        new PowerDevice(
            "pdu-r",
            "Raritan",
            "pdu",
            "127.0.0.1",
            snmpd.port(),
            "raritan-px2",
            null,
            SnmpCredentials.v3(SnmpdProcess.V3_USER, "not-the-auth-pass", SnmpdProcess.V3_PRIV),
            null);
    try (SnmpClient other = new SnmpClient(Duration.ofMillis(500), 0)) {
      assertThatThrownBy(() -> new DeviceReader(other).read(wrong, clock.instant()))
          .isInstanceOf(SnmpException.class);
    }
  }

  @Test
  void readsASwitchThroughIfMib() throws Exception {
    PowerDevice sw =
        new PowerDevice(
            "sw-1",
            "switch",
            "switch",
            "127.0.0.1",
            snmpd.port(),
            SwitchProfile.ID,
            null,
            SnmpCredentials.v2c(SnmpdProcess.SWITCH_COMMUNITY),
            null);

    DeviceReading r = reader.read(sw, clock.instant());

    InterfaceReading lo =
        r.interfaces().stream().filter(i -> "lo".equals(i.name())).findFirst().orElseThrow();
    assertThat(lo.up()).isTrue();
    assertThat(lo.inOctets()).isPositive();
    assertThat(lo.outOctets()).isPositive();
  }

  @Test
  void anUnreachablePduTimesOutAndTheOthersStillGetPolled() throws Exception {
    try (DatagramSocket silent = new DatagramSocket(0, InetAddress.getLoopbackAddress());
        SnmpClient quickClient = new SnmpClient(Duration.ofMillis(300), 0)) {
      PowerDevice dead =
          new PowerDevice(
              "pdu-dead",
              "dead",
              "pdu",
              "127.0.0.1",
              silent.getLocalPort(),
              "apc-rpdu2",
              null,
              SnmpCredentials.v2c("apc-rpdu2"),
              null);
      DeviceReader quick = new DeviceReader(quickClient);
      assertThatThrownBy(() -> quick.read(dead, clock.instant()))
          .isInstanceOfSatisfying(SnmpException.class, e -> assertThat(e.isTimeout()).isTrue())
          .hasMessageContaining("timed out");

      PowerReadings readings = new PowerReadings();
      var pool = Executors.newFixedThreadPool(2);
      try {
        PowerPoller poller =
            new PowerPoller(
                null,
                quick,
                readings,
                null,
                new PowerMetrics(new SimpleMeterRegistry()),
                clock,
                pool);
        List<DeviceReading> both = List.of(poller.poll(dead).get(), poller.poll(apc2()).get());
        assertThat(both.get(0).reachable()).isFalse();
        assertThat(both.get(0).error()).contains("timed out");
        assertThat(both.get(1).reachable()).isTrue();
        assertThat(readings.get("pdu-dead").orElseThrow().reachable()).isFalse();
      } finally {
        pool.shutdownNow();
      }
    }
  }

  @Test
  void switchesAnApcOutletOffAndOnThroughSet() throws Exception {
    OutletMapping m = new OutletMapping("rig-6", "pdu-a", 6, "rig-a-6", null, true);

    OutletSwitch.Outcome off = outlets(100).apply(apc2(), m, OutletAction.OFF, "operator", "ops");
    assertThat(off.state()).isEqualTo("off");
    assertThat(reader.read(apc2(), clock.instant()).outlet(6).state()).isEqualTo("off");

    OutletSwitch.Outcome on = outlets(100).apply(apc2(), m, OutletAction.ON, "operator", "ops");
    assertThat(on.state()).isEqualTo("on");
    assertThat(log.recent("rig-6", 10))
        .extracting(PowerAction::action, PowerAction::result)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("on", "done"),
            org.assertj.core.groups.Tuple.tuple("off", "done"));
  }

  @Test
  void switchesAndCyclesARaritanOutletOverV3() throws Exception {
    OutletMapping m3 = new OutletMapping("rig-r3", "pdu-r", 3, "rack-r-3", null, true);
    double before = reader.read(raritan(), clock.instant()).powerW();

    assertThat(outlets(100).apply(raritan(), m3, OutletAction.OFF, "operator", "ops").state())
        .isEqualTo("off");
    DeviceReading after = reader.read(raritan(), clock.instant());
    assertThat(after.outlet(3).state()).isEqualTo("off");
    assertThat(after.outlet(3).powerW()).isZero();
    assertThat(after.powerW()).isEqualTo(before - 3300);

    OutletMapping m1 = new OutletMapping("rig-r1", "pdu-r", 1, "rack-r-1", null, true);
    OID cycles = new OID("1.3.6.1.4.1.13742.6.4.1.2.1.4.1.1");
    long cyclesBefore = snmp.get(raritan(), List.of(cycles)).get(cycles).toLong();
    outlets(100).apply(raritan(), m1, OutletAction.CYCLE, "operator", "ops");
    assertThat(snmp.get(raritan(), List.of(cycles)).get(cycles).toLong())
        .isEqualTo(cyclesBefore + 1);
    outlets(100).apply(raritan(), m3, OutletAction.ON, "operator", "ops");
  }

  @Test
  void aNameMismatchIsRefusedAndNothingIsWritten() throws Exception {
    // outlet 5 is named rig-a-5 on the PDU: a mapping that says otherwise must not switch it
    OutletMapping wrong = new OutletMapping("rig-x", "pdu-a", 5, "rig-a-9", null, true);

    assertThatThrownBy(() -> outlets(100).apply(apc2(), wrong, OutletAction.OFF, "operator", "ops"))
        .isInstanceOfSatisfying(
            OutletRefusedException.class, e -> assertThat(e.status()).isEqualTo(409))
        .hasMessageContaining("named 'rig-a-5'");
    assertThat(reader.read(apc2(), clock.instant()).outlet(5).state()).isEqualTo("on");
    assertThat(log.recent("rig-x", 10))
        .singleElement()
        .satisfies(a -> assertThat(a.result()).isEqualTo("refused"));

    OutletMapping missing = new OutletMapping("rig-y", "pdu-a", 42, "rig-a-42", null, true);
    assertThatThrownBy(
            () -> outlets(100).apply(apc2(), missing, OutletAction.OFF, "operator", "ops"))
        .hasMessageContaining("no such outlet");
  }

  @Test
  void neverMoreThanTheLimitOfWritesPerMinuteOnOnePdu() throws Exception {
    PowerDevice b =
        new PowerDevice(
            "pdu-b",
            "PDU B",
            "pdu",
            "127.0.0.1",
            snmpsim.port(),
            "apc-rpdu2",
            "site-2",
            SnmpCredentials.v2c("apc-rpdu2-limits"),
            null);
    OutletSwitch limited = outlets(2);
    limited.apply(
        b,
        new OutletMapping("b1", "pdu-b", 25, "rig-b-25", null, true),
        OutletAction.CYCLE,
        "watchdog",
        "watchdog");
    limited.apply(
        b,
        new OutletMapping("b2", "pdu-b", 26, "rig-b-26", null, true),
        OutletAction.CYCLE,
        "watchdog",
        "watchdog");

    assertThatThrownBy(() ->
            limited.apply(
                b,
                new OutletMapping("b3", "pdu-b", 27, "rig-b-27", null, true),
                OutletAction.CYCLE,
                "watchdog",
                "watchdog"))
        .isInstanceOfSatisfying(
            OutletRefusedException.class, e -> assertThat(e.status()).isEqualTo(429));
    OID control3 = new OID("1.3.6.1.4.1.318.1.1.26.9.2.4.1.5.27");
    assertThat(snmp.get(b, List.of(control3)).get(control3).toInt()).isEqualTo(1); // untouched

    clock.advance(Duration.ofSeconds(61));
    limited.apply(
        b,
        new OutletMapping("b3", "pdu-b", 27, "rig-b-27", null, true),
        OutletAction.CYCLE,
        "watchdog",
        "watchdog");
    assertThat(snmp.get(b, List.of(control3)).get(control3).toInt())
        .isEqualTo(3); // immediateReboot
  }

  @Test
  void theGenericProfileReadsAndSwitchesConfiguredOids() throws Exception {
    GenericOids oids =
        new GenericOids(
            "1.3.6.1.4.1.318.1.1.12.1.16.0",
            "1.3.6.1.4.1.318.1.1.12.3.3.1.1.2",
            "1.3.6.1.4.1.318.1.1.12.3.3.1.1.4",
            null,
            "1.3.6.1.4.1.318.1.1.12.3.3.1.1.4",
            1,
            2,
            1,
            2,
            3,
            1.0);
    PowerDevice generic =
        new PowerDevice(
            "pdu-g",
            "generic",
            "pdu",
            "127.0.0.1",
            snmpsim.port(),
            "generic",
            null,
            SnmpCredentials.v2c("apc-rpdu"),
            oids);

    DeviceReading r = reader.read(generic, clock.instant());
    assertThat(r.powerW()).isEqualTo(6420.0);
    assertThat(r.outlet(8).state()).isEqualTo("off");

    OutletMapping m = new OutletMapping("g8", "pdu-g", 8, "old-8", null, true);
    assertThat(outlets(100).apply(generic, m, OutletAction.ON, "operator", "ops").state())
        .isEqualTo("on");
    assertThat(outlets(100).apply(generic, m, OutletAction.OFF, "operator", "ops").state())
        .isEqualTo("off");
  }
}
