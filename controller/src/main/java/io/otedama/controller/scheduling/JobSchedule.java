package io.otedama.controller.scheduling;

import java.time.Duration;
import java.util.Objects;
import org.quartz.CronExpression;

/**
 * When a job fires: a Quartz cron expression (seconds first, {@code 0 5 * * * ?}) or a fixed
 * interval, with its misfire policy.
 */
public record JobSchedule(String cron, Duration interval, MisfirePolicy misfire) {
  public JobSchedule {
    Objects.requireNonNull(misfire, "misfire");
    if ((cron == null) == (interval == null)) {
      throw new IllegalArgumentException(
          "a job schedule has either a cron expression or an interval");
    }
    if (cron != null && !CronExpression.isValidExpression(cron)) {
      throw new IllegalArgumentException(
          "'" + cron + "' is not a Quartz cron expression (e.g. '0 5 * * * ?': seconds first)");
    }
    if (interval != null && interval.compareTo(Duration.ofSeconds(1)) < 0) {
      throw new IllegalArgumentException(
          "a job interval must be at least 1 second, got " + interval);
    }
  }

  public static JobSchedule cron(String expression, MisfirePolicy misfire) {
    return new JobSchedule(expression, null, misfire);
  }

  public static JobSchedule every(Duration interval, MisfirePolicy misfire) {
    return new JobSchedule(null, interval, misfire);
  }

  /** {@code cron 0 5 * * * ?} or {@code every PT1M}, as the jobs API shows it. */
  public String describe() {
    return cron != null ? "cron " + cron : "every " + interval;
  }
}
