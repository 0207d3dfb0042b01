package io.otedama.controller.fleet;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.util.Duration;
import io.dropwizard.validation.MinDuration;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.util.concurrent.TimeUnit;

/**
 * The {@code fleet:} section: what enrolled rigs are told, and the liveness timing. A rig with no
 * telemetry for {@code staleAfterMissed} telemetry intervals turns stale, after {@code
 * offlineAfterMissed} intervals offline.
 */
public class FleetConfiguration {
  @NotBlank private String advertisedMqttUrl = "tcp://localhost:1883";

  @NotNull
  @MinDuration(value = 1, unit = TimeUnit.MILLISECONDS)
  private Duration telemetryInterval = Duration.seconds(10);

  @Min(1)
  @Max(1000)
  private int staleAfterMissed = 3;

  @Min(1)
  @Max(10000)
  private int offlineAfterMissed = 9;

  @NotNull
  @MinDuration(value = 1, unit = TimeUnit.MILLISECONDS)
  private Duration sweepInterval = Duration.seconds(2);

  @NotNull
  @MinDuration(value = 1, unit = TimeUnit.MILLISECONDS)
  private Duration lastSeenFlushInterval = Duration.seconds(5);

  @NotNull
  @MinDuration(value = 1, unit = TimeUnit.MILLISECONDS)
  private Duration metricsRefreshInterval = Duration.seconds(15);

  @Min(1)
  @Max(10000)
  private int enrollmentTokenDefaultTtlHours = 24;

  /** MQTT URL handed to enrolling agents: how rigs reach the broker, not how we do. */
  @JsonProperty
  public String getAdvertisedMqttUrl() {
    return advertisedMqttUrl;
  }

  @JsonProperty
  public void setAdvertisedMqttUrl(String advertisedMqttUrl) {
    this.advertisedMqttUrl = advertisedMqttUrl;
  }

  @JsonProperty
  public Duration getTelemetryInterval() {
    return telemetryInterval;
  }

  @JsonProperty
  public void setTelemetryInterval(Duration telemetryInterval) {
    this.telemetryInterval = telemetryInterval;
  }

  @JsonProperty
  public int getStaleAfterMissed() {
    return staleAfterMissed;
  }

  @JsonProperty
  public void setStaleAfterMissed(int staleAfterMissed) {
    this.staleAfterMissed = staleAfterMissed;
  }

  @JsonProperty
  public int getOfflineAfterMissed() {
    return offlineAfterMissed;
  }

  @JsonProperty
  public void setOfflineAfterMissed(int offlineAfterMissed) {
    this.offlineAfterMissed = offlineAfterMissed;
  }

  @JsonProperty
  public Duration getSweepInterval() {
    return sweepInterval;
  }

  @JsonProperty
  public void setSweepInterval(Duration sweepInterval) {
    this.sweepInterval = sweepInterval;
  }

  @JsonProperty
  public Duration getLastSeenFlushInterval() {
    return lastSeenFlushInterval;
  }

  @JsonProperty
  public void setLastSeenFlushInterval(Duration lastSeenFlushInterval) {
    this.lastSeenFlushInterval = lastSeenFlushInterval;
  }

  @JsonProperty
  public Duration getMetricsRefreshInterval() {
    return metricsRefreshInterval;
  }

  @JsonProperty
  public void setMetricsRefreshInterval(Duration metricsRefreshInterval) {
    this.metricsRefreshInterval = metricsRefreshInterval;
  }

  @JsonProperty
  public int getEnrollmentTokenDefaultTtlHours() {
    return enrollmentTokenDefaultTtlHours;
  }

  @JsonProperty
  public void setEnrollmentTokenDefaultTtlHours(int enrollmentTokenDefaultTtlHours) {
    this.enrollmentTokenDefaultTtlHours = enrollmentTokenDefaultTtlHours;
  }

  public java.time.Duration staleAfter() {
    return telemetryInterval.toJavaDuration().multipliedBy(staleAfterMissed);
  }

  public java.time.Duration offlineAfter() {
    return telemetryInterval
        .toJavaDuration()
        .multipliedBy(Math.max(offlineAfterMissed, staleAfterMissed + 1));
  }
}
