package io.otedama.dashboards;

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
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Real SNMP devices on a free loopback UDP port: Debian's {@code snmpsim} (in scripts/lib/tools.sh)
 * as a child process serving the recorded walks of {@code src/test/resources/snmp}, one community
 * per file (its name without {@code .snmprec}): an APC rPDU2 with eight metered, switched outlets
 * named {@code rig-a-1} .. {@code rig-a-8} (the controller's power tests' recording; the spare
 * outlet 8 is switched off, and switching sticks through snmpsim's writecache) and a four-port
 * IF-MIB switch with port 4 down. Whether they answer is for the caller to wait for (through the
 * controller's poll), since nothing here speaks SNMP.
 */
final class SnmpAgent implements AutoCloseable {

  static final String PDU_COMMUNITY = "apc-rpdu2";
  static final String SWITCH_COMMUNITY = "switch-a";

  private final Process process;
  private final Path dir;
  private final int port;

  private SnmpAgent(Process process, Path dir, int port) {
    this.process = process;
    this.dir = dir;
    this.port = port;
  }

  int port() {
    return port;
  }

  /** snmpsimd with the PDU and the switch. */
  static SnmpAgent start() throws IOException {
    // snmpsimd will not run as root: it drops to nobody, who must read the data and write the
    // cache, so the directory is world-writable and directly under the system temp dir
    Path dir = Files.createTempDirectory("otedama-snmpsim-");
    Path data = Files.createDirectories(dir.resolve("data"));
    Path cache = Files.createDirectories(dir.resolve("cache"));
    for (String community : List.of(PDU_COMMUNITY, SWITCH_COMMUNITY)) {
      String file = community + ".snmprec";
      try (InputStream in = SnmpAgent.class.getResourceAsStream("/snmp/" + file)) {
        if (in == null) {
          throw new IllegalStateException("no test resource snmp/" + file);
        }
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
    if ("root".equals(System.getProperty("user.name"))) {
      command.add("--process-user=nobody");
      command.add("--process-group=nogroup");
    }
    openUp(dir);
    return start(command, dir, port);
  }

  private static SnmpAgent start(List<String> command, Path dir, int port) throws IOException {
    return start(new ProcessBuilder(command), dir, port);
  }

  private static SnmpAgent start(ProcessBuilder builder, Path dir, int port) throws IOException {
    Path log = dir.resolve("agent.log");
    Process process =
        builder
            .directory(dir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    return new SnmpAgent(process, dir, port);
  }

  /** What the agent wrote, for failure messages. */
  String log() {
    try {
      return Files.readString(dir.resolve("agent.log"));
    } catch (IOException e) {
      return "(no log: " + e + ")";
    }
  }

  boolean isAlive() {
    return process.isAlive();
  }

  private static void openUp(Path dir) throws IOException {
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.toList()) {
        Files.setPosixFilePermissions(
            p, PosixFilePermissions.fromString(Files.isDirectory(p) ? "rwxrwxrwx" : "rw-rw-rw-"));
      }
    }
  }

  private static int freeUdpPort() {
    try (DatagramSocket socket = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (SocketException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String executable(String name) {
    List<String> dirs = new ArrayList<>(List.of("/usr/sbin", "/usr/bin", "/usr/local/bin"));
    dirs.addAll(List.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)));
    for (String d : dirs) {
      Path candidate = Path.of(d, name);
      if (Files.isExecutable(candidate)) {
        return candidate.toString();
      }
    }
    throw new IllegalStateException(
        name + " is not installed: run ./scripts/test (it installs Debian's snmpsim)");
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
    children.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // a temp dir left behind
    }
  }
}
