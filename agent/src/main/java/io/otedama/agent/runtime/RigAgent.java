package io.otedama.agent.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.otedama.agent.command.CommandHandlers;
import io.otedama.agent.command.CommandProcessor;
import io.otedama.agent.command.ExecutedCommands;
import io.otedama.agent.device.AssignedWork;
import io.otedama.agent.device.MiningDevice;
import io.otedama.agent.link.LinkHandler;
import io.otedama.agent.link.LinkSettings;
import io.otedama.agent.link.MqttLink;
import io.otedama.agent.spool.MessagePublisher;
import io.otedama.agent.spool.Outbox;
import io.otedama.agent.spool.Spool;
import io.otedama.agent.spool.SpoolKind;
import io.otedama.agent.telemetry.HostSensors;
import io.otedama.agent.telemetry.TelemetryCollector;
import io.otedama.protocol.codec.MessageLimits;
import io.otedama.protocol.codec.MessageRejectedException;
import io.otedama.protocol.message.BirthMessage;
import io.otedama.protocol.message.CommandResultMessage;
import io.otedama.protocol.message.CommandStatus;
import io.otedama.protocol.message.DeviceInfo;
import io.otedama.protocol.message.HardwareIdentity;
import io.otedama.protocol.message.TelemetryMessage;
import io.otedama.protocol.message.WorkAssignmentMessage;
import io.otedama.protocol.topic.TopicKind;
import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * One rig: its MQTT link, outbox and spool, devices, telemetry schedule, work and commands, wired
 * together. {@code run} starts one; the fleet simulator starts thousands on one {@link
 * AgentEnvironment}.
 *
 * <p>Incoming messages are handled in order on a per-rig {@link SerialExecutor}, never on Paho's
 * callback thread. A work assignment goes to every device; one that does not decode or that the
 * hashing code cannot use is answered on {@code cmd/result} under the id {@code work:<jobId>} with
 * {@code failed} and the reason, and the previous work continues. Commands are the {@link
 * CommandProcessor}'s.
 */
