package io.otedama.agent.update;

import io.otedama.protocol.message.CommandResultMessage;
import io.otedama.protocol.message.CommandStatus;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Runs at every agent start and finishes what a self-update began (see {@link PendingUpdate}):
 *
 * <ul>
 *   <li>awaiting-health: the new version must be healthy (connected, telemetry reported, every
 *       device running: the {@link HealthProbe}) within {@code deadline}; then it reports {@code
 *       succeeded} (installed). Otherwise, or after {@code maxBoots} starts without passing (a
 *       crash loop), it rolls back: the previous jar or image returns, the result {@code failed}
 *       with {@code details.stage = rolled-back} is spooled, and the service manager restarts the
 *       previous version;
 *   <li>rolled-back: the restored version reports the rollback again (the controller keeps the
 *       first) and clears the marker.
 * </ul>
 */
public final class UpdateHealthWatch {
  private static final System.Logger LOG = System.getLogger(UpdateHealthWatch.class.getName());

  /** What is still missing for the agent to count as healthy; empty when healthy. */
  @FunctionalInterface
  public interface HealthProbe {
    Optional<String> problem();
  }

  private final Path marker;
  private final InstallLayout layout;
  private final RestartCommand restart;
  private final Duration deadline;
  private final int maxBoots;
  private final HealthProbe probe;
  private final Consumer<CommandResultMessage> results;
  private final ScheduledExecutorService scheduler;
  private final Clock clock;
  private volatile String outcome = "none";
  private ScheduledFuture<?> task;

  public UpdateHealthWatch(
      Path marker,
      InstallLayout layout,
      RestartCommand restart,
      Duration deadline,
      int maxBoots,
      HealthProbe probe,
      Consumer<CommandResultMessage> results,
      ScheduledExecutorService scheduler,
      Clock clock) {
    this.marker = marker;
    this.layout = layout;
    this.restart = restart;
    this.deadline = deadline;
    this.maxBoots = maxBoots;
    this.probe = probe;
    this.results = results;
    this.scheduler = scheduler;
    this.clock = clock;
  }

  /** none, watching, installed or rolled-back (for tests and logs). */
  public String outcome() {
    return outcome;
  }

  /** Reads the marker and acts; returns at once (the check runs on {@code scheduler}). */
  public synchronized void start() {
    Optional<PendingUpdate> found = PendingUpdate.read(marker);
    if (found.isEmpty()) {
      return;
    }
    PendingUpdate pending = found.get();
    if (PendingUpdate.ROLLED_BACK.equals(pending.phase())) {
      reportRollback(pending);
      deleteMarker();
      outcome = "rolled-back";
      return;
    }
    PendingUpdate counted = pending.with(pending.phase(), pending.boots() + 1, null);
    if (counted.boots() > maxBoots) {
      rollBack(counted, counted.boots() - 1 + " starts without passing the health check");
      return;
    }
    try {
      counted.write(marker);
    } catch (IOException e) {
      LOG.log(Level.WARNING, "cannot update {0}: {1}", marker, e.toString());
    }
    outcome = "watching";
    long until = clock.millis() + deadline.toMillis();
    task =
        scheduler.scheduleWithFixedDelay(
            () -> check(counted, until),
            0,
            Math.min(250, deadline.toMillis()),
            TimeUnit.MILLISECONDS);
  }

  private synchronized void check(PendingUpdate pending, long until) {
    if (!outcome.equals("watching")) {
      return;
    }
    Optional<String> problem;
    try {
      problem = probe.problem();
    } catch (RuntimeException e) {
      problem = Optional.of("the health probe failed: " + e);
    }
    if (problem.isEmpty()) {
      task.cancel(false);
      outcome = "installed";
      results.accept(
          new CommandResultMessage(
              clock.millis(),
              pending.commandId(),
              CommandStatus.SUCCEEDED,
              "installed " + pending.version() + " (health check passed)",
              Map.of("stage", "installed", "version", pending.version())));
      deleteMarker();
      LOG.log(Level.INFO, "update to {0} passed its health check", pending.version());
      return;
    }
    if (clock.millis() >= until) {
      task.cancel(false);
      rollBack(
          pending, "health check failed within " + deadline.toSeconds() + " s: " + problem.get());
    }
  }

  private void rollBack(PendingUpdate pending, String why) {
    LOG.log(
        Level.WARNING,
        "update to {0} rolls back to {1}: {2}",
        pending.version(),
        pending.previousVersion(),
        why);
    PendingUpdate rolled = pending.with(PendingUpdate.ROLLED_BACK, pending.boots(), why);
    try {
      layout.rollBack();
      rolled.write(marker);
    } catch (IOException e) {
      rolled =
          pending.with(PendingUpdate.ROLLED_BACK, pending.boots(), why + "; rollback failed: " + e);
      LOG.log(Level.ERROR, "rollback failed: {0}", e.toString());
    }
    outcome = "rolled-back";
    reportRollback(rolled);
    try {
      restart.run();
    } catch (IOException e) {
      LOG.log(Level.ERROR, "cannot restart into the previous version: {0}", e.toString());
    }
  }

  private void reportRollback(PendingUpdate p) {
    results.accept(
        new CommandResultMessage(
            clock.millis(),
            p.commandId(),
            CommandStatus.FAILED,
            "rolled back to " + p.previousVersion() + ": " + p.reason(),
            Map.of(
                "stage",
                "rolled-back",
                "reason",
                "health-check",
                "version",
                p.version(),
                "restoredVersion",
                String.valueOf(p.previousVersion()))));
  }

  private void deleteMarker() {
    try {
      Files.deleteIfExists(marker);
    } catch (IOException e) {
      LOG.log(Level.WARNING, "cannot delete {0}: {1}", marker, e.toString());
    }
  }
}
