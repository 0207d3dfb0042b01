package io.otedama.controller.commands;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.util.Duration;
import io.dropwizard.validation.MinDuration;
import jakarta.validation.constraints.NotNull;
import java.util.concurrent.TimeUnit;

/**
 * The {@code commands:} section: how long a command may take before it is {@code timed_out}, how
 * often the timeout sweep and the re-send of undelivered commands run.
 */
public class CommandsConfiguration {
  @NotNull
  @MinDuration(value = 1, unit = TimeUnit.MILLISECONDS)
  private Duration timeout = Duration.seconds(120);

  @NotNull
  @MinDuration(value = 1, unit = TimeUnit.MILLISECONDS)
  private Duration retryInterval = Duration.seconds(5);

  @NotNull
  @MinDuration(value = 1, unit = TimeUnit.MILLISECONDS)
  private Duration sweepInterval = Duration.seconds(1);

  @JsonProperty
  public Duration getTimeout() {
    return timeout;
  }

  @JsonProperty
  public void setTimeout(Duration timeout) {
    this.timeout = timeout;
  }

  @JsonProperty
  public Duration getRetryInterval() {
    return retryInterval;
  }

  @JsonProperty
  public void setRetryInterval(Duration retryInterval) {
    this.retryInterval = retryInterval;
  }

  @JsonProperty
  public Duration getSweepInterval() {
    return sweepInterval;
  }

  @JsonProperty
  public void setSweepInterval(Duration sweepInterval) {
    this.sweepInterval = sweepInterval;
  }
}
