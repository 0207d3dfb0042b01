package io.otedama.controller.scheduling;

import java.time.Instant;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A job a feature hands to the scheduler: its name (the Quartz job key and the {@code quartz_job}
 * metric label), what it does, its default schedule, and its body. The body must be idempotent: a
 * run can be repeated (manual trigger, recovery after a replica died mid-run).
 *
 * @param recover re-run on another replica when the replica running it dies mid-run
 */
public record ScheduledTask(
    String name, String description, JobSchedule schedule, boolean recover, Body body) {
  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]{0,62}");

  /** The work; returns a one-line summary of what it did, shown as the run's detail. */
  @FunctionalInterface
  public interface Body {
    /**
     * @param scheduledAt when the run was due (the trigger's fire time; now for a manual run)
     */
    String run(Instant scheduledAt) throws Exception;
  }

  public ScheduledTask {
    Objects.requireNonNull(schedule, "schedule");
    Objects.requireNonNull(body, "body");
    Objects.requireNonNull(description, "description");
    if (name == null || !NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "a job name is lower-case letters, digits and '-', got '" + name + "'");
    }
  }

  public ScheduledTask withSchedule(JobSchedule newSchedule) {
    return new ScheduledTask(name, description, newSchedule, recover, body);
  }
}
