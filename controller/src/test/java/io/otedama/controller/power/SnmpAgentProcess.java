package io.otedama.controller.power;

import static org.awaitility.Awaitility.await;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.SocketException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.snmp4j.smi.OID;

/**
 * Real SNMP agents on loopback for the power tests, as child processes on free UDP ports: Debian's
 * {@code snmpsim} serving the recorded PDU walks under {@code src/test/resources/snmp} (one
 * community per {@code .snmprec} file; outlet control columns use its writecache module, so SETs
 * stick), and Debian's {@code snmpd} with a v2c community (its own IF-MIB: the switch) and a v3 USM
 * user (SHA/AES) in front of a Raritan PX2 simulated by a pass_persist script. Both are in
 * scripts/lib/tools.sh; a missing one fails the test, never skips it.
 */
public final class SnmpAgentProcess implements AutoCloseable {
  public static final String SWITCH_COMMUNITY = "switch-ro";
  public static final String V3_USER = "otedama";
  public static final String V3_AUTH = "auth-pass-123";
  public static final String V3_PRIV = "priv-pass-123";

  private final Process process;
  private final int port;
  private final Path log;

  private SnmpAgentProcess(Process process, int port, Path log) {
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

  /** snmpsimd serving the given recorded walks (file names under test resources snmp/). */
  public static SnmpAgentProcess snmpsim(Path dir, String... snmprecFiles) throws IOException {
    Path data = Files.createDirectories(dir.resolve("data"));
    Path cache = Files.createDirectories(dir.resolve("cache"));
    for (String file : snmprecFiles) {
      try (InputStream in = resource(file)) {
        Files.copy(in, data.resolve(file), StandardCopyOption.REPLACE_EXISTING);
      }
    }
    int port = freeUdpPort();
    List<String> command = new ArrayList<>();
    command.add(executable("snmpsimd"));
    command.add("--data-dir=" + data);
    command.add("--cache-dir=" + cache);
    command.add("--agent-udpv4-endpoint=127.0.0.1:" + port);
    command.add("--logging-method=stderr");
    if (isRoot()) {
      // snmpsimd refuses to run as root; it drops to nobody, who must read (and write the cache)
      openUp(dir);
      command.add("--process-user=nobody");
      command.add("--process-group=nogroup");
    }
    String community = snmprecFiles[0].replace(".snmprec", "");
    return start(command, Map.of(), dir.resolve("snmpsim.log"), port, community);
  }

  /** snmpd with the switch community, the v3 user and the Raritan pass_persist script. */
  public static SnmpAgentProcess snmpd(Path dir) throws IOException {
    Path script = dir.resolve("raritan_px2_agent.py");
    try (InputStream in = resource("raritan_px2_agent.py")) {
      Files.copy(in, script, StandardCopyOption.REPLACE_EXISTING);
    }
    Path persist = Files.createDirectories(dir.resolve("persist"));
    int port = freeUdpPort();
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
                executable("python3"),
                script));
    return start(
        List.of(
            executable("snmpd"),
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

  private static SnmpAgentProcess start(
      List<String> command, Map<String, String> env, Path log, int port, String community)
      throws IOException {
    ProcessBuilder builder =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    builder.environment().putAll(env);
    Process process = builder.start();
    SnmpAgentProcess agent = new SnmpAgentProcess(process, port, log);
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
            if (!process.isAlive()) {
              throw new IllegalStateException(command.get(0) + " exited: " + agent.log());
            }
            return answers(client, probe);
          });
    } catch (RuntimeException e) {
      agent.close();
      throw e;
    }
    return agent;
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
    InputStream in = SnmpAgentProcess.class.getResourceAsStream("/snmp/" + file);
    if (in == null) {
      throw new IllegalArgumentException("no test resource snmp/" + file);
    }
    return in;
  }

  private static boolean isRoot() {
    return "root".equals(System.getProperty("user.name"));
  }

  private static void openUp(Path dir) throws IOException {
    try (var paths = Files.walk(dir)) {
      for (Path p : paths.toList()) {
        Files.setPosixFilePermissions(
            p, PosixFilePermissions.fromString(Files.isDirectory(p) ? "rwxrwxrwx" : "rw-rw-rw-"));
      }
    }
    // the temp dir's parents must let nobody through as well
    for (Path p = dir.getParent();
        p != null && p.startsWith(System.getProperty("java.io.tmpdir"));
        p = p.getParent()) {
      if (p.equals(Path.of(System.getProperty("java.io.tmpdir")))) {
        break;
      }
      Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
  }

  static int freeUdpPort() {
    try (DatagramSocket socket = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (SocketException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String executable(String name) {
    List<String> dirs = new ArrayList<>(List.of("/usr/sbin", "/usr/bin", "/usr/local/bin"));
    dirs.addAll(List.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)));
    for (String dir : dirs) {
      Path candidate = Path.of(dir, name);
      if (Files.isExecutable(candidate)) {
        return candidate.toString();
      }
    }
    throw new IllegalStateException(
        name + " is not installed: run ./scripts/test (it installs Debian's snmpd and snmpsim)");
  }

  @Override
  public void close() {
    List<ProcessHandle> children = process.descendants().toList();
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
    children.forEach(ProcessHandle::destroy);
  }
}
