package io.otedama.dashboards;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.awaitility.core.ConditionTimeoutException;

/**
 * The real controller's {@code demo} (CONTRACTS §1, §2: {@code otedama-controller.jar demo --rigs N
 * --port P}) as a child process in a work directory of its own: embedded PostgreSQL and MQTT
 * broker, the local work source and N simulated rigs running the real agent code. The demo takes
 * four consecutive ports (HTTP P, admin P+1, MQTT P+2, Stratum P+3); a block that another process
 * takes between the probe and the bind makes the demo exit, and the start is retried on a new
 * block.
 */
public final class DemoController implements AutoCloseable {

  private static final Duration STARTUP_LIMIT = Duration.ofSeconds(90);
  private static final int START_ATTEMPTS = 3;
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Process process;
  private final int port;
  private final String adminPassword;
  private final Path dir;
  private final Path log;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private volatile String token;

  private DemoController(Process process, int port, String adminPassword, Path dir) {
    this.process = process;
    this.port = port;
    this.adminPassword = adminPassword;
    this.dir = dir;
    this.log = dir.resolve("controller.log");
  }

  /** The controller jar the reactor built ({@code controller/target/otedama-controller.jar}). */
  static Path jar() {
    // the repository root is the parent of whichever module runs the tests (dashboards, ansible)
    Path module = Path.of(System.getProperty("basedir", System.getProperty("user.dir")));
    Path jar =
        module
            .toAbsolutePath()
            .normalize()
            .getParent()
            .resolve("controller/target/otedama-controller.jar");
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException(
          jar
              + " is missing: build with the reactor (./mvnw verify -pl dashboards -am), which"
              + " packages the controller before this module");
    }
    return jar;
  }

  /** Starts the demo with {@code rigs} simulated rigs and waits until its API answers. */
  public static DemoController start(Path workDir, int rigs) throws IOException {
    return start(workDir, rigs, Map.of());
  }

  /**
   * Like {@link #start(Path, int)}, with settings of the demo's configuration replaced: each entry
   * is a Dropwizard override ({@code -Ddw.scheduling.jobs.payout.interval=2s}), applied on top of
   * the {@code data/demo.yml} the demo writes.
   */
  public static DemoController start(Path workDir, int rigs, Map<String, String> settings)
      throws IOException {
    IllegalStateException lastFailure = null;
    for (int attempt = 1; attempt <= START_ATTEMPTS; attempt++) {
      Path dir = Files.createDirectories(workDir.resolve("demo-" + attempt));
      int port = freePortBlock(4);
      String password = "demo-" + UUID.randomUUID();
      Path log = dir.resolve("controller.log");
      List<String> command =
          new ArrayList<>(
              List.of(
                  Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                  // A short-lived test process: C1 only and the serial collector spare the
                  // 2 shared cores most of the JIT and GC threads' work.
                  "-XX:TieredStopAtLevel=1",
                  "-XX:+UseSerialGC",
                  "-Xmx512m",
                  "--add-modules",
                  "jdk.incubator.vector"));
      settings.forEach((key, value) -> command.add("-Ddw." + key + "=" + value));
      command.addAll(
          List.of(
              "-jar",
              jar().toString(),
              "demo",
              "--rigs",
              Integer.toString(rigs),
              "--port",
              Integer.toString(port)));
      ProcessBuilder builder =
          new ProcessBuilder(command)
              .directory(dir.toFile())
              .redirectErrorStream(true)
              .redirectOutput(log.toFile());
      builder.environment().put("OTEDAMA_ADMIN_PASSWORD", password);
      DemoController demo = new DemoController(builder.start(), port, password, dir);
      try {
        demo.awaitApi();
        return demo;
      } catch (IllegalStateException e) {
        demo.close();
        lastFailure = e;
      }
    }
    throw lastFailure;
  }

  /** A base port P with P..P+count-1 all free on every interface right now. */
  private static int freePortBlock(int count) {
    for (int tries = 0; tries < 50; tries++) {
      int base;
      try (ServerSocket probe = new ServerSocket(0)) {
        base = probe.getLocalPort();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      if (base + count - 1 > 65_535) {
        continue;
      }
      boolean free = true;
      for (int p = base; p < base + count && free; p++) {
        try (ServerSocket s = new ServerSocket(p, 1, InetAddress.getByName("0.0.0.0"))) {
          s.setReuseAddress(true);
        } catch (IOException e) {
          free = false;
        }
      }
      if (free) {
        return base;
      }
    }
    throw new IllegalStateException("no block of " + count + " free ports found");
  }

  private void awaitApi() {
    try {
      await("the demo controller's API on port " + port)
          .atMost(STARTUP_LIMIT)
          .pollInterval(Duration.ofMillis(300))
          .ignoreExceptionsInstanceOf(IOException.class)
          .until(() -> {
            if (!process.isAlive()) {
              throw new IllegalStateException(
                  "the demo exited with " + process.exitValue() + ":\n" + logText());
            }
            HttpResponse<String> metrics =
                http.send(
                    HttpRequest.newBuilder(adminUri().resolve("/prometheus"))
                        .timeout(Duration.ofSeconds(5))
                        .build(),
                    HttpResponse.BodyHandlers.ofString());
            return metrics.statusCode() == 200 && signIn();
          });
    } catch (ConditionTimeoutException e) {
      throw new IllegalStateException(
          "the demo did not answer within " + STARTUP_LIMIT + ":\n" + logText(), e);
    }
  }

  private boolean signIn() throws IOException, InterruptedException {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(apiUri().resolve("/api/v1/auth/token"))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        JSON.writeValueAsString(
                            Map.of("username", "admin", "password", adminPassword))))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      return false;
    }
    token = JSON.readTree(response.body()).path("token").asText();
    return !token.isEmpty();
  }

  public URI apiUri() {
    return URI.create("http://127.0.0.1:" + port);
  }

  public URI adminUri() {
    return URI.create("http://127.0.0.1:" + (port + 1));
  }

  /** The admin's API bearer token. */
  public String token() {
    return token;
  }

  /** {@code host:port} of the admin connector, for Prometheus to scrape. */
  public String adminHostPort() {
    return "127.0.0.1:" + (port + 1);
  }

  /** GET {@code path} of the API as the admin; fails on a status other than 200. */
  public JsonNode get(String path) {
    return call(HttpRequest.newBuilder(apiUri().resolve(path)).GET(), 200);
  }

  /** POST {@code body} as JSON to {@code path} as the admin, expecting {@code status}. */
  public JsonNode post(String path, Object body, int status) {
    return send("POST", path, body, status);
  }

  /** PUT {@code body} as JSON to {@code path} as the admin, expecting {@code status}. */
  public JsonNode put(String path, Object body, int status) {
    return send("PUT", path, body, status);
  }

  private JsonNode send(String method, String path, Object body, int status) {
    try {
      return call(
          HttpRequest.newBuilder(apiUri().resolve(path))
              .header("Content-Type", "application/json")
              .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))),
          status);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The port of the demo's embedded PostgreSQL (superuser {@code postgres}, no password, database
   * {@code postgres}), from its {@code postmaster.pid} (line 4).
   */
  public int postgresPort() {
    Path pid = dir.resolve("data/postgres/postmaster.pid");
    try {
      return Integer.parseInt(Files.readAllLines(pid).get(3).strip());
    } catch (IOException | RuntimeException e) {
      throw new IllegalStateException("no port in " + pid + ": " + e, e);
    }
  }

  private JsonNode call(HttpRequest.Builder request, int status) {
    try {
      HttpResponse<String> response =
          http.send(
              request
                  .timeout(Duration.ofSeconds(10))
                  .header("Authorization", "Bearer " + token)
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != status) {
        throw new IllegalStateException(
            request.build().uri() + " answered " + response.statusCode() + ": " + response.body());
      }
      return JSON.readTree(response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  /** Waits until the API reports {@code rigs} rigs online and returns their ids. */
  public List<String> awaitRigsOnline(int rigs, Duration limit) {
    try {
      await(rigs + " rigs online")
          .atMost(limit)
          .pollInterval(Duration.ofMillis(500))
          .until(() -> get("/api/v1/fleet/summary").path("rigsOnline").asInt() >= rigs);
    } catch (ConditionTimeoutException e) {
      throw new IllegalStateException(
          "rigs not online within " + limit + ": " + get("/api/v1/rigs") + "\n" + logText(), e);
    }
    List<String> ids = new java.util.ArrayList<>();
    get("/api/v1/rigs?status=online")
        .path("items")
        .forEach(rig -> ids.add(rig.path("id").asText()));
    return ids;
  }

  /** Whether the demo process still runs (it exits on a fatal error, with the reason logged). */
  public boolean isAlive() {
    return process.isAlive();
  }

  public String logText() {
    try {
      return Files.exists(log) ? Files.readString(log) : "(no log)";
    } catch (IOException e) {
      return "(log unreadable: " + e + ")";
    }
  }

  /** Stops the demo like Ctrl-C (its shutdown hooks stop the rigs, broker and PostgreSQL). */
  @Override
  public void close() {
    List<ProcessHandle> children = process.descendants().toList();
    process.destroy();
    try {
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
    // The embedded PostgreSQL is a child: never leave one behind, even after a hard kill.
    children.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
  }
}
