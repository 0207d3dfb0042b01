package io.otedama.controller.payouts;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.util.Duration;
import io.dropwizard.validation.MinDuration;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.math.BigDecimal;
import java.util.concurrent.TimeUnit;

/**
 * The {@code payouts:} section: the farm's network, the PPLNS window, how often accounting runs and
 * batches are made, and what a share is worth for PPS/FPPS (defaults: the local source's block
 * reward and difficulty). See docs/payouts.md and docs/configuration.md.
 */
public class PayoutsConfiguration {
  @NotNull
  @Pattern(regexp = "(?i)mainnet|testnet|regtest")
  private String network = "mainnet";

  @NotNull
  @DecimalMin(value = "0", inclusive = false)
  private BigDecimal pplnsWindowFactor = BigDecimal.valueOf(2);

  @NotNull
  @MinDuration(value = 1, unit = TimeUnit.SECONDS)
  private Duration maxTelemetryGap = Duration.minutes(5);

  /** Accounting periods: [k·p, (k+1)·p) since the epoch (UTC). */
  @NotNull
  @MinDuration(value = 1, unit = TimeUnit.MINUTES)
  private Duration accountingPeriod = Duration.hours(1);

  /** Payout batch periods, likewise aligned: one batch per period at most. */
  @NotNull
  @MinDuration(value = 1, unit = TimeUnit.MINUTES)
  private Duration payoutPeriod = Duration.days(1);

  /** How long after a period ends its accounting waits (shares still being written). */
  @NotNull
  @MinDuration(value = 0, unit = TimeUnit.SECONDS)
  private Duration settleDelay = Duration.seconds(30);

  /** At most this many periods per run when catching up after downtime (bounded transactions). */
  @Min(1)
  @Max(10_000)
  private int maxCatchUpPeriods = 48;

  /**
   * PPS/FPPS block subsidy; null: the local source's block reward ({@code work.localBlockReward}).
   */
  @Min(0)
  private Long blockSubsidySats;

  @Min(0)
  private long expectedFeesPerBlockSats;

  /**
   * PPS/FPPS network difficulty; null: the local source's ({@code work.localNetworkDifficulty}).
   */
  @DecimalMin(value = "0", inclusive = false)
  private BigDecimal networkDifficulty;

  /** Shares are kept at least this long, even when payouts no longer need them. */
  @NotNull
  @MinDuration(value = 1, unit = TimeUnit.HOURS)
  private Duration shareLogMinRetention = Duration.days(7);

  @JsonProperty
  public Duration getShareLogMinRetention() {
    return shareLogMinRetention;
  }

  @JsonProperty
  public void setShareLogMinRetention(Duration shareLogMinRetention) {
    this.shareLogMinRetention = shareLogMinRetention;
  }

  @JsonProperty
  public String getNetwork() {
    return network;
  }

  @JsonProperty
  public void setNetwork(String network) {
    this.network = network;
  }

  @JsonProperty
  public BigDecimal getPplnsWindowFactor() {
    return pplnsWindowFactor;
  }

  @JsonProperty
  public void setPplnsWindowFactor(BigDecimal pplnsWindowFactor) {
    this.pplnsWindowFactor = pplnsWindowFactor;
  }

  @JsonProperty
  public Duration getMaxTelemetryGap() {
    return maxTelemetryGap;
  }

  @JsonProperty
  public void setMaxTelemetryGap(Duration maxTelemetryGap) {
    this.maxTelemetryGap = maxTelemetryGap;
  }

  @JsonProperty
  public Duration getAccountingPeriod() {
    return accountingPeriod;
  }

  @JsonProperty
  public void setAccountingPeriod(Duration accountingPeriod) {
    this.accountingPeriod = accountingPeriod;
  }

  @JsonProperty
  public Duration getPayoutPeriod() {
    return payoutPeriod;
  }

  @JsonProperty
  public void setPayoutPeriod(Duration payoutPeriod) {
    this.payoutPeriod = payoutPeriod;
  }

  @JsonProperty
  public Duration getSettleDelay() {
    return settleDelay;
  }

  @JsonProperty
  public void setSettleDelay(Duration settleDelay) {
    this.settleDelay = settleDelay;
  }

  @JsonProperty
  public int getMaxCatchUpPeriods() {
    return maxCatchUpPeriods;
  }

  @JsonProperty
  public void setMaxCatchUpPeriods(int maxCatchUpPeriods) {
    this.maxCatchUpPeriods = maxCatchUpPeriods;
  }

  @JsonProperty
  public Long getBlockSubsidySats() {
    return blockSubsidySats;
  }

  @JsonProperty
  public void setBlockSubsidySats(Long blockSubsidySats) {
    this.blockSubsidySats = blockSubsidySats;
  }

  @JsonProperty
  public long getExpectedFeesPerBlockSats() {
    return expectedFeesPerBlockSats;
  }

  @JsonProperty
  public void setExpectedFeesPerBlockSats(long expectedFeesPerBlockSats) {
    this.expectedFeesPerBlockSats = expectedFeesPerBlockSats;
  }

  @JsonProperty
  public BigDecimal getNetworkDifficulty() {
    return networkDifficulty;
  }

  @JsonProperty
  public void setNetworkDifficulty(BigDecimal networkDifficulty) {
    this.networkDifficulty = networkDifficulty;
  }
}
