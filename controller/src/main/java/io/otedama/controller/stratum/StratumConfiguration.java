package io.otedama.controller.stratum;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;

/** The {@code stratum:} section: the Stratum v1 server for third-party miners. */
public class StratumConfiguration {
  private boolean enabled = true;
  @NotBlank private String host = "0.0.0.0";

  @Min(0)
  @Max(65535)
  private int port = 3333;

  @Positive private double startDifficulty = 1;

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

  /** The server settings: the defaults with this section's host, port and start difficulty. */
  public StratumServerSettings settings() {
    return StratumServerSettings.defaults()
        .withHost(host)
        .withPort(port)
        .withStartDifficulty(startDifficulty);
  }
}
