package io.otedama.agent.sim;

import io.otedama.agent.command.CommandOutcome;
import io.otedama.agent.command.ExecutedCommands;
import io.otedama.agent.config.AgentConfig;
import io.otedama.agent.config.DeviceConfig;
import io.otedama.agent.device.MiningDevice;
import io.otedama.agent.device.simulated.SimulatedDevice;
import io.otedama.agent.enroll.EnrollmentClient;
import io.otedama.agent.enroll.EnrollmentException;
import io.otedama.agent.link.LinkSettings;
import io.otedama.agent.link.LinkState;
import io.otedama.agent.link.ThreadPerTaskScheduler;
import io.otedama.agent.runtime.AgentEnvironment;
import io.otedama.agent.runtime.BirthSequence;
import io.otedama.agent.runtime.RigAgent;
import io.otedama.agent.spool.MemorySpool;
import io.otedama.agent.update.ArtifactDownloader;
import io.otedama.agent.update.ArtifactVerifier;
import io.otedama.agent.update.FirmwareUpdater;
import io.otedama.agent.update.SimulatedInstaller;
import io.otedama.protocol.message.HardwareIdentity;
import io.otedama.protocol.release.ReleaseSignatures;
import io.otedama.protocol.release.ReleaseSignatures.TrustedKey;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * N simulated rigs in one process, each running the real agent code ({@link RigAgent}): each
 * enrolls through the controller's real API with its own hardware id, holds its own MQTT session
 * with its own credentials, publishes birth, status and telemetry that differ from rig to rig,
 * mines real shares at a tiny difficulty on the controller's work, and obeys commands ({@code
 * reboot} drops the rig's connection and brings it back, like a power cycle).
 *
 * <p>What makes 10,000 fit: all rigs share one {@link AgentEnvironment} (Paho's threads and every
 * timer on one thread-per-task scheduler with virtual threads on Java 24+, one shared simulated
 * hashing thread), spool in memory, and keep no thread while idle.
 *
 * <p>Used by {@code otedama-agent simulate}, the controller's demo and its load benchmark:
 *
 * <pre>{@code
 * FleetSimulator fleet = FleetSimulator.start(
 *     FleetSimulator.Options.defaults(URI.create("http://127.0.0.1:8080"), token, 5));
 * fleet.awaitConnected(5, Duration.ofSeconds(30));
 * ...
 * fleet.close();
 * }</pre>
 */
