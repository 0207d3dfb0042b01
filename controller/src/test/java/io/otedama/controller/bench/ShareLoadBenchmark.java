package io.otedama.controller.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.management.OperatingSystemMXBean;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.DropwizardTestSupport;
import io.dropwizard.testing.ResourceHelpers;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.otedama.controller.OtedamaApplication;
import io.otedama.controller.OtedamaConfiguration;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;

/**
 * The end-to-end share load run ({@code ./scripts/bench-shares}): the whole controller (the real
 * application: embedded HiveMQ, the MQTT edge, work on the local source, vardiff, the share path
 * with validation and the share log on real embedded PostgreSQL) and, in a second JVM, N simulated
 * rigs running the agent's real code ({@code otedama-agent simulate}: enrollment over HTTP, one
 * MQTT session each, real hashing of the assigned work, shares published in batches). The rigs
 * start at the vardiff minimum and hash just fast enough for about one share per 10 s each, the
 * rate vardiff aims at.
 *
 * <p>Reports, over a window after the warm-up: shares per second validated and logged, publish →
 * committed and arrival → committed latency (p50, p99), rejects by reason, share log rows against
 * accepted shares, the fan-out of each new job to every rig, and CPU.
 */
public final class ShareLoadBenchmark {
  private static final String ADMIN_PASSWORD = "bench-admin-password";

  public static class BenchApp extends OtedamaApplication {}

  public static void main(String[] args) throws Exception {
    BenchArgs a = BenchArgs.parse(args);
    int rigs = a.intValue("rigs", 10_000);
    int seconds = a.intValue("seconds", 120);
    int warmup = a.intValue("warmup", 60);
    double hashesPerSecond = a.doubleValue("hashes-per-second", 500);
    int hashingThreads = a.intValue("hashing-threads", 1);
    String loadHeap = a.value("load-heap", "2500m");
    String loadGc = a.value("load-gc", "ParallelGC");
    String synchronousCommit = a.value("synchronous-commit", "on");
    int loadNice = a.intValue("load-nice", 0);
    String loadCpus = a.value("load-cpus", "");
    String controllerCpus = a.value("controller-cpus", "");
    int probeRigs = a.intValue("probe-rigs", 0);
    String probeCpus = a.value("probe-cpus", "");
    if (probeRigs < 0 || probeRigs >= rigs) {
      throw new IllegalArgumentException("--probe-rigs must be between 0 and --rigs - 1");
    }
    String jobInterval = a.value("job-interval", "30s");
    String updateFanoutRate = a.value("update-fanout-rate", "5000");
    // the rigs start at the vardiff minimum and hash just fast enough for a share per ~10 s there
    String minDifficulty = a.value("min-difficulty", "0.000001");
    boolean pgDiagnostics = Boolean.parseBoolean(a.value("pg-diagnostics", "false"));
    Path work = Path.of(a.value("work-dir", "controller/target/bench-shares")).toAbsolutePath();
    System.out.printf(
        "bench-shares: %d rigs hashing %.0f H/s each (vardiff minimum %s: one share per %.1f s),"
            + " %d s warm-up after all are online, %d s measured, synchronous_commit %s%n",
        rigs,
        hashesPerSecond,
        minDifficulty,
        Double.parseDouble(minDifficulty) * 4294967296.0 / hashesPerSecond,
        warmup,
        seconds,
        synchronousCommit);
    if (!controllerCpus.isEmpty()) {
      // before PostgreSQL starts, so its processes inherit the same CPUs
      pinThisProcess(controllerCpus);
    }
    deleteRecursively(work);
    Files.createDirectories(work);

    EmbeddedPostgres.Builder postgresBuilder =
        EmbeddedPostgres.builder()
            .setDataDirectory(work.resolve("postgres"))
            .setCleanDataDirectory(true)
            // the controller's own embedded server commits synchronously; zonky's default is off
            .setServerConfig("synchronous_commit", synchronousCommit);
    if (pgDiagnostics) {
      // why a write stalls: slow statements, lock waits, checkpoints and autovacuum in the log
      postgresBuilder
          .setServerConfig("log_min_duration_statement", "40")
          .setServerConfig("log_lock_waits", "on")
          .setServerConfig("deadlock_timeout", "20ms")
          .setServerConfig("log_checkpoints", "on")
          .setServerConfig("log_autovacuum_min_duration", "0")
          .setServerConfig("logging_collector", "on")
          .setServerConfig("log_directory", work.resolve("postgres-log").toString());
      System.out.println("bench-shares: PostgreSQL logs in " + work.resolve("postgres-log"));
    }
    try (EmbeddedPostgres postgres = postgresBuilder.start()) {
      int mqttPort = freePort();
      DropwizardTestSupport<OtedamaConfiguration> app =
          new DropwizardTestSupport<>(
              BenchApp.class,
              ResourceHelpers.resourceFilePath("test-config.yml"),
              ConfigOverride.config("database.url", postgres.getJdbcUrl("postgres", "postgres")),
              ConfigOverride.config("database.user", "postgres"),
              ConfigOverride.config("auth.bootstrapAdminPassword", ADMIN_PASSWORD),
              ConfigOverride.config("mqtt.embeddedPort", Integer.toString(mqttPort)),
              ConfigOverride.config("mqtt.embeddedBindAddress", "127.0.0.1"),
              ConfigOverride.config("mqtt.embeddedDataDir", work.resolve("hivemq").toString()),
              ConfigOverride.config("fleet.advertisedMqttUrl", "tcp://127.0.0.1:" + mqttPort),
              ConfigOverride.config("work.agentStartDifficulty", minDifficulty),
              ConfigOverride.config("work.vardiffMinDifficulty", minDifficulty),
              ConfigOverride.config("work.localJobInterval", jobInterval),
              ConfigOverride.config("work.updateFanoutRate", updateFanoutRate),
              ConfigOverride.config("work.localNetworkDifficulty", "1"));
      app.before();
      try {
        run(
            app,
            postgres.getPostgresDatabase(),
            rigs,
            seconds,
            warmup,
            hashesPerSecond,
            hashingThreads,
            loadHeap,
            loadGc,
            loadPrefix(loadNice, loadCpus),
            probeRigs,
            loadPrefix(0, probeCpus));
      } finally {
        app.after();
      }
    }
    System.exit(0);
  }