public final class RigAgent implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger(RigAgent.class.getName());
  private static final ObjectMapper LENIENT = new ObjectMapper();
  private static final int OUTBOX_WINDOW = 16;
  private static final Duration ACK_TIMEOUT = Duration.ofSeconds(30);

  /**
   * Everything one rig needs.
   *
   * @param host the host's sensors, or null (simulated rigs report no host figures)
   * @param devices builds the devices, given where they hand their shares
   * @param reboot what {@code reboot} does, or null for {@code systemctl reboot}
   * @param ledPath a Linux LED directory for {@code blink-led}, or null
   * @param updater runs {@code update-firmware}, or null (such commands fail: not configured)
   */
  public record Setup(
      LinkSettings link,
      HardwareIdentity hardware,
      String agentVersion,
      Function<io.otedama.agent.device.ShareSink, List<MiningDevice>> devices,
      Spool spool,
      ExecutedCommands executedCommands,
      java.util.function.LongSupplier birthSeq,
      Duration telemetryInterval,
      HostSensors host,
      io.otedama.agent.command.RebootAction reboot,
      Path ledPath,
      Duration shareBatchDelay,
      io.otedama.agent.update.FirmwareUpdater updater) {
    /** A rig that cannot run {@code update-firmware}. */
    public Setup(
        LinkSettings link,
        HardwareIdentity hardware,
        String agentVersion,
        Function<io.otedama.agent.device.ShareSink, List<MiningDevice>> devices,
        Spool spool,
        ExecutedCommands executedCommands,
        java.util.function.LongSupplier birthSeq,
        Duration telemetryInterval,
        HostSensors host,
        io.otedama.agent.command.RebootAction reboot,
        Path ledPath,
        Duration shareBatchDelay) {
      this(
          link,
          hardware,
          agentVersion,
          devices,
          spool,
          executedCommands,
          birthSeq,
          telemetryInterval,
          host,
          reboot,
          ledPath,
          shareBatchDelay,
          null);
    }

    public Setup {
      Objects.requireNonNull(link, "link");
      Objects.requireNonNull(hardware, "hardware");
      Objects.requireNonNull(devices, "devices");
      Objects.requireNonNull(spool, "spool");
      Objects.requireNonNull(executedCommands, "executedCommands");
      Objects.requireNonNull(birthSeq, "birthSeq");
      Objects.requireNonNull(telemetryInterval, "telemetryInterval");
    }
  }

  private final Setup setup;
  private final AgentEnvironment env;
  private final String rigId;
  private final MqttLink link;
  private final Outbox outbox;
  private final ShareBatcher shares;
  private final List<MiningDevice> devices;
  private final TelemetryCollector telemetry;
  private final CommandProcessor commands;
  private final SerialExecutor inbound;
  private final AtomicLong telemetrySent = new AtomicLong();
  private final java.util.concurrent.atomic.AtomicBoolean telemetryPending =
      new java.util.concurrent.atomic.AtomicBoolean();
  private final java.util.concurrent.locks.ReentrantLock telemetryLock =
      new java.util.concurrent.locks.ReentrantLock();
  private final AtomicLong workRejected = new AtomicLong();
  private final AtomicLong workApplied = new AtomicLong();
  private volatile AssignedWork currentWork;
  private volatile String agentVersion;
  private ScheduledFuture<?> telemetryTask;
  private volatile boolean closed;
  private volatile boolean unpowered;
  private final Handler handler = new Handler();

  public RigAgent(Setup setup, AgentEnvironment env) {
    this.setup = setup;
    this.env = env;
    this.rigId = setup.link().rigId();
    this.agentVersion = setup.agentVersion();
    this.link =
        new MqttLink(
            setup.link(),
            handler,
            env.codec(),
            setup.birthSeq(),
            env.clock(),
            env.newRandom(),
            env.scheduler(),
            env.scheduler().threadFactory());
    this.outbox =
        new Outbox(
            setup.spool(),
            new MessagePublisher() {
              @Override
              public boolean isConnected() {
                return link.isConnected();
              }

              @Override
              public int maxInFlight() {
                return link.maxInFlight();
              }

              @Override
              public CompletableFuture<Void> publish(TopicKind kind, byte[] payload) {
                return link.publish(kind, payload);
              }
            },
            env.scheduler(),
            OUTBOX_WINDOW,
            ACK_TIMEOUT);
    this.shares =
        new ShareBatcher(
            outbox,
            env.codec(),
            new ShareIds(env.newRandom()),
            env.clock(),
            env.scheduler(),
            setup.shareBatchDelay() == null ? Duration.ofMillis(500) : setup.shareBatchDelay());
    this.devices = List.copyOf(setup.devices().apply(shares));
    this.telemetry =
        new TelemetryCollector(devices, setup.host(), env.clock(), env.clock().millis());
    this.inbound = new SerialExecutor(env.scheduler(), 1000);
    this.commands =
        new CommandProcessor(
            env.codec(),
            setup.executedCommands(),
            new CommandHandlers(
                devices,
                () -> currentWork,
                setup.reboot() == null
                    ? new io.otedama.agent.command.SystemReboot(
                        List.of("systemctl", "reboot"), Duration.ofMinutes(2))
                    : setup.reboot(),
                setup.ledPath(),
                env.scheduler()::execute,
                setup.updater()),
            result -> outbox.submit(SpoolKind.COMMAND_RESULT, env.codec().encode(result)),
            env.scheduler(),
            env.clock());
  }

  /** Starts the devices, the link and the telemetry schedule; returns at once. */
  public synchronized void start() {
    for (MiningDevice d : devices) {
      d.start();
    }
    link.start();
    long interval = setup.telemetryInterval().toMillis();
    // a random phase: thousands of rigs started together do not report in lockstep. Fixed delay,
    // not fixed rate: after a stall (a suspended VM, a swapping rig) one report, not a burst of
    // catch-up reports with the same timestamp
    long phase = (long) (env.newRandom().nextDouble() * interval);
    telemetryTask =
        env.scheduler()
            .scheduleWithFixedDelay(this::telemetryTick, phase, interval, TimeUnit.MILLISECONDS);
    outbox.requestDrain(); // anything a previous run left in the spool
  }

  /**
   * The machine loses its power (a simulated rig whose PDU outlet went off): the devices stop, the
   * connection is cut without a goodbye (the broker publishes the Last Will, so the controller sees
   * the rig offline) and nothing is measured or sent until {@link #powerOn()}.
   */
  public void powerOff() {
    unpowered = true;
    for (MiningDevice d : devices) {
      d.stop();
    }
    link.hold();
  }

  /** Power is back: the devices start afresh and the link connects again, as after a boot. */
  public void powerOn() {
    for (MiningDevice d : devices) {
      d.restart();
    }
    unpowered = false;
    link.release();
  }

  /** False between {@link #powerOff()} and {@link #powerOn()}. */
  public boolean powered() {
    return !unpowered;
  }

  public String rigId() {
    return rigId;
  }

  public MqttLink link() {
    return link;
  }

  public Outbox outbox() {
    return outbox;
  }

  public List<MiningDevice> devices() {
    return devices;
  }

  public CommandProcessor commands() {
    return commands;
  }

  public AssignedWork currentWork() {
    return currentWork;
  }

  /** Telemetry messages produced (spooled) so far. */
  public long telemetrySent() {
    return telemetrySent.get();
  }

  /** Shares handed to the outbox so far. */
  public long sharesFound() {
    return shares.shares();
  }

  public long workApplied() {
    return workApplied.get();
  }

  public long workRejected() {
    return workRejected.get();
  }

  /** The version this rig reports in its birth. */
  public String agentVersion() {
    return agentVersion;
  }

  /**
   * Changes the version reported from the next birth on (a simulated install; a real agent gets its
   * version from the jar it runs).
   */
  public void setAgentVersion(String version) {
    this.agentVersion = Objects.requireNonNull(version, "version");
  }

  /**
   * Publishes a fresh birth on the current connection (a simulated restart: the controller learns
   * the new version without the session being cut, which would resend in-flight messages).
   */
  public void rebirth() {
    if (link.isConnected()) {
      link.publish(
          TopicKind.BIRTH, env.codec().encode(handler.birth(setup.birthSeq().getAsLong())));
    }
  }

  /** Spools a command result (e.g. an update's outcome reported after a restart). */
  public void submitResult(CommandResultMessage result) {
    outbox.submit(SpoolKind.COMMAND_RESULT, env.codec().encode(result));
  }

  /**
   * What keeps this rig from counting as healthy after an update, or empty: it must be connected,
   * have reported telemetry, and every device must be running (not hung, in error or offline).
   */
  public java.util.Optional<String> healthProblem() {
    if (!link.isConnected()) {
      return java.util.Optional.of("not connected to the broker");
    }
    if (telemetrySent.get() == 0) {
      return java.util.Optional.of("no telemetry reported yet");
    }
    for (MiningDevice d : devices) {
      switch (d.state()) {
        case HUNG, ERROR, OFFLINE -> {
          return java.util.Optional.of("device " + d.id() + " is " + d.state().word());
        }
        default -> {}
      }
    }
    return java.util.Optional.empty();
  }

  /**
   * The schedule's tick: hands the report to a thread of its own, unless the previous one has not
   * even started (a starved machine), so ticks that pile up give one report, not a burst.
   */
  private void telemetryTick() {
    if (telemetryPending.compareAndSet(false, true)) {
      env.scheduler()
          .execute(() -> {
            telemetryPending.set(false);
            sendTelemetry();
          });
    }
  }

  /** Collects and sends one telemetry message now (also called by the schedule). */
  public void sendTelemetry() {
    if (closed || unpowered) {
      return;
    }
    // one at a time: each tick runs on a thread of its own, and on a busy machine two ticks could
    // otherwise collect in one order and spool in the other
    telemetryLock.lock();
    try {
      TelemetryMessage message = telemetry.collect();
      outbox.submit(SpoolKind.TELEMETRY, env.codec().encode(message));
      telemetrySent.incrementAndGet();
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "telemetry of rig {0} failed: {1}", rigId, e.toString());
    } finally {
      telemetryLock.unlock();
    }
  }

  // ---- incoming

  private void onWork(byte[] payload) {
    if (payload.length == 0) {
      return; // the retained assignment was cleared
    }
    WorkAssignmentMessage message;
    AssignedWork work;
    try {
      message = env.codec().decodeWork(payload);
      work = AssignedWork.from(message);
    } catch (MessageRejectedException e) {
      rejectWork(payload, e.reason().wireName(), e.getMessage(), e.field());
      return;
    } catch (IllegalArgumentException e) {
      rejectWork(payload, "unusable", e.getMessage(), null);
      return;
    }
    AssignedWork previous = currentWork;
    if (previous != null && previous.message().equals(message)) {
      return; // the retained assignment again (every reconnect delivers it): nothing new
    }
    currentWork = work;
    workApplied.incrementAndGet();
    for (MiningDevice d : devices) {
      try {
        d.applyWork(work);
      } catch (RuntimeException e) {
        LOG.log(
            Level.WARNING, "device {0} refused job {1}: {2}", d.id(), work.jobId(), e.toString());
      }
    }
    LOG.log(
        Level.DEBUG,
        "rig {0}: job {1} at difficulty {2}{3}",
        rigId,
        work.jobId(),
        message.difficulty(),
        work.cleanJobs() ? " (clean)" : "");
  }

  private void rejectWork(byte[] payload, String reason, String message, String field) {
    workRejected.incrementAndGet();
    String jobId = "?";
    try {
      JsonNode node = LENIENT.readTree(payload);
      if (node != null && node.path("job").path("jobId").isTextual()) {
        jobId = node.path("job").path("jobId").asText().replaceAll("[^\\x21-\\x7e]", "?");
      }
    } catch (java.io.IOException | RuntimeException e) {
      // not JSON: the job id stays unknown
    }
    String id = "work:" + jobId;
    if (id.length() > MessageLimits.MAX_ID_LENGTH) {
      id = id.substring(0, MessageLimits.MAX_ID_LENGTH);
    }
    LOG.log(Level.WARNING, "rig {0} rejected a work assignment: {1}", rigId, message);
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("topic", "work");
    details.put("reason", reason);
    if (field != null) {
      details.put("field", field);
    }
    String text = "work assignment rejected, still mining the previous one: " + message;
    if (text.length() > MessageLimits.MAX_TEXT_LENGTH) {
      text = text.substring(0, MessageLimits.MAX_TEXT_LENGTH - 3) + "...";
    }
    CommandResultMessage result =
        new CommandResultMessage(env.clock().millis(), id, CommandStatus.FAILED, text, details);
    outbox.submit(SpoolKind.COMMAND_RESULT, env.codec().encode(result));
  }

  private final class Handler implements LinkHandler {
    @Override
    public BirthMessage birth(long seq) {
      List<DeviceInfo> infos = new ArrayList<>();
      for (MiningDevice d : devices) {
        infos.add(d.info());
      }
      List<String> capabilities = new ArrayList<>();
      capabilities.addAll(
          List.of(
              "sha256d",
              "scrypt",
              "spool",
              "cmd:reboot",
              "cmd:restart-miner",
              "cmd:set-pool",
              "cmd:stop",
              "cmd:start"));
      // only when a device can apply it: curtailment switches rigs without modes off instead
      if (devices.stream().anyMatch(MiningDevice::hasPowerModes)) {
        capabilities.add("cmd:set-power-mode");
      }
      capabilities.addAll(List.of("cmd:blink-led", "cmd:update-firmware"));
      String os =
          System.getProperty("os.name")
              + " "
              + System.getProperty("os.version")
              + " "
              + System.getProperty("os.arch");
      return new BirthMessage(
          env.clock().millis(), seq, agentVersion, setup.hardware(), infos, capabilities, os);
    }

    @Override
    public void onConnected(boolean sessionPresent) {
      outbox.requestDrain();
    }

    @Override
    public void onDisconnected(String reason) {}

    @Override
    public void onMessage(TopicKind kind, byte[] payload, byte[] correlation, boolean retained) {
      try {
        inbound.execute(() -> {
          if (closed) {
            return;
          }
          if (kind == TopicKind.WORK) {
            onWork(payload);
          } else if (kind == TopicKind.CMD) {
            commands.receive(payload, correlation);
          }
        });
      } catch (java.util.concurrent.RejectedExecutionException e) {
        LOG.log(Level.WARNING, "rig {0} dropped a {1} message: {2}", rigId, kind, e.getMessage());
      }
    }
  }

  /**
   * Stops: stops the devices' mining (so no share is found after the last delivery), sends pending
   * shares to the spool, gives the outbox up to {@code drainWait} to deliver, says offline, closes
   * the devices and the spool.
   */
  public void close(Duration drainWait) {
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
      if (telemetryTask != null) {
        telemetryTask.cancel(false);
      }
    }
    for (MiningDevice d : devices) {
      try {
        d.stop();
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "stopping device {0}: {1}", d.id(), e.toString());
      }
    }
    shares.flush();
    long deadline = System.nanoTime() + drainWait.toNanos();
    while (link.isConnected() && !setup.spool().isEmpty() && System.nanoTime() < deadline) {
      outbox.requestDrain();
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    link.close();
    for (MiningDevice d : devices) {
      try {
        d.close();
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "closing device {0}: {1}", d.id(), e.toString());
      }
    }
    setup.spool().close();
  }

  @Override
  public void close() {
    close(Duration.ofSeconds(2));
  }
}
