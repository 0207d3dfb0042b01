package io.otedama.controller.testing;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real Mosquitto broker (Debian's {@code mosquitto}, listed in scripts/lib/tools.sh) started by a
 * test on a free port with the given password and ACL files. Fails, never skips, when Mosquitto is
 * not installed.
 */
public final class MosquittoProcess implements AutoCloseable {

  private final Process process;
  private final int port;
  private final Path log;

  private MosquittoProcess(Process process, int port, Path log) {
    this.process = process;
    this.port = port;
    this.log = log;
  }

  public static MosquittoProcess start(Path dir, Path passwordFile, Path aclFile)
      throws IOException {
    int port = FreePort.find();
    Path conf = dir.resolve("mosquitto.conf");
    Files.writeString(
        conf,
        """
        # As root, Mosquitto would drop to user "mosquitto", which cannot read the test's temp dir.
        user root
        per_listener_settings false
        allow_anonymous false
        password_file %s
        acl_file %s
        # as docs/operations.md recommends: a client's id is its user name
        use_username_as_clientid true
        max_inflight_messages 1000
        persistence false
        listener %d 127.0.0.1
        log_dest stderr
        log_type error
        log_type warning
        log_type notice
        """
            .formatted(passwordFile.toAbsolutePath(), aclFile.toAbsolutePath(), port));
    Path log = dir.resolve("mosquitto.log");
    Process process =
        new ProcessBuilder(executable(), "-c", conf.toString())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    MosquittoProcess mosquitto = new MosquittoProcess(process, port, log);
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> {
          if (!process.isAlive()) {
            throw new IllegalStateException("mosquitto exited: " + Files.readString(log).strip());
          }
          return accepts(port);
        });
    return mosquitto;
  }

  public String url() {
    return "tcp://127.0.0.1:" + port;
  }

  public long pid() {
    return process.pid();
  }

  /** Asks this Mosquitto to re-read its password and ACL files, as an operator would. */
  public List<String> reloadCommand() {
    return List.of("kill", "-HUP", Long.toString(process.pid()));
  }

  public String log() throws IOException {
    return Files.readString(log);
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      process.destroyForcibly();
    }
  }

  private static String executable() {
    for (String candidate : List.of("/usr/sbin/mosquitto", "/usr/local/sbin/mosquitto")) {
      if (Files.isExecutable(Path.of(candidate))) {
        return candidate;
      }
    }
    String path = System.getenv().getOrDefault("PATH", "");
    for (String dir : path.split(java.io.File.pathSeparator)) {
      Path candidate = Path.of(dir, "mosquitto");
      if (Files.isExecutable(candidate)) {
        return candidate.toString();
      }
    }
    throw new IllegalStateException(
        "mosquitto is not installed: run ./scripts/test (it installs Debian's mosquitto package)");
  }

  private static boolean accepts(int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