  /**
   * The rigs are other machines in a real farm: the load generator runs in a session of its own
   * ({@code setsid}), so the kernel's autogroup scheduling weighs it as one group against the
   * controller's and PostgreSQL's; {@code nice} lowers that group's weight (the autogroup nice) and
   * each of its threads'. A thread's nice alone does not do it: it only orders threads within one
   * group, and 10,000 rigs' 30,000 threads waking together at each job outweighed the controller's
   * threads in the group they shared. {@code taskset} keeps it on CPUs of its own.
   */
  private static List<String> loadPrefix(int nice, String cpus) {
    List<String> prefix = new java.util.ArrayList<>(List.of("setsid"));
    if (nice > 0) {
      prefix.addAll(
          List.of(
              "sh",
              "-c",
              "echo "
                  + nice
                  + " > /proc/self/autogroup || echo 'bench-shares: the autogroup nice was not"
                  + " set' >&2; exec \"$@\"",
              "sh"));
    }
    if (!cpus.isEmpty()) {
      prefix.addAll(List.of("taskset", "-c", cpus));
    }
    if (nice > 0) {
      prefix.addAll(List.of("nice", "-n", Integer.toString(nice)));
    }
    return prefix;
  }

  /** Binds every thread of this JVM, and every process it starts from now on, to {@code cpus}. */
  private static void pinThisProcess(String cpus) throws Exception {
    Process taskset =
        new ProcessBuilder(
                "taskset", "-a", "-p", "-c", cpus, Long.toString(ProcessHandle.current().pid()))
            .redirectErrorStream(true)
            .start();
    String output = new String(taskset.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (taskset.waitFor() != 0) {
      throw new IllegalArgumentException("--controller-cpus " + cpus + ": taskset said " + output);
    }
    System.out.println("bench-shares: controller JVM and PostgreSQL on CPUs " + cpus);
  }

  private static void run(
      DropwizardTestSupport<OtedamaConfiguration> app,
      DataSource database,
      int rigs,
      int seconds,
      int warmup,
      double hashesPerSecond,
      int hashingThreads,
      String loadHeap,
      String loadGc,
      List<String> loadPrefix,
      int probeRigs,
      List<String> probePrefix)
      throws Exception {
    URI base = URI.create("http://127.0.0.1:" + app.getLocalPort());
    String token = enrollmentToken(base, rigs);
    MeterRegistry registry = ((OtedamaApplication) app.getApplication()).core().meterRegistry();

    ProbeLatencies probes = new ProbeLatencies();
    ((OtedamaApplication) app.getApplication()).shares().log().addCommitListener(probes);

    SimulatorSettings sim =
        new SimulatorSettings(base, token, hashesPerSecond, hashingThreads, loadHeap, loadGc);
    Process load = startSimulator("load", loadPrefix, sim, rigs - probeRigs, "sim");
    Process probe =
        probeRigs > 0 ? startSimulator("probe", probePrefix, sim, probeRigs, "probe") : null;
    try {
      long connectStart = System.nanoTime();
      while (online(registry) < rigs) {
        if (!load.isAlive()) {
          throw new IllegalStateException("the simulator exited (" + load.exitValue() + ")");
        }
        if (probe != null && !probe.isAlive()) {
          throw new IllegalStateException("the probe simulator exited (" + probe.exitValue() + ")");
        }
        if (System.nanoTime() - connectStart > Duration.ofMinutes(10).toNanos()) {
          System.out.printf(
              "bench-shares: only %.0f rigs online after 10 minutes%n", online(registry));
          break;
        }
        Thread.sleep(1000);
      }
      System.out.printf(
          "bench-shares: %.0f rigs online after %.0f s; warming up %d s%n",
          online(registry), (System.nanoTime() - connectStart) / 1e9, warmup);
      if (probe != null) {
        probes.watch(probeRigIds(database));
      }
      Thread.sleep(warmup * 1000L);

      Window window = new Window(registry, database, load.toHandle());
      SlowShareTimeline timeline =
          new SlowShareTimeline(registry.get("otedama_work_fanout_seconds").timer());
      ((OtedamaApplication) app.getApplication()).shares().log().addCommitListener(timeline);
      window.start();
      probes.start();
      timeline.start();
      System.out.println(
          "bench-shares: measurement window starts at " + java.time.Instant.now() + " (t = 0)");
      for (int s = 0; s < seconds; s += 10) {
        Thread.sleep(Math.min(10, seconds - s) * 1000L);
        System.out.printf(
            "bench-shares: %d s, accepted %.0f, rejected %.0f, share log backlog rows %.0f%n",
            s + Math.min(10, seconds - s),
            accepted(registry),
            rejected(registry).values().stream().mapToDouble(Double::doubleValue).sum(),
            counter(registry, "otedama_share_log_rows_total"));
      }
      window.end();
      // let the last accepted shares reach the log before counting rows
      Thread.sleep(2000);
      probes.end();
      timeline.end();
      window.report(rigs);
      if (probe != null) {
        System.out.printf(
            "probe rigs (%d, own JVM at normal priority) publish -> logged  p50 %d ms  p99 %d ms"
                + "  p99.9 %d ms  (<= 50 ms: %.3f%%), %d shares%n",
            probeRigs,
            probes.percentile(0.50),
            probes.percentile(0.99),
            probes.percentile(0.999),
            probes.fractionAtOrUnder(50) * 100,
            probes.count());
      }
      timeline.print();
    } finally {
      stop(load);
      if (probe != null) {
        stop(probe);
      }
    }
  }

  private static void stop(Process simulator) throws InterruptedException {
    simulator.destroy();
    if (!simulator.waitFor(30, TimeUnit.SECONDS)) {
      simulator.destroyForcibly();
    }
  }

  /** What every simulator of the run shares. */
  private record SimulatorSettings(
      URI controller,
      String token,
      double hashesPerSecond,
      int hashingThreads,
      String heap,
      String gc) {}

  /**
   * Starts {@code otedama-agent simulate} with {@code rigs} rigs in a JVM of its own, under {@code
   * prefix} ({@code nice}, {@code taskset}), its output echoed with {@code label}. The fleet name
   * goes into the rigs' hardware ids ({@code sim:<fleet>:<n>}).
   */
  private static Process startSimulator(
      String label, List<String> prefix, SimulatorSettings sim, int rigs, String fleet)
      throws java.io.IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command = new java.util.ArrayList<>(prefix);
    command.addAll(
        List.of(
            java,
            "-Xmx" + sim.heap(),
            "-XX:+Use" + sim.gc(),
            "--add-modules=jdk.incubator.vector",
            "-cp",
            System.getProperty("java.class.path"),
            "io.otedama.agent.cli.AgentCli",
            "simulate",
            "--controller",
            sim.controller().toString(),
            "--token",
            sim.token(),
            "--rigs",
            Integer.toString(rigs),
            "--fleet",
            fleet,
            "--hashes-per-second",
            Double.toString(sim.hashesPerSecond()),
            "--hashing-threads",
            Integer.toString(sim.hashingThreads()),
            "--failures",
            "0"));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    Thread.ofPlatform()
        .daemon()
        .start(() -> {
          try (BufferedReader out =
              new BufferedReader(
                  new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
              System.out.println(label + ": " + line);
            }
          } catch (java.io.IOException ignored) {
            // the process ended
          }
        });
    return process;
  }

