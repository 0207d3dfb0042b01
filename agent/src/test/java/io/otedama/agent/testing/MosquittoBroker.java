package io.otedama.agent.testing;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A real Mosquitto 2 (Debian's {@code mosquitto}, in scripts/lib/tools.sh) on a free port with a
 * password file and an ACL that keeps each rig in its own subtree, like an external broker set up
 * per docs/operations.md. Fails, never skips, when Mosquitto is not installed.
 */
public final class MosquittoBroker implements AutoCloseable {
  private final Path dir;
  private final int port;
  private Process process;

  private MosquittoBroker(Path dir, int port) {
    this.dir = dir;
    this.port = port;
  }

  public static MosquittoBroker start(Path dir, BrokerAccounts accounts) throws Exception {
    MosquittoBroker broker = new MosquittoBroker(dir, FreePort.find());
    broker.writeFiles(accounts);
    broker.startProcess();
    return broker;
  }

  public String url() {
    return "tcp://127.0.0.1:" + port;
  }

  public int port() {
    return port;
  }

  private void writeFiles(BrokerAccounts accounts) throws Exception {
    Files.createDirectories(dir);
    Path passwords = dir.resolve("passwd");
    Files.deleteIfExists(passwords);
    Files.createFile(passwords);
    for (Map.Entry<String, String> account : accounts.all().entrySet()) {
      run(
          List.of(
              tool("mosquitto_passwd"),
              "-b",
              passwords.toString(),
              account.getKey(),
              account.getValue()));
    }
    Files.writeString(
        dir.resolve("acl"),
        """
        user %s
        topic readwrite #

        pattern readwrite otedama/v1/rigs/%%u/#
        """
            .formatted(BrokerAccounts.CONTROLLER));
    Files.writeString(
        dir.resolve("mosquitto.conf"),
        """
        # as root Mosquitto would switch to user mosquitto, who cannot read the temp dir
        user root
        per_listener_settings false
        allow_anonymous false
        password_file %s
        acl_file %s
        persistence false
        listener %d 127.0.0.1
        log_dest stderr
        log_type error
        log_type warning
        """
            .formatted(passwords, dir.resolve("acl"), port));
  }

  private void startProcess() throws Exception {
    Path log = dir.resolve("mosquitto.log");
    process =
        new ProcessBuilder(tool("mosquitto"), "-c", dir.resolve("mosquitto.conf").toString())
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
            .start();
    Process started = process;
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> {
          if (!started.isAlive()) {
            throw new IllegalStateException("mosquitto exited: " + Files.readString(log));
          }
          return accepts(port);
        });
  }

  public synchronized void stop() throws InterruptedException {
    if (process != null) {
      process.destroy();
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor();
      }
      process = null;
    }
  }

  public synchronized void restart() throws Exception {
    stop();
    startProcess();
  }

  @Override
  public void close() throws InterruptedException {
    stop();
  }

  private static void run(List<String> command) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(new ArrayList<>(command)).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes());
    if (p.waitFor() != 0) {
      throw new IllegalStateException(String.join(" ", command) + " failed: " + out);
    }
  }

  static String tool(String name) {
    for (String dir : List.of("/usr/sbin", "/usr/bin", "/usr/local/sbin", "/usr/local/bin")) {
      Path candidate = Path.of(dir, name);
      if (Files.isExecutable(candidate)) {
        return candidate.toString();
      }
    }
    throw new IllegalStateException(
        name + " is not installed: run ./scripts/test (it installs Debian's mosquitto package)");
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
