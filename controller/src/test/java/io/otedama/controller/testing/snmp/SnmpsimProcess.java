package io.otedama.controller.testing.snmp;

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
 * Debian's {@code snmpsimd} (in scripts/lib/tools.sh; a missing one fails the test, never skips it)
 * on a free loopback UDP port, serving recorded walks from the test class path's {@code snmp/}
 * folder: one community per {@code .snmprec} file, named after the file without its extension.
 * Writable columns use snmpsim's writecache, so SETs stick for the life of the process. Whether it
 * answers yet is for the caller to wait for: nothing here speaks SNMP.
 */
public final class SnmpsimProcess implements AutoCloseable {

  private final Process process;
  private final Path dir;
  private final int port;

  private SnmpsimProcess(Process process, Path dir, int port) {
    this.process = process;
    this.dir = dir;
    this.port = port;
  }

  /** Starts snmpsimd in a fresh temp dir (removed on close) serving the given recordings. */
  public static SnmpsimProcess start(String... snmprecFiles) throws IOException {
    // directly under the system temp dir: as root, snmpsimd drops to nobody, who must get through
    // to read the data and write the cache
    Path dir = Files.createTempDirectory("otedama-snmpsim-");
    Path data = Files.createDirectories(dir.resolve("data"));
    Path cache = Files.createDirectories(dir.resolve("cache"));
    for (String file : snmprecFiles) {
      try (InputStream in = SnmpsimProcess.class.getResourceAsStream("/snmp/" + file)) {
        if (in == null) {
          throw new IllegalArgumentException("no test resource snmp/" + file);
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
      // snmpsimd refuses to run as root
      openUp(dir);
      command.add("--process-user=nobody");
      command.add("--process-group=nogroup");
    }
    Process process =
        new ProcessBuilder(command)
            .directory(dir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("snmpsim.log").toFile())
            .start();
    return new SnmpsimProcess(process, dir, port);
  }

  public int port() {
    return port;
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  /** What snmpsimd wrote, for failure messages. */
  public String log() {
    try {
      return Files.readString(dir.resolve("snmpsim.log"));
    } catch (IOException e) {
      return "(no log: " + e + ")";
    }
  }

  private static void openUp(Path dir) throws IOException {
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.toList()) {
        Files.setPosixFilePermissions(
            p, PosixFilePermissions.fromString(Files.isDirectory(p) ? "rwxrwxrwx" : "rw-rw-rw-"));
      }
    }
  }

  /** A free loopback UDP port (also for the controller tests' snmpd). */
  public static int freeUdpPort() {
    try (DatagramSocket socket = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (SocketException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The path of an installed program, looked up in the sbin and bin dirs and the PATH. */
  public static String executable(String name) {
    List<String> dirs = new ArrayList<>(List.of("/usr/sbin", "/usr/bin", "/usr/local/bin"));
    dirs.addAll(List.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)));
    for (String d : dirs) {
      Path candidate = Path.of(d, name);
      if (Files.isExecutable(candidate)) {
        return candidate.toString();
      }
    }
    throw new IllegalStateException(
        name + " is not installed: run ./scripts/test (it installs the Debian packages it needs)");
  }

  /** Stops snmpsimd (and its children, if it forked) and removes its temp dir. */
  @Override
  public void close() {
    stop(process);
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // a temp dir left behind
    }
  }

  /** Stops a daemon and whatever it forked: politely, then forcibly after 10 s. */
  public static void stop(Process process) {
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
  }
}