  /** The rigs the probe simulator enrolled (hardware ids {@code sim:probe:<n>}). */
  private static java.util.Set<String> probeRigIds(DataSource database) throws Exception {
    java.util.Set<String> ids = new java.util.HashSet<>();
    try (java.sql.Connection c = database.getConnection();
        java.sql.ResultSet rs =
            c.createStatement()
                .executeQuery("SELECT id FROM rigs WHERE hardware_id LIKE 'sim:probe:%'")) {
      while (rs.next()) {
        ids.add(rs.getString(1));
      }
    }
    return ids;
  }

  private static double online(MeterRegistry registry) {
    Gauge g = registry.find("otedama.rigs").tag("status", "online").gauge();
    return g == null ? 0 : g.value();
  }

  /**
   * The share counters, looked up once: a registry search walks every meter (60,000 at 10,000
   * rigs), which showed up as the bench's own CPU in the controller's profile.
   */
  private static final Map<String, java.util.Collection<Counter>> COUNTERS =
      new java.util.concurrent.ConcurrentHashMap<>();

  private static java.util.Collection<Counter> shareCounters(
      MeterRegistry registry, String result) {
    return COUNTERS.computeIfAbsent(
        result,
        r -> List.copyOf(registry.find("otedama_shares_total").tag("result", r).counters()));
  }

