package io.otedama.controller.scheduling;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One job's entry under {@code scheduling.jobs}: replaces its default schedule ({@code cron} or
 * {@code interval}, not both) or turns it off. Unset fields keep the job's defaults.
 */
public class JobSettings {
  private Boolean enabled;
  private String cron;
  private io.dropwizard.util.Duration interval;

  @JsonProperty
  public Boolean getEnabled() {
    return enabled;
  }

  @JsonProperty
  public void setEnabled(Boolean enabled) {
    this.enabled = enabled;
  }

  @JsonProperty
  public String getCron() {
    return cron;
  }

  @JsonProperty
  public void setCron(String cron) {
    this.cron = cron;
  }

  @JsonProperty
  public io.dropwizard.util.Duration getInterval() {
    return interval;
  }

  @JsonProperty
  public void setInterval(io.dropwizard.util.Duration interval) {
    this.interval = interval;
  }

  /** The task with these settings applied. */
  ScheduledTask applyTo(ScheduledTask task) {
    if (cron != null && interval != null) {
      throw new IllegalArgumentException(
          "scheduling.jobs." + task.name() + ": set either cron or interval, not both");
    }
    try {
      if (cron != null) {
        return task.withSchedule(JobSchedule.cron(cron.strip(), task.schedule().misfire()));
      }
      if (interval != null) {
        return task.withSchedule(
            JobSchedule.every(
                java.time.Duration.ofMillis(interval.toMilliseconds()), task.schedule().misfire()));
      }
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "scheduling.jobs." + task.name() + ": " + e.getMessage(), e);
    }
    return task;
  }

  boolean disabled() {
    return Boolean.FALSE.equals(enabled);
  }
}
