package io.otedama.controller.scheduling;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.util.Duration;
import io.dropwizard.validation.MinDuration;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The {@code scheduling:} section: the clustered Quartz scheduler and per-job overrides (see
 * docs/configuration.md for the jobs and their defaults).
 */
public class SchedulingConfiguration {
  private boolean enabled = true;

  /** Every replica of one farm must use the same name: it is the cluster's key in QRTZ_*. */
  @NotBlank
  @Pattern(regexp = "[A-Za-z0-9_.-]{1,100}")
  private String schedulerName = "otedama";

  @Min(1)
  @Max(64)
  private int threadCount = 4;

  @NotNull
  @MinDuration(value = 1, unit = TimeUnit.SECONDS)
  private Duration clusterCheckinInterval = Duration.seconds(7);

  @NotNull
  @MinDuration(value = 1, unit = TimeUnit.SECONDS)
  private Duration misfireThreshold = Duration.minutes(1);

  /** How long an idle scheduler waits before polling the job store for triggers again. */
  @NotNull
  @MinDuration(value = 1, unit = TimeUnit.SECONDS)
  private Duration idleWait = Duration.seconds(30);

  @NotNull private Map<String, JobSettings> jobs = new LinkedHashMap<>();

  @JsonProperty
  public boolean isEnabled() {
    return enabled;
  }

  @JsonProperty
  public void setEnabled(boolean enabled) {
    this.enabled = enabled;
  }

  @JsonProperty
  public String getSchedulerName() {
    return schedulerName;
  }

  @JsonProperty
  public void setSchedulerName(String schedulerName) {
    this.schedulerName = schedulerName;
  }

  @JsonProperty
  public int getThreadCount() {
    return threadCount;
  }

  @JsonProperty
  public void setThreadCount(int threadCount) {
    this.threadCount = threadCount;
  }

  @JsonProperty
  public Duration getClusterCheckinInterval() {
    return clusterCheckinInterval;
  }

  @JsonProperty
  public void setClusterCheckinInterval(Duration clusterCheckinInterval) {
    this.clusterCheckinInterval = clusterCheckinInterval;
  }

  @JsonProperty
  public Duration getMisfireThreshold() {
    return misfireThreshold;
  }

  @JsonProperty
  public void setMisfireThreshold(Duration misfireThreshold) {
    this.misfireThreshold = misfireThreshold;
  }

  @JsonProperty
  public Duration getIdleWait() {
    return idleWait;
  }

  @JsonProperty
  public void setIdleWait(Duration idleWait) {
    this.idleWait = idleWait;
  }

  @JsonProperty
  public Map<String, JobSettings> getJobs() {
    return jobs;
  }

  @JsonProperty
  public void setJobs(Map<String, JobSettings> jobs) {
    this.jobs = jobs;
  }
}
