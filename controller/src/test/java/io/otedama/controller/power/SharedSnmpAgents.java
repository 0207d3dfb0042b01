package io.otedama.controller.power;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One snmpsim and one snmpd per test JVM (started on first use, stopped at exit), so the power test
 * classes pay their start-up once. Each class switches outlets on its own simulated PDU (its own
 * community / outlets), so they do not see each other's writes.
 */
public final class SharedSnmpAgents {
  private static SnmpAgentProcess snmpsim;
  private static SnmpAgentProcess snmpd;

  private SharedSnmpAgents() {}

  public static synchronized SnmpAgentProcess snmpsim() {
    start();
    return snmpsim;
  }

  public static synchronized SnmpAgentProcess snmpd() {
    start();
    return snmpd;
  }

  private static void start() {
    if (snmpsim != null) {
      return;
    }
    try {
      Path dir = Files.createTempDirectory("otedama-snmp-agents-");
      snmpsim =
          SnmpAgentProcess.snmpsim(
              dir.resolve("sim"),
              "apc-rpdu2.snmprec",
              "apc-rpdu.snmprec",
              "apc-rpdu2-limits.snmprec",
              "apc-rpdu2-curtail.snmprec",
              "apc-rpdu2-fleet.snmprec");
      snmpd = SnmpAgentProcess.snmpd(Files.createDirectories(dir.resolve("snmpd")));
    } catch (IOException e) {
      throw new UncheckedIOException("Could not start the SNMP test agents", e);
    }
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(() -> {
              snmpsim.close();
              snmpd.close();
            }));
  }
}
