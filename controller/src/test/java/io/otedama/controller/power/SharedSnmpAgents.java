package io.otedama.controller.power;

import io.otedama.controller.testing.snmp.SnmpsimProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One snmpsim and one snmpd per test JVM (started on first use, answering before they are handed
 * out, stopped at exit), so the power test classes pay their start-up once. Each class switches
 * outlets on its own simulated PDU (its own community / outlets), so they do not see each other's
 * writes.
 */
public final class SharedSnmpAgents {
  private static SnmpsimProcess snmpsim;
  private static SnmpdProcess snmpd;

  private SharedSnmpAgents() {}

  public static synchronized SnmpsimProcess snmpsim() {
    start();
    return snmpsim;
  }

  public static synchronized SnmpdProcess snmpd() {
    start();
    return snmpd;
  }

  private static void start() {
    if (snmpsim != null) {
      return;
    }
    try {
      snmpsim =
          SnmpsimProcess.start(
              "apc-rpdu2.snmprec",
              "apc-rpdu.snmprec",
              "apc-rpdu2-limits.snmprec",
              "apc-rpdu2-curtail.snmprec",
              "apc-rpdu2-fleet.snmprec");
      SnmpdProcess.awaitAnswering(snmpsim.port(), "apc-rpdu2", snmpsim::isAlive, snmpsim::log);
      Path dir = Files.createTempDirectory("otedama-snmpd-");
      snmpd = SnmpdProcess.snmpd(dir);
    } catch (IOException | RuntimeException e) {
      if (snmpsim != null) {
        snmpsim.close();
        snmpsim = null;
      }
      if (e instanceof IOException io) {
        throw new UncheckedIOException("Could not start the SNMP test agents", io);
      }
      throw (RuntimeException) e;
    }
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(() -> {
              snmpsim.close();
              snmpd.close();
            }));
  }
}
