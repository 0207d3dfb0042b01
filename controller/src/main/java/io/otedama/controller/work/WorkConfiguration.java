package io.otedama.controller.work;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.util.Duration;
import io.dropwizard.validation.MinDuration;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.concurrent.TimeUnit;

/**
 * The {@code work:} section: the default work profile (created as a local-source profile when it
 * does not exist yet), the local source, vardiff and share validation timing.
 */
public class WorkConfiguration {
  @NotBlank
  @Size(max = 64)
  private String defaultProfile = "local";

  @NotNull
  @Size(max = 40)
  private String coinbaseTag = "/otedama/";

  @DecimalMin(value = "0", inclusive = false)
  private double localNetworkDifficulty = 0.5;

  /** An agent's first share difficulty (a CPU rig's range); vardiff takes it from there. */
  @DecimalMin(value = "0", inclusive = false)
  private double agentStartDifficulty = 0.001;

  /**
   * The lowest share difficulty vardiff gives (1e-6: about one share per 10 s at 430 H/s, a slow
   * CPU rig); lower only for test rigs slower than that.
   */
  @DecimalMin(value = "0", inclusive = false)
  private double vardiffMinDifficulty = 1e-6;

  @Min(0)
  private long localBlockReward = 312_500_000L;

  @NotNull
  @MinDuration(value = 1, unit = TimeUnit.SECONDS)
  private Duration localJobInterval = Duration.seconds(30);

  @NotNull
  @MinDuration(value = 1, unit = TimeUnit.SECONDS)
  private Duration targetShareInterval = Duration.seconds(10);

  @NotNull
  @MinDuration(value = 1, unit = TimeUnit.SECONDS)
  private Duration retargetInterval = Duration.seconds(30);

  @NotNull
  @MinDuration(value = 100, unit = TimeUnit.MILLISECONDS)
  private Duration retargetTick = Duration.seconds(5);

  @NotNull
  @MinDuration(value = 0, unit = TimeUnit.MILLISECONDS)
  private Duration staleGrace = Duration.seconds(5);

  @Min(1)
  @Max(16_777_216)
  private long plannedRigsPerFeed = 65_536;

  @Min(0)
  @Max(SliceLayout.MAX_NTIME_WINDOW_BITS)
  private int ntimeWindowBits = FeedSettings.DEFAULT_NTIME_WINDOW_BITS;

  /** Rigs per second an update job (not clean) is spread over; 0 sends it to all at once. */
  @Min(0)
  @Max(10_000_000)
  private int updateFanoutRate = FeedSettings.DEFAULT_UPDATE_FANOUT_RATE;

  @JsonProperty
  public String getDefaultProfile() {
    return defaultProfile;
  }

  @JsonProperty
  public void setDefaultProfile(String defaultProfile) {
    this.defaultProfile = defaultProfile;
  }

  @JsonProperty
  public String getCoinbaseTag() {
    return coinbaseTag;
  }

  @JsonProperty
  public void setCoinbaseTag(String coinbaseTag) {
    this.coinbaseTag = coinbaseTag;
  }

  @JsonProperty
  public double getLocalNetworkDifficulty() {
    return localNetworkDifficulty;
  }

  @JsonProperty
  public void setLocalNetworkDifficulty(double localNetworkDifficulty) {
    this.localNetworkDifficulty = localNetworkDifficulty;
  }

  @JsonProperty
  public double getAgentStartDifficulty() {
    return agentStartDifficulty;
  }

  @JsonProperty
  public void setAgentStartDifficulty(double agentStartDifficulty) {
    this.agentStartDifficulty = agentStartDifficulty;
  }

  @JsonProperty
  public long getLocalBlockReward() {
    return localBlockReward;
  }

  @JsonProperty
  public void setLocalBlockReward(long localBlockReward) {
    this.localBlockReward = localBlockReward;
  }

  @JsonProperty
  public Duration getLocalJobInterval() {
    return localJobInterval;
  }

  @JsonProperty
  public void setLocalJobInterval(Duration localJobInterval) {
    this.localJobInterval = localJobInterval;
  }

  @JsonProperty
  public Duration getTargetShareInterval() {
    return targetShareInterval;
  }

  @JsonProperty
  public void setTargetShareInterval(Duration targetShareInterval) {
    this.targetShareInterval = targetShareInterval;
  }

  @JsonProperty
  public Duration getRetargetInterval() {
    return retargetInterval;
  }

  @JsonProperty
  public void setRetargetInterval(Duration retargetInterval) {
    this.retargetInterval = retargetInterval;
  }

  @JsonProperty
  public Duration getRetargetTick() {
    return retargetTick;
  }

  @JsonProperty
  public void setRetargetTick(Duration retargetTick) {
    this.retargetTick = retargetTick;
  }

  @JsonProperty
  public Duration getStaleGrace() {
    return staleGrace;
  }

  @JsonProperty
  public void setStaleGrace(Duration staleGrace) {
    this.staleGrace = staleGrace;
  }

  @JsonProperty
  public int getNtimeWindowBits() {
    return ntimeWindowBits;
  }

  @JsonProperty
  public void setNtimeWindowBits(int ntimeWindowBits) {
    this.ntimeWindowBits = ntimeWindowBits;
  }

  @JsonProperty
  public int getUpdateFanoutRate() {
    return updateFanoutRate;
  }

  @JsonProperty
  public void setUpdateFanoutRate(int updateFanoutRate) {
    this.updateFanoutRate = updateFanoutRate;
  }

  @JsonProperty
  public long getPlannedRigsPerFeed() {
    return plannedRigsPerFeed;
  }

  @JsonProperty
  public void setPlannedRigsPerFeed(long plannedRigsPerFeed) {
    this.plannedRigsPerFeed = plannedRigsPerFeed;
  }

  @JsonProperty
  public double getVardiffMinDifficulty() {
    return vardiffMinDifficulty;
  }

  @JsonProperty
  public void setVardiffMinDifficulty(double vardiffMinDifficulty) {
    this.vardiffMinDifficulty = vardiffMinDifficulty;
  }

  /** The vardiff settings these values give (step 4, tolerance 30 %, bounds min..1e15). */
  public VardiffSettings vardiff() {
    return new VardiffSettings(
        java.time.Duration.ofMillis(targetShareInterval.toMilliseconds()),
        java.time.Duration.ofMillis(retargetInterval.toMilliseconds()),
        4,
        0.3,
        vardiffMinDifficulty,
        1e15);
  }

  /** The local source settings these values give. */
  public LocalSourceSettings localSource() {
    LocalSourceSettings d = LocalSourceSettings.defaults();
    return new LocalSourceSettings(
        coinbaseTag,
        localNetworkDifficulty,
        d.startHeight(),
        localBlockReward,
        d.payoutScript(),
        d.fakeTransactions(),
        java.time.Duration.ofMillis(localJobInterval.toMilliseconds()));
  }
}