  private static double accepted(MeterRegistry registry) {
    return shareCounters(registry, "accepted").stream().mapToDouble(Counter::count).sum();
  }

  private static Map<String, Double> rejected(MeterRegistry registry) {
    Map<String, Double> byReason = new TreeMap<>();
    for (Counter c : shareCounters(registry, "rejected")) {
      byReason.merge(c.getId().getTag("reason"), c.count(), Double::sum);
    }
    return byReason;
  }

  private static double counter(MeterRegistry registry, String name) {
    java.util.Collection<Counter> found =
        COUNTERS.computeIfAbsent(
            name,
            n -> {
              Counter c = registry.find(n).counter();
              return c == null ? List.of() : List.of(c);
            });
    return found.stream().mapToDouble(Counter::count).sum();
  }

  private static String enrollmentToken(URI base, int rigs) throws Exception {
    ObjectMapper json = new ObjectMapper();
    HttpClient http = HttpClient.newHttpClient();
    JsonNode login =
        post(
            http,
            json,
            base,
            "/api/v1/auth/token",
            null,
            Map.of("username", "admin", "password", ADMIN_PASSWORD));
    String admin = login.path("token").asText();
    return post(
            http,
            json,
            base,
            "/api/v1/enrollment-tokens",
            admin,
            Map.of("uses", rigs, "ttlHours", 2))
        .path("token")
        .asText();
  }

