package io.otedama.controller.power;

import static org.awaitility.Awaitility.await;

import io.otedama.controller.testing.snmp.SnmpsimProcess;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.snmp4j.smi.OID;

/**
 * Debian's {@code snmpd} on a free loopback UDP port for the power tests (in scripts/lib/tools.sh;
 * a missing one fails the test, never skips it): a v2c community (its own IF-MIB: the switch) and a
 * v3 USM user (SHA/AES) in front of a Raritan PX2 simulated by a pass_persist script. The APC PDUs
 * are snmpsim's ({@link io.otedama.controller.testing.snmp.SnmpsimProcess}); {@link
 * #awaitAnswering} waits for either kind of agent.
 */
public final class SnmpdProcess implements AutoCloseable {
  public static final String SWITCH_COMMUNITY = "switch-ro";
  public static final String V3_USER = "otedama";
  public static final String V3_AUTH = "auth-pass-123";
  public static final String V3_PRIV = "priv-pass-123";

  private final Process process;
  private final int port;
  private final Path log;

  private SnmpdProcess(Process process, int port, Path log) {
    this.process = process;
    this.port = port;
    this.log = log;
  }

  public int port() {
    return port;
  }

  public String log() {
    try {
      return Files.readString(log);
    } catch (IOException e) {
      return "(no log: " + e + ")";
    }
  }

  /** snmpd with the switch community, the v3 user and the Raritan pass_persist script. */
  public static SnmpdProcess snmpd(Path dir) throws IOException {
    Path script = dir.resolve("raritan_px2_agent.py");
    try (InputStream in = resource("raritan_px2_agent.py")) {
      Files.copy(in, script, StandardCopyOption.REPLACE_EXISTING);
    }
    Path persist = Files.createDirectories(dir.resolve("persist"));
    int port = SnmpsimProcess.freeUdpPort();
    Path conf = dir.resolve("snmpd.conf");
    Files.writeString(
        conf,
        """
        agentAddress udp:127.0.0.1:%d
        rocommunity %s 127.0.0.1
        createUser %s SHA "%s" AES "%s"
        rwuser %s priv
        pass_persist .1.3.6.1.4.1.13742.6 %s %s
        """
            .formatted(
                port,
                SWITCH_COMMUNITY,
                V3_USER,
                V3_AUTH,
                V3_PRIV,
                V3_USER,
                SnmpsimProcess.executable("python3"),
                script));
    return start(
        List.of(
            SnmpsimProcess.executable("snmpd"),
            "-f",
            "-Lo",
            "-C",
            "-c",
            conf.toString(),
            "-p",
            dir.resolve("snmpd.pid").toString()),
        Map.of("SNMP_PERSISTENT_DIR", persist.toString(), "MIBS", ""),
        dir.resolve("snmpd.log"),
        port,
        SWITCH_COMMUNITY);
  }

  private static SnmpdProcess start(
      List<String> command, Map<String, String> env, Path log, int port, String community)
      throws IOException {
    ProcessBuilder builder =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    builder.environment().putAll(env);
    Process process = builder.start();
    SnmpdProcess agent = new SnmpdProcess(process, port, log);
    try {
      awaitAnswering(port, community, process::isAlive, agent::log);
    } catch (RuntimeException e) {
      agent.close();
      throw e;
    }
    return agent;
  }

  /**
   * Waits until the agent on {@code port} answers a v2c GET of sysName for {@code community}; fails
   * at once, with the agent's log, if its process has exited.
   */
  static void awaitAnswering(
      int port, String community, BooleanSupplier alive, Supplier<String> log) throws IOException {
    PowerDevice probe =
        new PowerDevice(
            "probe",
            "probe",
            "switch",
            "127.0.0.1",
            port,
            SwitchProfile.ID,
            null,
            SnmpCredentials.v2c(community),
            null);
    try (SnmpClient client = new SnmpClient(Duration.ofMillis(300), 0)) {
      await()
          .atMost(Duration.ofSeconds(30))
          .pollInterval(Duration.ofMillis(200))
          .until(() -> {
            if (!alive.getAsBoolean()) {
              throw new IllegalStateException("the SNMP agent exited: " + log.get());
            }
            return answers(client, probe);
          });
    }
  }

  private static boolean answers(SnmpClient client, PowerDevice probe) {
    try {
      client.get(probe, List.of(new OID("1.3.6.1.2.1.1.5.0")));
      return true;
    } catch (SnmpException e) {
      return false;
    }
  }

  private static InputStream resource(String file) {
    InputStream in = SnmpdProcess.class.getResourceAsStream("/snmp/" + file);
    if (in == null) {
      throw new IllegalArgumentException("no test resource snmp/" + file);
    }
    return in;
  }

  @Override
  public void close() {
    SnmpsimProcess.stop(process);
  }
}
