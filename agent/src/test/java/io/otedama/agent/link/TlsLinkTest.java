package io.otedama.agent.link;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.otedama.agent.testing.FreePort;
import io.otedama.protocol.codec.MessageCodec;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ssl://} to a real Mosquitto TLS listener whose certificate a farm CA signed (made here
 * with openssl): the link connects trusting that CA from {@code mqtt.caFile}, and refuses the
 * broker with the system's trust store alone.
 */
class TlsLinkTest {
  @TempDir Path dir;

  @Test
  void connectsOverTlsTrustingTheFarmsCa() throws Exception {
    Path ca = dir.resolve("ca.pem");
    openssl(
        "req",
        "-x509",
        "-newkey",
        "rsa:2048",
        "-nodes",
        "-days",
        "2",
        "-subj",
        "/CN=Otedama test CA",
        "-keyout",
        dir.resolve("ca.key").toString(),
        "-out",
        ca.toString());
    openssl(
        "req",
        "-newkey",
        "rsa:2048",
        "-nodes",
        "-subj",
        "/CN=localhost",
        "-keyout",
        dir.resolve("server.key").toString(),
        "-out",
        dir.resolve("server.csr").toString());
    Files.writeString(dir.resolve("san.ext"), "subjectAltName=IP:127.0.0.1,DNS:localhost\n");
    openssl(
        "x509",
        "-req",
        "-in",
        dir.resolve("server.csr").toString(),
        "-CA",
        ca.toString(),
        "-CAkey",
        dir.resolve("ca.key").toString(),
        "-CAcreateserial",
        "-days",
        "2",
        "-extfile",
        dir.resolve("san.ext").toString(),
        "-out",
        dir.resolve("server.pem").toString());
    int port = FreePort.find();
    Files.writeString(dir.resolve("passwd"), "");
    run(
        List.of(
            tool("mosquitto_passwd"),
            "-b",
            dir.resolve("passwd").toString(),
            "rig-tls",
            "tls-secret"));
    Files.writeString(
        dir.resolve("mosquitto.conf"),
        """
        user root
        per_listener_settings false
        allow_anonymous false
        password_file %s
        persistence false
        listener %d 127.0.0.1
        cafile %s
        certfile %s
        keyfile %s
        """
            .formatted(
                dir.resolve("passwd"),
                port,
                ca,
                dir.resolve("server.pem"),
                dir.resolve("server.key")));
    Process mosquitto =
        new ProcessBuilder(tool("mosquitto"), "-c", dir.resolve("mosquitto.conf").toString())
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("mosquitto.log").toFile())
            .start();
    ThreadPerTaskScheduler scheduler = ThreadPerTaskScheduler.create("tls-test");
    try {
      await().atMost(Duration.ofSeconds(20)).until(() -> accepts(port));
      MqttLink trusting = link(port, TlsSockets.trusting(ca), scheduler);
      try {
        trusting.start();
        await().atMost(Duration.ofSeconds(20)).until(trusting::isConnected);
      } finally {
        trusting.close();
      }
      MqttLink untrusting = link(port, null, scheduler);
      try {
        untrusting.start();
        await().atMost(Duration.ofSeconds(20)).until(() -> untrusting.connectFailures() >= 1);
        assertThat(untrusting.isConnected()).isFalse();
        assertThat(untrusting.lastError())
            .containsAnyOf("certification path", "PKIX", "SSL", "certificate");
      } finally {
        untrusting.close();
      }
      assertThatThrownBy(() -> TlsSockets.trusting(dir.resolve("server.key")))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("server.key");
    } finally {
      scheduler.shutdownNow();
      mosquitto.destroy();
      mosquitto.waitFor(10, TimeUnit.SECONDS);
    }
  }

  private static MqttLink link(
      int port, javax.net.SocketFactory sockets, ThreadPerTaskScheduler scheduler) {
    AtomicLong seq = new AtomicLong();
    return new MqttLink(
        new LinkSettings(
            URI.create("ssl://127.0.0.1:" + port),
            "rig-tls",
            "rig-tls",
            "tls-secret",
            Duration.ofSeconds(10),
            Duration.ofMinutes(1),
            Duration.ofSeconds(5),
            Duration.ofMillis(200),
            Duration.ofSeconds(1),
            sockets),
        new MqttLinkTest.RecordingHandler(),
        new MessageCodec(),
        seq::incrementAndGet,
        Clock.systemUTC(),
        new Random(3),
        scheduler,
        scheduler.threadFactory());
  }

  private static void openssl(String... args) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(tool("openssl"));
    command.addAll(List.of(args));
    run(command);
  }

  private static void run(List<String> command) throws Exception {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes());
    if (p.waitFor() != 0) {
      throw new IllegalStateException(String.join(" ", command) + " failed: " + out);
    }
  }

  private static String tool(String name) {
    for (String d : List.of("/usr/sbin", "/usr/bin", "/usr/local/sbin", "/usr/local/bin")) {
      if (Files.isExecutable(Path.of(d, name))) {
        return Path.of(d, name).toString();
      }
    }
    throw new IllegalStateException(
        name + " is not installed: run ./scripts/test (it installs it)");
  }

  private static boolean accepts(int port) {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress("127.0.0.1", port), 200);
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