  private static JsonNode post(
      HttpClient http, ObjectMapper json, URI base, String path, String bearer, Object body)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(base.resolve(path))
            .timeout(Duration.ofSeconds(60))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)));
    if (bearer != null) {
      request.header("Authorization", "Bearer " + bearer);
    }
    HttpResponse<String> response =
        http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() / 100 != 2) {
      throw new IllegalStateException(
          path + " answered " + response.statusCode() + ": " + response.body());
    }
    return json.readTree(response.body());
  }

  private static long shareRows(DataSource database) throws Exception {
    try (Connection c = database.getConnection();
        Statement s = c.createStatement();
        ResultSet r = s.executeQuery("SELECT count(*) FROM shares")) {
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

  /** Counters, latencies and CPU between start and end. */
  private static final class Window {
    private final MeterRegistry registry;
    private final DataSource database;
    private final ProcessHandle load;
    private final OperatingSystemMXBean os =
        (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private final LatencyWindow delivery;
    private final LatencyWindow arrival;
    private final LatencyWindow fanout;
    private final LatencyWindow ingestWait;
    private final LatencyWindow logWait;
    private final LatencyWindow logWrite;
    private final List<java.lang.management.GarbageCollectorMXBean> collectors =
        ManagementFactory.getGarbageCollectorMXBeans();
    private long[] gcCountStart;
    private long[] gcTimeStart;
    private long[] gcCountEnd;
    private long[] gcTimeEnd;
    private long startNanos;
    private long endNanos;
    private double acceptedStart;
    private double acceptedEnd;
    private Map<String, Double> rejectedStart;
    private Map<String, Double> rejectedEnd;
    private long rowsStart;
    private double publishFailedStart;
    private double publishFailedEnd;
    private long controllerCpuStart;
    private long controllerCpuEnd;
    private long loadCpuStart;
    private long loadCpuEnd;
    private long[] machineStart;
    private long[] machineEnd;

    Window(MeterRegistry registry, DataSource database, ProcessHandle load) {
      this.registry = registry;
      this.database = database;
      this.load = load;
      this.delivery = new LatencyWindow(timer("otedama_share_delivery_seconds"));
      this.arrival = new LatencyWindow(timer("otedama_share_log_latency_seconds"));
      this.fanout = new LatencyWindow(timer("otedama_work_fanout_seconds"));
      this.ingestWait = new LatencyWindow(timer("otedama_share_ingest_wait_seconds"));
      this.logWait = new LatencyWindow(timer("otedama_share_log_wait_seconds"));
      this.logWrite = new LatencyWindow(timer("otedama_share_log_write_seconds"));
    }

    private long[] gcCounts() {
      return collectors.stream()
          .mapToLong(java.lang.management.GarbageCollectorMXBean::getCollectionCount)
          .toArray();
    }

    private long[] gcTimes() {
      return collectors.stream()
          .mapToLong(java.lang.management.GarbageCollectorMXBean::getCollectionTime)
          .toArray();
    }

    private Timer timer(String name) {
      return registry.get(name).timer();
    }

    void start() throws Exception {
      startNanos = System.nanoTime();
      acceptedStart = accepted(registry);
      rejectedStart = rejected(registry);
      rowsStart = shareRows(database);
      publishFailedStart = counter(registry, "otedama_work_publish_failed_total");
      controllerCpuStart = os.getProcessCpuTime();
      loadCpuStart = cpuNanos(load);
      machineStart = MachineCpu.read();
      delivery.start();
      arrival.start();
      fanout.start();
      ingestWait.start();
      logWait.start();
      logWrite.start();
      gcCountStart = gcCounts();
      gcTimeStart = gcTimes();
    }

    void end() {
      endNanos = System.nanoTime();
      acceptedEnd = accepted(registry);
      rejectedEnd = rejected(registry);
      publishFailedEnd = counter(registry, "otedama_work_publish_failed_total");
      controllerCpuEnd = os.getProcessCpuTime();
      loadCpuEnd = cpuNanos(load);
      machineEnd = MachineCpu.read();
      delivery.end();
      arrival.end();
      fanout.end();
      ingestWait.end();
      logWait.end();
      logWrite.end();
      gcCountEnd = gcCounts();
      gcTimeEnd = gcTimes();
    }

    void report(int rigs) throws Exception {
      double window = (endNanos - startNanos) / 1e9;
      double accepted = acceptedEnd - acceptedStart;
      long rows = shareRows(database) - rowsStart;
      System.out.println();
      System.out.println("==== bench-shares result ====");
      System.out.printf("rigs online               %.0f of %d%n", online(registry), rigs);
      System.out.printf(
          "accepted shares           %.0f in %.0f s = %.0f shares/s (%.1f s per rig per share)%n",
          accepted, window, accepted / window, rigs * window / Math.max(1, accepted));
      StringBuilder rejects = new StringBuilder();
      rejectedEnd.forEach((reason, n) -> {
        double d = n - rejectedStart.getOrDefault(reason, 0.0);
        if (d > 0) {
          rejects.append(' ').append(reason).append('=').append((long) d);
        }
      });
      System.out.printf("rejected                 %s%n", rejects.length() == 0 ? " none" : rejects);
      System.out.printf(
          "share log rows            %d written in the window (accepted %.0f)%n", rows, accepted);
      System.out.printf(
          "rig publish -> logged     p50 %.1f ms  p99 %.1f ms  mean %.1f ms  (<= 50 ms: %.3f%%),"
              + " %d shares%n",
          delivery.percentileMillis(0.50),
          delivery.percentileMillis(0.99),
          delivery.meanMillis(),
          delivery.fractionAtOrUnder(50) * 100,
          delivery.count());
      System.out.printf(
          "arrival -> logged         p50 %.1f ms  p99 %.1f ms  mean %.1f ms%n",
          arrival.percentileMillis(0.50), arrival.percentileMillis(0.99), arrival.meanMillis());
      System.out.printf(
          "  arrival -> share path   p50 %.1f ms  p99 %.1f ms  mean %.1f ms (inbound queue)%n",
          ingestWait.percentileMillis(0.50),
          ingestWait.percentileMillis(0.99),
          ingestWait.meanMillis());
      System.out.printf(
          "  arrival -> log write    p50 %.1f ms  p99 %.1f ms  mean %.1f ms (+ validation and"
              + " share log queue)%n",
          logWait.percentileMillis(0.50), logWait.percentileMillis(0.99), logWait.meanMillis());
      System.out.printf(
          "  share log write         p50 %.1f ms  p99 %.1f ms  p99.9 %.1f ms  mean %.1f ms, %d"
              + " writes, %.1f rows each%n",
          logWrite.percentileMillis(0.50),
          logWrite.percentileMillis(0.99),
          logWrite.percentileMillis(0.999),
          logWrite.meanMillis(),
          logWrite.count(),
          rows / (double) Math.max(1, logWrite.count()));
      StringBuilder gc = new StringBuilder();
      for (int i = 0; i < collectors.size(); i++) {
        gc.append(
            String.format(
                " %s: %d in %d ms;",
                collectors.get(i).getName(),
                gcCountEnd[i] - gcCountStart[i],
                gcTimeEnd[i] - gcTimeStart[i]));
      }
      System.out.printf("controller GC            %s%n", gc);
      System.out.printf(
          "job fan-out to %d rigs  %d jobs: p50 %.1f ms  p99 %.1f ms  mean %.1f ms;"
              + " publish failures %.0f%n",
          rigs,
          fanout.count(),
          fanout.percentileMillis(0.50),
          fanout.percentileMillis(0.99),
          fanout.meanMillis(),
          publishFailedEnd - publishFailedStart);
      System.out.printf(
          "CPU (cores, avg)          controller+broker %.2f  simulator %.2f  whole machine"
              + " %.2f of %d%n",
          (controllerCpuEnd - controllerCpuStart) / 1e9 / window,
          (loadCpuEnd - loadCpuStart) / 1e9 / window,
          MachineCpu.busyCores(machineStart, machineEnd),
          MachineCpu.cores());
    }

    private static long cpuNanos(ProcessHandle process) {
      return process.info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
    }
  }
}
