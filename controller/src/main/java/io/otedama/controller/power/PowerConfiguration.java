package io.otedama.controller.power;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.util.Duration;
import io.dropwizard.validation.MinDuration;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.util.concurrent.TimeUnit;

/** The {@code power:} section (docs/configuration.md lists every setting). */
public class PowerConfiguration {
  /** Polling, the watchdog and curtailment run only when enabled (the API is always there). */
  @JsonProperty public boolean enabled = true;

  @JsonProperty
  @NotNull
  @MinDuration(value = 1, unit = TimeUnit.MILLISECONDS)
  public Duration pollInterval = Duration.seconds(30);

  /** SNMP timeout per request; SNMP4J retries {@code retries} times before giving up. */
  @JsonProperty
  @NotNull
  @MinDuration(value = 1, unit = TimeUnit.MILLISECONDS)
  public Duration snmpTimeout = Duration.seconds(2);

  @JsonProperty
  @Min(0)
  @Max(10)
  public int snmpRetries = 1;

  @JsonProperty
  @Min(1)
  @Max(256)
  public int maxConcurrentPolls = 8;

  /** Never more than this many outlet writes per minute on one PDU, whoever asks. */
  @JsonProperty
  @Min(1)
  @Max(1000)
  public int maxOutletWritesPerMinutePerPdu = 4;

  @JsonProperty @Valid @NotNull public Watchdog watchdog = new Watchdog();

  @JsonProperty @Valid @NotNull public Curtailment curtailment = new Curtailment();

  /** The power-cycle watchdog. */
  public static class Watchdog {
    @JsonProperty public boolean enabled = true;

    @JsonProperty
    @NotNull
    @MinDuration(value = 1, unit = TimeUnit.MILLISECONDS)
    public Duration checkInterval = Duration.minutes(1);

    /** A mapped rig offline (or stale) this long is cycled. */
    @JsonProperty
    @NotNull
    @MinDuration(value = 1, unit = TimeUnit.MILLISECONDS)
    public Duration offlineAfter = Duration.minutes(10);

    /** A mapped rig online with no hashrate this long counts as hung and is cycled. */
    @JsonProperty
    @NotNull
    @MinDuration(value = 1, unit = TimeUnit.MILLISECONDS)
    public Duration hungAfter = Duration.minutes(15);

    /** No second cycle of the same rig within this time. */
    @JsonProperty
    @NotNull
    @MinDuration(value = 1, unit = TimeUnit.MILLISECONDS)
    public Duration cooldown = Duration.minutes(30);

    @JsonProperty
    @Min(1)
    public int maxCyclesPerRigPerDay = 3;

    @JsonProperty
    @Min(1)
    public int maxCyclesPerSitePerHour = 10;
  }

  /** Curtailment events. */
  public static class Curtailment {
    /** How often a running event re-checks measured power against its goal. */
    @JsonProperty
    @NotNull
    @MinDuration(value = 1, unit = TimeUnit.MILLISECONDS)
    public Duration checkInterval = Duration.minutes(1);

    /** The {@code set-power-mode} mode that curtails and the one that restores. */
    @JsonProperty @NotBlank public String curtailMode = "low";

    @JsonProperty @NotBlank public String restoreMode = "normal";

    /** The share of a rig's power a curtail mode is expected to save (for planning). */
    @JsonProperty
    @DecimalMin("0.01")
    @DecimalMax("1.0")
    public double powerModeSaving = 0.4;

    /** Restoring: this many rigs per step, steps this far apart. */
    @JsonProperty
    @Min(1)
    public int restoreBatch = 5;

    @JsonProperty
    @NotNull
    @MinDuration(value = 1, unit = TimeUnit.MILLISECONDS)
    public Duration restoreStepInterval = Duration.minutes(1);
  }
}
