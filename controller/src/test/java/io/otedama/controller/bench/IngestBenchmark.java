package io.otedama.controller.bench;

import com.sun.management.OperatingSystemMXBean;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.otedama.controller.mqtt.MqttConfiguration;
import io.otedama.controller.mqtt.MqttConfiguration.BrokerPersistence;
import io.otedama.controller.mqtt.MqttEdge;
import io.otedama.controller.telemetry.TelemetryConfiguration;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * The telemetry ingest load benchmark ({@code ./scripts/bench-ingest}): the controller's real MQTT
 * edge and ingest (embedded HiveMQ with its security extension, the Paho client, decode, dispatch,
 * batched COPY) on real embedded PostgreSQL, fed by {@link RigFleetLoad} in a second JVM: N rigs,
 * each its own MQTT connection, session and credentials. Reports sustained messages per second,
 * publish-to-commit latency, losses (rows versus broker-acknowledged publishes), and CPU and heap.
 *
 * <p>The fleet and commands features are stand-ins that count calls ({@link CountingSinks}).
 */
public final class IngestBenchmark {

  public static void main(String[] args) throws Exception {
    BenchArgs a = BenchArgs.parse(args);
    int rigs = a.intValue("rigs", 10_000);
    double interval = a.doubleValue("interval", 10);
    int seconds = a.intValue("seconds", 120);
    int warmup = a.intValue("warmup", 20);
    if (warmup >= seconds) {
      BenchArgs.fail("--warmup (" + warmup + ") must be shorter than --seconds (" + seconds + ")");
    }
    Path work = Path.of(a.value("work-dir", "controller/target/bench-ingest")).toAbsolutePath();
    TelemetryConfiguration telemetry = new TelemetryConfiguration();
    telemetry.setBatchSize(a.intValue("batch-size", telemetry.getBatchSize()));
    telemetry.setFlushIntervalMillis(
        a.intValue("flush-ms", (int) telemetry.getFlushIntervalMillis()));
    MqttConfiguration mqtt = new MqttConfiguration();
    mqtt.setDispatchThreads(a.intValue("dispatch-threads", mqtt.getDispatchThreads()));
    String loadHeap = a.value("load-heap", "3g");
    String synchronousCommit = a.value("synchronous-commit", "on");
    BrokerPersistence brokerPersistence =
        switch (a.value("broker-persistence", "in-memory")) {
          case "file" -> BrokerPersistence.FILE;
          case "in-memory" -> BrokerPersistence.IN_MEMORY;
          default -> {
            BenchArgs.fail("--broker-persistence must be file or in-memory");
            yield null;
          }
        };

    System.out.printf(
        "bench-ingest: %d rigs, one telemetry message every %.1f s each (%.0f msg/s), %d s"
            + " (%d s warm-up), batch %d, flush %d ms, synchronous_commit=%s, broker persistence"
            + " %s%n",
        rigs,
        interval,
        rigs / interval,
        seconds,
        warmup,
        telemetry.getBatchSize(),
        telemetry.getFlushIntervalMillis(),
        synchronousCommit,
        brokerPersistence);

    deleteRecursively(work);
    Files.createDirectories(work);
    try (EmbeddedPostgres postgres =
        EmbeddedPostgres.builder()
            .setDataDirectory(work.resolve("postgres"))
            .setCleanDataDirectory(true)
            .setServerConfig("synchronous_commit", synchronousCommit)
            .start()) {
      DataSource database = postgres.getPostgresDatabase();
      Flyway.configure().dataSource(database).locations("classpath:db/migration").load().migrate();
      BenchRigAuthenticator authenticator = new BenchRigAuthenticator();
      insertRigs(database, rigs, authenticator);

      PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
      mqtt.setEmbeddedBindAddress("127.0.0.1");
      mqtt.setEmbeddedPort(freePort());
      mqtt.setEmbeddedDataDir(work.resolve("hivemq"));
      mqtt.setEmbeddedPersistence(brokerPersistence);
      CountingSinks sinks = new CountingSinks();
      MqttEdge edge =
          MqttEdge.create(
              mqtt,
              telemetry,
              database,
              sinks,
              authenticator,
              sinks,
              (rig, batch, at) -> {},
              registry,
              Clock.systemUTC());
      edge.start();

      Measurements measurements = new Measurements(registry, work.resolve("postgres"));
      Map<String, String> result =
          runLoad(edge.brokerUrl(), rigs, interval, seconds, warmup, loadHeap, measurements);

      long acked = Long.parseLong(result.get("acked"));
      long rows = waitForRows(database, acked);
      edge.stop();
      rows = countRows(database);
      measurements.report(result, rows, seconds - warmup, sinks, registry);
    }
    System.exit(0);
  }