public final class FleetSimulator implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger(FleetSimulator.class.getName());
  private static final String VERSION =
      "sim-"
          + java.util.Objects.requireNonNullElse(
              FleetSimulator.class.getPackage().getImplementationVersion(), "development");

  /** The models simulated rigs are, with their nominal hashrate (H/s) and power (W). */
  static final List<Model> MODELS =
      List.of(
          new Model("Antminer S19 Pro", 110e12, 3250),
          new Model("Antminer S19j Pro", 100e12, 3050),
          new Model("Whatsminer M30S+", 100e12, 3400),
          new Model("Antminer S21", 200e12, 3500),
          new Model("Avalon A1366", 130e12, 3250));

  record Model(String name, double hashrateHs, double powerW) {}

  /**
   * How to simulate.
   *
   * @param controller the controller's HTTP base URL (enrollment)
   * @param token an enrollment token with at least {@code rigs} uses
   * @param fleetName part of every rig's hardware id ({@code sim:<fleetName>:<n>}): the same name
   *     enrolls the same rigs again
   * @param hashesPerSecond real hashing per rig (all rigs share {@code hashingThreads} threads)
   * @param failureShare the share of rigs (0..1) that develop a failure (overheat, hashrate drop or
   *     hang) 5 to 60 minutes after start
   * @param ramp connects are spread evenly over this time
   * @param broker overrides the broker URL the controller advertises, or null
   * @param reconnectMin the first reconnect window after a lost connection
   * @param reconnectMax the cap of the backoff window
   * @param clock the rigs' clock (their message timestamps); the system clock by default
   */
  public record Options(
      URI controller,
      String token,
      int rigs,
      Duration telemetryInterval,
      String fleetName,
      double hashesPerSecond,
      double failureShare,
      Duration ramp,
      URI broker,
      int enrollConcurrency,
      int hashingThreads,
      Duration reconnectMin,
      Duration reconnectMax,
      long seed,
      List<String> releaseKeys,
      Set<Integer> withoutPowerModes,
      Clock clock) {
    public Options {
      Objects.requireNonNull(clock, "clock");
      releaseKeys = List.copyOf(releaseKeys);
      withoutPowerModes = Set.copyOf(withoutPowerModes);
      Objects.requireNonNull(controller, "controller");
      Objects.requireNonNull(token, "token");
      if (rigs < 1) {
        throw new IllegalArgumentException("rigs must be at least 1, got " + rigs);
      }
      if (!fleetName.matches("[A-Za-z0-9_.-]{1,40}")) {
        throw new IllegalArgumentException(
            "fleet name must be 1 to 40 letters, digits, '.', '_' or '-', got '" + fleetName + "'");
      }
      if (failureShare < 0 || failureShare > 1) {
        throw new IllegalArgumentException("failure share must be between 0 and 1");
      }
    }

    /** 10-second telemetry, 200 real H/s per rig, 2 % failing rigs, connects over N/200 s. */
    public static Options defaults(URI controller, String token, int rigs) {
      return new Options(
          controller,
          token,
          rigs,
          Duration.ofSeconds(10),
          "sim",
          200,
          0.02,
          Duration.ofMillis(rigs * 5L),
          null,
          16,
          1,
          Duration.ofSeconds(5),
          Duration.ofSeconds(60),
          1,
          List.of(),
          Set.of(),
          Clock.systemUTC());
    }

    public Options withTelemetryInterval(Duration interval) {
      return new Options(
          controller,
          token,
          rigs,
          interval,
          fleetName,
          hashesPerSecond,
          failureShare,
          ramp,
          broker,
          enrollConcurrency,
          hashingThreads,
          reconnectMin,
          reconnectMax,
          seed,
          releaseKeys,
          withoutPowerModes,
          clock);
    }

    public Options withFleetName(String name) {
      return new Options(
          controller,
          token,
          rigs,
          telemetryInterval,
          name,
          hashesPerSecond,
          failureShare,
          ramp,
          broker,
          enrollConcurrency,
          hashingThreads,
          reconnectMin,
          reconnectMax,
          seed,
          releaseKeys,
          withoutPowerModes,
          clock);
    }

    public Options withHashesPerSecond(double perRig) {
      return new Options(
          controller,
          token,
          rigs,
          telemetryInterval,
          fleetName,
          perRig,
          failureShare,
          ramp,
          broker,
          enrollConcurrency,
          hashingThreads,
          reconnectMin,
          reconnectMax,
          seed,
          releaseKeys,
          withoutPowerModes,
          clock);
    }

    public Options withFailureShare(double share) {
      return new Options(
          controller,
          token,
          rigs,
          telemetryInterval,
          fleetName,
          hashesPerSecond,
          share,
          ramp,
          broker,
          enrollConcurrency,
          hashingThreads,
          reconnectMin,
          reconnectMax,
          seed,
          releaseKeys,
          withoutPowerModes,
          clock);
    }

    public Options withRamp(Duration newRamp) {
      return new Options(
          controller,
          token,
          rigs,
          telemetryInterval,
          fleetName,
          hashesPerSecond,
          failureShare,
          newRamp,
          broker,
          enrollConcurrency,
          hashingThreads,
          reconnectMin,
          reconnectMax,
          seed,
          releaseKeys,
          withoutPowerModes,
          clock);
    }

    public Options withBroker(URI url) {
      return new Options(
          controller,
          token,
          rigs,
          telemetryInterval,
          fleetName,
          hashesPerSecond,
          failureShare,
          ramp,
          url,
          enrollConcurrency,
          hashingThreads,
          reconnectMin,
          reconnectMax,
          seed,
          releaseKeys,
          withoutPowerModes,
          clock);
    }

    public Options withEnrollConcurrency(int n) {
      return new Options(
          controller,
          token,
          rigs,
          telemetryInterval,
          fleetName,
          hashesPerSecond,
          failureShare,
          ramp,
          broker,
          n,
          hashingThreads,
          reconnectMin,
          reconnectMax,
          seed,
          releaseKeys,
          withoutPowerModes,
          clock);
    }

    public Options withHashingThreads(int n) {
      return new Options(
          controller,
          token,
          rigs,
          telemetryInterval,
          fleetName,
          hashesPerSecond,
          failureShare,
          ramp,
          broker,
          enrollConcurrency,
          n,
          reconnectMin,
          reconnectMax,
          seed,
          releaseKeys,
          withoutPowerModes,
          clock);
    }

    public Options withReconnect(Duration min, Duration max) {
      return new Options(
          controller,
          token,
          rigs,
          telemetryInterval,
          fleetName,
          hashesPerSecond,
          failureShare,
          ramp,
          broker,
          enrollConcurrency,
          hashingThreads,
          min,
          max,
          seed,
          releaseKeys,
          withoutPowerModes,
          clock);
    }

    /**
     * The release keys (PEM or base64) the simulated rigs trust for {@code update-firmware}; none
     * (the default): they refuse every update.
     */
    public Options withReleaseKeys(List<String> keys) {
      return new Options(
          controller,
          token,
          rigs,
          telemetryInterval,
          fleetName,
          hashesPerSecond,
          failureShare,
          ramp,
          broker,
          enrollConcurrency,
          hashingThreads,
          reconnectMin,
          reconnectMax,
          seed,
          keys,
          withoutPowerModes,
          clock);
    }

    /**
     * The rigs (by index, 0-based) whose miners have no power modes, like many stock ASIC
     * firmwares: they do not advertise {@code cmd:set-power-mode} and refuse it, so curtailment
     * switches them off at their outlet instead. None by default.
     */
    public Options withoutPowerModes(Set<Integer> rigIndexes) {
      return new Options(
          controller,
          token,
          rigs,
          telemetryInterval,
          fleetName,
          hashesPerSecond,
          failureShare,
          ramp,
          broker,
          enrollConcurrency,
          hashingThreads,
          reconnectMin,
          reconnectMax,
          seed,
          releaseKeys,
          rigIndexes,
          clock);
    }

    public Options withSeed(long newSeed) {
      return new Options(
          controller,
          token,
          rigs,
          telemetryInterval,
          fleetName,
          hashesPerSecond,
          failureShare,
          ramp,
          broker,
          enrollConcurrency,
          hashingThreads,
          reconnectMin,
          reconnectMax,
          newSeed,
          releaseKeys,
          withoutPowerModes,
          clock);
    }

    /**
     * The rigs' clock, e.g. the one a test's controller runs on when the test moves it: rigs on
     * another clock than the controller's look silent (their heartbeats are old) or from the
     * future.
     */
    public Options withClock(Clock rigClock) {
      return new Options(
          controller,
          token,
          rigs,
          telemetryInterval,
          fleetName,
          hashesPerSecond,
          failureShare,
          ramp,
          broker,
          enrollConcurrency,
          hashingThreads,
          reconnectMin,
          reconnectMax,
          seed,
          releaseKeys,
          withoutPowerModes,
          rigClock);
    }
  }

  /** One simulated rig, for inspection. */
  public record SimulatedRig(
      int index, String hardwareId, String model, RigAgent agent, SimulatedInstaller installer) {
    public String rigId() {
      return agent.rigId();
    }

    public boolean connected() {
      return agent.link().isConnected();
    }

    /** The rig's simulated miner. */
    public SimulatedDevice device() {
      return (SimulatedDevice) agent.devices().get(0);
    }

    /**
     * Its outlet goes off: the rig loses power (drops off the broker without a goodbye, stops
     * hashing and reporting) until {@link #powerOn()}. Tests tie this to a simulated PDU's outlet.
     */
    public void powerOff() {
      agent.powerOff();
    }

    /** Its outlet comes back on: the rig boots (devices restart, it connects again). */
    public void powerOn() {
      agent.powerOn();
    }

    public boolean powered() {
      return agent.powered();
    }

    /** What the rig draws from its outlet now, in watts (0 without power): a PDU's meter. */
    public double drawW() {
      if (!agent.powered()) {
        return 0;
      }
      double watts = 0;
      for (MiningDevice d : agent.devices()) {
        Double w = d.telemetry().powerW();
        watts += w == null ? 0 : w;
      }
      return watts;
    }
  }

  /** Fleet-wide counters. */
  public record Stats(
      int rigs,
      int enrolled,
      int enrollFailures,
      int connected,
      long telemetrySent,
      long sharesFound,
      long messagesPublished,
      long spooled,
      long hashes) {}

  private final Options options;
  private final AgentEnvironment env;
  private final List<SimulatedRig> rigs = new CopyOnWriteArrayList<>();
  private final Map<Integer, String> enrollErrors = new ConcurrentHashMap<>();
  private final List<TrustedKey> releaseKeys;
  private final ArtifactDownloader updateDownloader;
  private final Path updateDownloads;
  private volatile boolean closed;

  private FleetSimulator(Options options, AgentEnvironment env) {
    this.options = options;
    this.env = env;
    this.releaseKeys = ReleaseSignatures.publicKeys(options.releaseKeys());
    this.updateDownloader =
        new ArtifactDownloader(
            Duration.ofSeconds(10), Duration.ofSeconds(20), 3, Duration.ofMillis(200));
    try {
      this.updateDownloads = java.nio.file.Files.createTempDirectory("otedama-sim-updates-");
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException("no temporary directory for simulated updates", e);
    }
  }

  /**
   * Enrolls every rig (blocking; {@code enrollConcurrency} at a time, each retried a few times),
   * then starts them, their connects spread over {@code ramp}; returns once all are started, not
   * connected (see {@link #awaitConnected}).
   *
   * @throws EnrollmentException when no rig could enroll (e.g. a bad token), with the reason
   */
  public static FleetSimulator start(Options options) {
    ThreadPerTaskScheduler scheduler = ThreadPerTaskScheduler.create("otedama-sim");
    AgentEnvironment env =
        new AgentEnvironment(scheduler, options.clock(), options.seed(), options.hashingThreads());
    FleetSimulator fleet = new FleetSimulator(options, env);
    try {
      fleet.enrollAndStart();
    } catch (RuntimeException e) {
      fleet.close();
      throw e;
    }
    return fleet;
  }

  private void enrollAndStart() {
    EnrollmentClient client = EnrollmentClient.standard();
    Semaphore permits = new Semaphore(Math.max(1, options.enrollConcurrency()));
    SplittableRandom random = new SplittableRandom(options.seed());
    List<Future<SimulatedRig>> pending = new ArrayList<>(options.rigs());
    long rampNanos = options.ramp().toNanos();
    try (ExecutorService enrollers = Executors.newVirtualThreadPerTaskExecutor()) {
      for (int i = 0; i < options.rigs(); i++) {
        int index = i;
        SplittableRandom rigRandom = random.split();
        pending.add(
            enrollers.submit(() -> {
              permits.acquire();
              try {
                return enroll(client, index, rigRandom);
              } finally {
                permits.release();
              }
            }));
      }
      for (int i = 0; i < pending.size(); i++) {
        try {
          SimulatedRig rig = pending.get(i).get();
          if (rig != null) {
            rigs.add(rig);
            long delay = options.rigs() <= 1 ? 0 : rampNanos * i / options.rigs();
            env.scheduler().schedule(() -> startRig(rig), delay, TimeUnit.NANOSECONDS);
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("interrupted while enrolling", e);
        } catch (java.util.concurrent.ExecutionException e) {
          enrollErrors.put(i, String.valueOf(e.getCause()));
        }
      }
    }
    if (rigs.isEmpty()) {
      String reason = enrollErrors.values().stream().findFirst().orElse("no rigs");
      throw new EnrollmentException(0, "no simulated rig could enroll: " + reason);
    }
    if (!enrollErrors.isEmpty()) {
      LOG.log(
          Level.WARNING,
          "{0} of {1} simulated rigs could not enroll, e.g.: {2}",
          enrollErrors.size(),
          options.rigs(),
          enrollErrors.values().iterator().next());
    }
  }

  private void startRig(SimulatedRig rig) {
    if (!closed) {
      rig.agent().start();
    }
  }

  private SimulatedRig enroll(EnrollmentClient client, int index, SplittableRandom random)
      throws InterruptedException {
    String hardwareId = "sim:" + options.fleetName() + ":" + index;
    Model model = MODELS.get(Math.floorMod(index, MODELS.size()));
    String name = options.fleetName() + "-" + (index + 1);
    AgentConfig.Credentials credentials = null;
    EnrollmentException last = null;
    for (int attempt = 0; attempt < 5 && credentials == null; attempt++) {
      try {
        credentials =
            client.enroll(options.controller(), options.token(), hardwareId, name, model.name());
      } catch (EnrollmentException e) {
        last = e;
        if (e.status() == 401 || e.status() == 403 || e.status() == 422 || e.status() == 400) {
          break; // the answer will not change
        }
        Thread.sleep(200L << attempt);
      }
    }
    if (credentials == null) {
      enrollErrors.put(index, last.getMessage());
      if (index == 0 || enrollErrors.size() == 1) {
        LOG.log(Level.WARNING, "simulated rig {0} could not enroll: {1}", name, last.getMessage());
      }
      return null;
    }
    URI brokerUrl = options.broker() != null ? options.broker() : credentials.mqttUrl();
    if (brokerUrl == null) {
      throw new EnrollmentException(
          200, "the controller advertised no MQTT URL; pass a broker URL");
    }
    LinkSettings link =
        new LinkSettings(
            brokerUrl,
            credentials.rigId(),
            credentials.mqttUsername(),
            credentials.mqttPassword(),
            Duration.ofSeconds(60),
            Duration.ofHours(1),
            Duration.ofSeconds(30),
            options.reconnectMin(),
            options.reconnectMax(),
            null);
    double variation = 0.9 + 0.2 * random.nextDouble();
    DeviceConfig.Simulated device =
        new DeviceConfig.Simulated(
            "sim0",
            model.name(),
            model.hashrateHs() * variation,
            model.powerW() * variation,
            18 + random.nextDouble() * 14,
            35 + random.nextDouble() * 15,
            options.hashesPerSecond(),
            failure(random));
    String mac =
        String.format(
            "02:00:%02x:%02x:%02x:%02x",
            (index >>> 24) & 0xff, (index >>> 16) & 0xff, (index >>> 8) & 0xff, index & 0xff);
    HardwareIdentity hardware = new HardwareIdentity(hardwareId, mac, null, model.name(), name);
    RigAgent[] self = new RigAgent[1];
    SimulatedInstaller installer =
        new SimulatedInstaller(version -> {
          // a simulated restart: the rig reports the new version in a fresh birth
          self[0].setAgentVersion(version);
          self[0].rebirth();
        });
    RigAgent.Setup setup =
        new RigAgent.Setup(
            link,
            hardware,
            VERSION,
            sink ->
                List.<MiningDevice>of(
                    new SimulatedDevice(
                        device,
                        sink,
                        env.simulatedHashing(),
                        env.clock(),
                        options.seed() + index,
                        !options.withoutPowerModes().contains(index))),
            new MemorySpool(4L * 1024 * 1024),
            ExecutedCommands.inMemory(256),
            BirthSequence.inMemory(),
            options.telemetryInterval(),
            null,
            () -> powerCycle(self[0]),
            null,
            Duration.ofMillis(500),
            new FirmwareUpdater(
                updateDownloader,
                new ArtifactVerifier(releaseKeys),
                installer,
                updateDownloads.resolve(hardwareId.replace(':', '_'))));
    RigAgent agent = new RigAgent(setup, env);
    self[0] = agent;
    return new SimulatedRig(index, hardwareId, model.name(), agent, installer);
  }

  private DeviceConfig.Failure failure(SplittableRandom random) {
    if (random.nextDouble() >= options.failureShare()) {
      return DeviceConfig.Failure.NONE;
    }
    String mode = List.of("overheat", "hashrate-drop", "hang").get(random.nextInt(3));
    return new DeviceConfig.Failure(
        mode, Duration.ofMinutes(5 + random.nextInt(56)), 0.3 + 0.4 * random.nextDouble());
  }

  /** A simulated reboot: the devices restart and the connection drops like on a power cut. */
  private static CommandOutcome powerCycle(RigAgent agent) {
    for (MiningDevice d : agent.devices()) {
      d.restart();
    }
    // answer first: the result is spooled and delivered after the "reboot"
    agent.link().dropConnection();
    return CommandOutcome.succeeded(
        "simulated reboot: devices restarted, connection dropped", Map.of());
  }

  public Options options() {
    return options;
  }

  public List<SimulatedRig> rigs() {
    return List.copyOf(rigs);
  }

  /** Why rigs could not enroll, by rig index. */
  public Map<Integer, String> enrollErrors() {
    return Map.copyOf(enrollErrors);
  }

  public Stats stats() {
    int connected = 0;
    long telemetry = 0;
    long shares = 0;
    long published = 0;
    long spooled = 0;
    for (SimulatedRig r : rigs) {
      RigAgent a = r.agent();
      if (a.link().state() == LinkState.CONNECTED) {
        connected++;
      }
      telemetry += a.telemetrySent();
      shares += a.sharesFound();
      published += a.outbox().published();
      spooled += a.outbox().spool().stats().records();
    }
    return new Stats(
        options.rigs(),
        rigs.size(),
        enrollErrors.size(),
        connected,
        telemetry,
        shares,
        published,
        spooled,
        env.simulatedHashing().hashes());
  }

  /** Waits until at least {@code count} rigs are connected; false on timeout. */
  public boolean awaitConnected(int count, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (stats().connected() >= count) {
        return true;
      }
      Thread.sleep(100);
    }
    return stats().connected() >= count;
  }

  /** Stops every rig (each says offline) and the shared threads. */
  @Override
  public void close() {
    closed = true;
    try (ExecutorService closers = Executors.newVirtualThreadPerTaskExecutor()) {
      for (SimulatedRig r : rigs) {
        closers.submit(() -> r.agent().close(Duration.ofMillis(500)));
      }
    }
    env.close();
    try (var files = java.nio.file.Files.walk(updateDownloads)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
    } catch (java.io.IOException ignored) {
      // a temporary directory: the OS cleans it up
    }
  }
}
