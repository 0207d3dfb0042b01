package io.otedama.agent.cli;

import io.otedama.agent.config.AgentConfig;
import io.otedama.agent.config.AgentConfigLoader;
import io.otedama.agent.enroll.HardwareIdProbe;
import io.otedama.agent.runtime.AgentEnvironment;
import io.otedama.agent.runtime.ConfiguredRig;
import io.otedama.protocol.message.HardwareIdentity;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code run}: the agent itself, until SIGTERM or Ctrl-C. */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    header = "Runs the agent (what the systemd unit starts).",
    description = {
      "Connects to the broker with the credentials from 'enroll', publishes birth, status and"
          + " telemetry, mines the controller's work on the configured devices, answers commands,"
          + " and spools what cannot be sent until the broker is back.",
      "Stops cleanly on SIGTERM or Ctrl-C (the controller sees the rig go offline)."
    })
final class RunCommand implements Callable<Integer> {
  private static final System.Logger LOG = System.getLogger(RunCommand.class.getName());

  @Option(
      names = "--config",
      required = true,
      paramLabel = "FILE",
      description = "The agent's configuration, e.g. /etc/otedama/agent/agent.yml.")
  Path config;

  @Option(
      names = "--log-level",
      defaultValue = "info",
      paramLabel = "LEVEL",
      description = "error, warn, info (default), debug or trace.")
  String logLevel;

  @Override
  public Integer call() {
    AgentLogging.validate(logLevel);
    AgentConfig cfg = AgentConfigLoader.load(config).requireRunnable();
    AgentLogging.configure(logLevel);
    String version = AgentVersion.version();
    HardwareIdentity hardware = hardware(cfg);
    AgentEnvironment env = AgentEnvironment.singleRig("otedama-agent");
    ConfiguredRig rig = ConfiguredRig.create(cfg, hardware, version, env);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  // straight to stderr: java.util.logging closes its handlers in its own
                  // shutdown hook, concurrently with this one
                  shutdownLine("stopping: sending what is spooled, then offline");
                  try {
                    rig.close();
                    env.close();
                  } finally {
                    shutdownLine("stopped");
                    stopped.countDown();
                  }
                },
                "otedama-agent-shutdown"));
    rig.start();
    LOG.log(
        System.Logger.Level.INFO,
        "otedama-agent {0}: rig {1}, broker {2}, {3} device(s), spool {4}, telemetry every {5} s"
            + " (started in {6} ms)",
        version,
        cfg.credentials().rigId(),
        cfg.brokerUrl(),
        rig.agent().devices().size(),
        cfg.spool().directory().toAbsolutePath(),
        cfg.telemetry().interval().toMillis() / 1000.0,
        startMillis());
    try {
      stopped.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return 0;
  }

  /** Milliseconds since the JVM started (not via JMX: that loads a lot the agent never uses). */
  private static long startMillis() {
    return ProcessHandle.current()
        .info()
        .startInstant()
        .map(start -> System.currentTimeMillis() - start.toEpochMilli())
        .orElse(-1L);
  }

  private static void shutdownLine(String text) {
    System.err.printf(
        "%1$tF %1$tT INFO %2$s: %3$s%n",
        System.currentTimeMillis(), RunCommand.class.getName(), text);
    System.err.flush();
  }

  private static HardwareIdentity hardware(AgentConfig cfg) {
    String model = cfg.rig().model();
    try {
      HardwareIdProbe.Identity id = new HardwareIdProbe(Path.of("/")).probe();
      return new HardwareIdentity(id.hardwareId(), id.mac(), id.serial(), model, id.hostname());
    } catch (IllegalStateException e) {
      // enrolled with --hardware-id; the controller knows the rig by its id anyway
      return new HardwareIdentity("rig:" + cfg.credentials().rigId(), null, null, model, null);
    }
  }
}
