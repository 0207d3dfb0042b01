package io.otedama.controller.stratum;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.util.Duration;
import io.dropwizard.validation.MinDuration;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.util.concurrent.TimeUnit;

/** The {@code stratum:} section: the Stratum v1 port for third-party miners (CONTRACTS §3, §6). */
public class StratumConfiguration {
  private boolean enabled = true;

  @NotBlank private String host = "0.0.0.0";

  @Min(0)
  @Max(65535)
  private int port = 3333;

  @DecimalMin(value = "0", inclusive = false)
  private double startDifficulty = 1;

  @Min(1)
  @Max(1_000_000)
  private int maxConnections = 20_000;

  @NotNull
  @MinDuration(value = 1, unit = TimeUnit.SECONDS)
  private Duration idleTimeout = Duration.minutes(10);

  @JsonProperty
  public boolean isEnabled() {
    return enabled;
  }

  @JsonProperty
  public void setEnabled(boolean enabled) {
    this.enabled = enabled;
  }

  @JsonProperty
  public String getHost() {
    return host;
  }

  @JsonProperty
  public void setHost(String host) {
    this.host = host;
  }

  @JsonProperty
  public int getPort() {
    return port;
  }

  @JsonProperty
  public void setPort(int port) {
    this.port = port;
  }

  @JsonProperty
  public double getStartDifficulty() {
    return startDifficulty;
  }

  @JsonProperty
  public void setStartDifficulty(double startDifficulty) {
    this.startDifficulty = startDifficulty;
  }

  @JsonProperty
  public int getMaxConnections() {
    return maxConnections;
  }

  @JsonProperty
  public void setMaxConnections(int maxConnections) {
    this.maxConnections = maxConnections;
  }

  @JsonProperty
  public Duration getIdleTimeout() {
    return idleTimeout;
  }

  @JsonProperty
  public void setIdleTimeout(Duration idleTimeout) {
    this.idleTimeout = idleTimeout;
  }
}
