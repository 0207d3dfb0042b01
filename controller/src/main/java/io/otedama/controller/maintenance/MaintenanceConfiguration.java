package io.otedama.controller.maintenance;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.util.Duration;
import io.dropwizard.validation.MinDuration;
import jakarta.validation.constraints.NotNull;
import java.util.concurrent.TimeUnit;

/**
 * The {@code maintenance:} section: how long each kind of row is kept. The jobs' schedules are
 * under {@code scheduling.jobs} (docs/configuration.md).
 */
public class MaintenanceConfiguration {
  /** Raw telemetry (daily partitions): dropped a whole day at a time once older than this. */
  @NotNull
  @MinDuration(value = 1, unit = TimeUnit.DAYS)
  private Duration rawTelemetryRetention = Duration.days(7);

  @NotNull
  @MinDuration(value = 1, unit = TimeUnit.DAYS)
  private Duration minuteRollupRetention = Duration.days(90);

  @NotNull
  @MinDuration(value = 1, unit = TimeUnit.DAYS)
  private Duration hourRollupRetention = Duration.days(730);

  /** Each rollup run recomputes this much before its watermark, for rows that arrived late. */
  @NotNull
  @MinDuration(value = 1, unit = TimeUnit.MINUTES)
  private Duration rollupLookback = Duration.minutes(10);

  @NotNull
  @MinDuration(value = 1, unit = TimeUnit.DAYS)
  private Duration jobRunRetention = Duration.days(30);

  @JsonProperty
  public Duration getRawTelemetryRetention() {
    return rawTelemetryRetention;
  }

  @JsonProperty
  public void setRawTelemetryRetention(Duration rawTelemetryRetention) {
    this.rawTelemetryRetention = rawTelemetryRetention;
  }

  @JsonProperty
  public Duration getMinuteRollupRetention() {
    return minuteRollupRetention;
  }

  @JsonProperty
  public void setMinuteRollupRetention(Duration minuteRollupRetention) {
    this.minuteRollupRetention = minuteRollupRetention;
  }

  @JsonProperty
  public Duration getHourRollupRetention() {
    return hourRollupRetention;
  }

  @JsonProperty
  public void setHourRollupRetention(Duration hourRollupRetention) {
    this.hourRollupRetention = hourRollupRetention;
  }

  @JsonProperty
  public Duration getRollupLookback() {
    return rollupLookback;
  }

  @JsonProperty
  public void setRollupLookback(Duration rollupLookback) {
    this.rollupLookback = rollupLookback;
  }

  @JsonProperty
  public Duration getJobRunRetention() {
    return jobRunRetention;
  }

  @JsonProperty
  public void setJobRunRetention(Duration jobRunRetention) {
    this.jobRunRetention = jobRunRetention;
  }
}