  private static Map<String, String> runLoad(
      String url,
      int rigs,
      double interval,
      int seconds,
      int warmup,
      String loadHeap,
      Measurements measurements)
      throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command =
        List.of(
            java,
            "-Xmx" + loadHeap,
            "-XX:+UseParallelGC",
            "-cp",
            System.getProperty("java.class.path"),
            RigFleetLoad.class.getName(),
            "--url",
            url,
            "--rigs",
            Integer.toString(rigs),
            "--interval",
            Double.toString(interval),
            "--seconds",
            Integer.toString(seconds));
    Process load =
        new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    measurements.loadProcess = load.toHandle();
    Map<String, String> result = new HashMap<>();
    CompletableFuture<Void> window = null;
    try (BufferedReader out =
        new BufferedReader(new InputStreamReader(load.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = out.readLine()) != null) {
        System.out.println("load: " + line);
        if (line.startsWith("PUBLISHING ")) {
          window =
              CompletableFuture.runAsync(
                  measurements::start, CompletableFuture.delayedExecutor(warmup, TimeUnit.SECONDS));
        } else if (line.startsWith("STOPPING ")) {
          if (window != null) {
            window.join();
          }
          measurements.end();
        } else if (line.startsWith("RESULT ")) {
          for (String pair : line.substring("RESULT ".length()).split(" ")) {
            String[] kv = pair.split("=", 2);
            result.put(kv[0], kv[1]);
          }
        }
      }
    }
    if (load.waitFor() != 0 || !result.containsKey("acked")) {
      throw new IllegalStateException("the load generator failed (exit " + load.exitValue() + ")");
    }
    return result;
  }

  private static void insertRigs(DataSource database, int rigs, BenchRigAuthenticator auth)
      throws Exception {
    try (Connection c = database.getConnection();
        PreparedStatement insert =
            c.prepareStatement(
                "INSERT INTO rigs (id, name, hardware_id, mqtt_secret_sha256) VALUES (?, ?, ?, ?)")) {
      c.setAutoCommit(false);
      for (int i = 1; i <= rigs; i++) {
        String id = RigFleetLoad.rigId(i);
        String secret = "bench-secret-" + i;
        auth.add(id, secret);
        insert.setString(1, id);
        insert.setString(2, id);
        insert.setString(3, "hw-" + id);
        insert.setBytes(4, BenchRigAuthenticator.sha256(secret.getBytes(StandardCharsets.UTF_8)));
        insert.addBatch();
        if (i % 1000 == 0) {
          insert.executeBatch();
        }
      }
      insert.executeBatch();
      c.commit();
    }
  }

  /** Waits until the rows match the acknowledged publishes or stop growing for 20 s. */
  private static long waitForRows(DataSource database, long expected) throws Exception {
    long rows = countRows(database);
    long lastChange = System.nanoTime();
    while (rows < expected && System.nanoTime() - lastChange < Duration.ofSeconds(20).toNanos()) {
      Thread.sleep(200);
      long now = countRows(database);
      if (now != rows) {
        rows = now;
        lastChange = System.nanoTime();
      }
    }
    return rows;
  }

  private static long countRows(DataSource database) throws Exception {
    try (Connection c = database.getConnection();
        PreparedStatement q = c.prepareStatement("SELECT count(*) FROM telemetry");
        ResultSet r = q.executeQuery()) {
      r.next();
      return r.getLong(1);
    }
  }

  private static int freePort() throws Exception {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static void deleteRecursively(Path dir) throws Exception {
    if (!Files.exists(dir)) {
      return;
    }
    try (var paths = Files.walk(dir)) {
      for (Path p : paths.sorted((x, y) -> y.compareTo(x)).toList()) {
        Files.delete(p);
      }
    }
  }

  /** CPU, heap and latency over the measurement window (after the warm-up). */
  static final class Measurements {
    private final PrometheusMeterRegistry registry;
    private final OperatingSystemMXBean os =
        (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private final LatencyWindow delivery;
    private final LatencyWindow ingest;
    volatile ProcessHandle loadProcess;
    private final Path postgresDataDir;

    private long startNanos;
    private long endNanos;
    private long controllerCpuStart;
    private long controllerCpuEnd;
    private long postgresCpuStart;
    private long postgresCpuEnd;
    private long loadCpuStart;
    private long loadCpuEnd;
    private long[] machineStart;
    private long[] machineEnd;
    private double rowsStart;
    private double rowsEnd;
    private final List<Long> heapSamples = new ArrayList<>();
    private Thread sampler;

    Measurements(PrometheusMeterRegistry registry, Path postgresDataDir) {
      this.registry = registry;
      this.postgresDataDir = postgresDataDir;
      this.delivery = new LatencyWindow(registry.get("otedama_telemetry_delivery_seconds").timer());
      this.ingest = new LatencyWindow(registry.get("otedama_telemetry_ingest_seconds").timer());
    }

    synchronized void start() {
      startNanos = System.nanoTime();
      controllerCpuStart = os.getProcessCpuTime();
      postgresCpuStart = postgresCpuNanos();
      loadCpuStart = cpuNanos(loadProcess);
      machineStart = MachineCpu.read();
      rowsStart = rowsWritten();
      delivery.start();
      ingest.start();
      sampler =
          Thread.ofPlatform()
              .daemon()
              .start(() -> {
                while (!Thread.currentThread().isInterrupted()) {
                  synchronized (heapSamples) {
                    heapSamples.add(memory.getHeapMemoryUsage().getUsed());
                  }
                  try {
                    Thread.sleep(500);
                  } catch (InterruptedException e) {
                    return;
                  }
                }
              });
      System.out.println("bench-ingest: measurement window starts");
    }

    synchronized void end() {
      endNanos = System.nanoTime();
      controllerCpuEnd = os.getProcessCpuTime();
      postgresCpuEnd = postgresCpuNanos();
      loadCpuEnd = cpuNanos(loadProcess);
      machineEnd = MachineCpu.read();
      rowsEnd = rowsWritten();
      delivery.end();
      ingest.end();
      sampler.interrupt();
      System.out.println("bench-ingest: measurement window ends");
    }

    private double rowsWritten() {
      return registry.get("otedama_telemetry_rows_written_total").counter().count();
    }

    void report(
        Map<String, String> load,
        long rows,
        int windowSeconds,
        CountingSinks sinks,
        PrometheusMeterRegistry registry) {
      double window = (endNanos - startNanos) / 1e9;
      long acked = Long.parseLong(load.get("acked"));
      long published = Long.parseLong(load.get("published"));
      long heapMax;
      double heapAvg;
      synchronized (heapSamples) {
        heapMax = heapSamples.stream().mapToLong(Long::longValue).max().orElse(0);
        heapAvg = heapSamples.stream().mapToLong(Long::longValue).average().orElse(0);
      }
      System.out.println();
      System.out.println("==== bench-ingest result ====");
      System.out.printf(
          "rigs connected            %s (connect failures %s)%n",
          load.get("connected"), load.get("connectFailures"));
      System.out.printf(
          "published / acked / failed / not sent   %d / %d / %s / %s%n",
          published, acked, load.get("failed"), load.get("notSent"));
      System.out.printf(
          "rows in telemetry         %d  (lost: %d)%n", rows, Math.max(0, acked - rows));
      System.out.printf(
          "sustained ingest          %.0f rows/s committed over the %.0f s window%n",
          (rowsEnd - rowsStart) / window, window);
      System.out.printf(
          "publish -> committed      p50 %.1f ms  p99 %.1f ms  mean %.1f ms  (<= 50 ms: %.3f%%)%n",
          delivery.percentileMillis(0.50),
          delivery.percentileMillis(0.99),
          delivery.meanMillis(),
          delivery.fractionAtOrUnder(50) * 100);
      System.out.printf(
          "arrival -> committed      p50 %.1f ms  p99 %.1f ms  mean %.1f ms%n",
          ingest.percentileMillis(0.50), ingest.percentileMillis(0.99), ingest.meanMillis());
      System.out.printf(
          "batch rows                mean %.1f  max %.0f%n",
          registry.get("otedama_telemetry_batch_rows").summary().mean(),
          registry.get("otedama_telemetry_batch_rows").summary().max());
      System.out.printf(
          "backpressure              telemetry queue full %.0f, inbound queue full %.0f%n",
          registry.get("otedama_telemetry_queue_full_total").counter().count(),
          registry.get("otedama_mqtt_inbound_queue_full_total").counter().count());
      System.out.printf(
          "CPU (cores, avg)          controller+broker %.2f  postgres %.2f  load generator %.2f"
              + "  whole machine %.2f of %d%n",
          (controllerCpuEnd - controllerCpuStart) / 1e9 / window,
          (postgresCpuEnd - postgresCpuStart) / 1e9 / window,
          (loadCpuEnd - loadCpuStart) / 1e9 / window,
          MachineCpu.busyCores(machineStart, machineEnd),
          Runtime.getRuntime().availableProcessors());
      System.out.printf(
          "controller heap           used avg %d MiB, max %d MiB (max heap %d MiB)%n",
          (long) heapAvg >> 20, heapMax >> 20, memory.getHeapMemoryUsage().getMax() >> 20);
      System.out.printf(
          "fleet seam calls          births %d, statuses %d, heartbeats %d%n",
          sinks.births.sum(), sinks.statuses.sum(), sinks.heartbeats.sum());
      System.out.printf(
          "rejected                  %.0f%n",
          registry.find("otedama_mqtt_rejected_total").counters().stream()
              .mapToDouble(c -> c.count())
              .sum());
    }

    private static long cpuNanos(ProcessHandle process) {
      if (process == null) {
        return 0;
      }
      return process.info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
    }

    /**
     * The postmaster started from {@code dataDir} and its backends (pg_ctl daemonizes it, so it is
     * not a descendant of this JVM). Backends that ended inside the window are not counted.
     */
    private long postgresCpuNanos() {
      String dir = postgresDataDir.toString();
      return ProcessHandle.allProcesses()
          .filter(p -> p.info().command().map(c -> c.endsWith("/postgres")).orElse(false))
          .filter(p ->
              p.info().arguments().map(args -> String.join(" ", args).contains(dir)).orElse(false))
          .mapToLong(p -> cpuNanos(p) + p.descendants().mapToLong(Measurements::cpuNanos).sum())
          .sum();
    }
  }
}
