package io.otedama.agent.cli;

import io.otedama.agent.enroll.EnrollmentException;
import io.otedama.agent.sim.FleetSimulator;
import java.io.PrintWriter;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code simulate}: a fleet of simulated rigs in this process. */
@Command(
    name = "simulate",
    mixinStandardHelpOptions = true,
    header = "Runs a fleet of N simulated rigs (for demos and load tests).",
    description = {
      "Each rig runs the real agent code: it enrolls with the token (hardware id"
          + " sim:<fleet>:<n>, so a rerun enrolls the same rigs), keeps its own MQTT session,"
          + " reports telemetry that differs from rig to rig, mines real shares at a tiny"
          + " difficulty on the controller's work, and obeys commands.",
      "Prints a status line every 10 s; stops cleanly on Ctrl-C or after --duration."
    })
final class SimulateCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--controller",
      required = true,
      paramLabel = "URL",
      description = "The controller, e.g. http://127.0.0.1:8080.")
  URI controller;

  @Option(
      names = "--token",
      required = true,
      paramLabel = "TOKEN",
      description = "An enrollment token with at least N uses.")
  String token;

  @Option(
      names = "--rigs",
      required = true,
      paramLabel = "N",
      description = "How many rigs (1 to 100000).")
  int rigs;

  @Option(
      names = "--telemetry-interval",
      defaultValue = "10",
      paramLabel = "S",
      description = "Seconds between telemetry messages per rig (default: ${DEFAULT-VALUE}).")
  double telemetryInterval;

  @Option(
      names = "--fleet",
      defaultValue = "sim",
      paramLabel = "NAME",
      description = "Fleet name in the rigs' hardware ids (default: ${DEFAULT-VALUE}).")
  String fleet;

  @Option(
      names = "--hashes-per-second",
      defaultValue = "200",
      paramLabel = "H",
      description = "Real hashing per rig, which finds the shares (default: ${DEFAULT-VALUE}).")
  double hashesPerSecond;

  @Option(
      names = "--failures",
      defaultValue = "0.02",
      paramLabel = "SHARE",
      description = "Share of rigs that develop a failure (default: ${DEFAULT-VALUE}).")
  double failures;

  @Option(
      names = "--ramp",
      paramLabel = "S",
      description = "Spread the connects over S seconds (default: N/200).")
  Double ramp;

  @Option(
      names = "--broker",
      paramLabel = "URL",
      description = "Use this MQTT broker instead of the one the controller advertises.")
  URI broker;

  @Option(
      names = "--duration",
      paramLabel = "S",
      description = "Stop after S seconds (default: run until Ctrl-C).")
  Double duration;

  @Option(
      names = "--hashing-threads",
      defaultValue = "1",
      paramLabel = "N",
      description = "Threads for the shared real hashing (default: ${DEFAULT-VALUE}).")
  int hashingThreads;

  @Override
  public Integer call() throws InterruptedException {
    if (rigs < 1 || rigs > 100_000) {
      throw new ParameterException(
          spec.commandLine(), "--rigs must be between 1 and 100000, got " + rigs);
    }
    if (!(telemetryInterval >= 0.1 && telemetryInterval <= 3600)) {
      throw new ParameterException(
          spec.commandLine(), "--telemetry-interval must be between 0.1 and 3600 seconds");
    }
    if (controller.getHost() == null || !controller.getScheme().startsWith("http")) {
      throw new ParameterException(
          spec.commandLine(),
          "--controller must be an http:// or https:// URL, got '" + controller + "'");
    }
    if (hashingThreads < 1 || hashingThreads > 64) {
      throw new ParameterException(
          spec.commandLine(), "--hashing-threads must be between 1 and 64");
    }
    AgentLogging.configure("warn");
    FleetSimulator.Options options =
        FleetSimulator.Options.defaults(controller, token, rigs)
            .withTelemetryInterval(Duration.ofMillis(Math.round(telemetryInterval * 1000)))
            .withFleetName(fleet)
            .withHashesPerSecond(hashesPerSecond)
            .withFailureShare(failures)
            .withBroker(broker)
            .withHashingThreads(hashingThreads);
    if (ramp != null) {
      options = options.withRamp(Duration.ofMillis(Math.round(ramp * 1000)));
    }
    PrintWriter out = spec.commandLine().getOut();
    out.println("enrolling " + rigs + " simulated rigs with " + controller + " ...");
    out.flush();
    FleetSimulator fleet;
    try {
      fleet = FleetSimulator.start(options);
    } catch (EnrollmentException e) {
      spec.commandLine().getErr().println("error: " + e.getMessage());
      return AgentCli.FAILED;
    }
    CountDownLatch stop = new CountDownLatch(1);
    Thread hook =
        new Thread(
            () -> {
              stop.countDown();
              fleet.close();
            },
            "otedama-simulate-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    long end = duration == null ? Long.MAX_VALUE : System.nanoTime() + (long) (duration * 1e9);
    while (System.nanoTime() < end) {
      long wait = Math.min(10_000_000_000L, end - System.nanoTime());
      if (stop.await(wait, TimeUnit.NANOSECONDS)) {
        return 0;
      }
      FleetSimulator.Stats s = fleet.stats();
      out.printf(
          "rigs %d/%d connected (%d enrolled, %d failed), telemetry %d, shares %d, published %d, spooled %d%n",
          s.connected(),
          s.rigs(),
          s.enrolled(),
          s.enrollFailures(),
          s.telemetrySent(),
          s.sharesFound(),
          s.messagesPublished(),
          s.spooled());
      out.flush();
    }
    Runtime.getRuntime().removeShutdownHook(hook);
    fleet.close();
    return 0;
  }
}
