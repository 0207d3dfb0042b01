package io.otedama.controller.work;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.util.Duration;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code work:} section: which profile rigs mine on by default, the local source's settings,
 * profiles of upstream pools (optional; they are saved to the database at start), the starting
 * share difficulty of agent rigs and how often vardiff retargets.
 */
public class WorkConfiguration {

  /** A profile of upstream pools, tried in order (the first is the primary). */
  public static class ProfileConfiguration {
    @NotBlank private String name;
    @NotBlank private String algorithm = "sha256d";
    @Valid @NotNull private List<PoolConfiguration> pools = new ArrayList<>();

    @JsonProperty
    public String getName() {
      return name;
    }

    @JsonProperty
    public void setName(String name) {
      this.name = name;
    }

    @JsonProperty
    public String getAlgorithm() {
      return algorithm;
    }

    @JsonProperty
    public void setAlgorithm(String algorithm) {
      this.algorithm = algorithm;
    }

    @JsonProperty
    public List<PoolConfiguration> getPools() {
      return pools;
    }

    @JsonProperty
    public void setPools(List<PoolConfiguration> pools) {
      this.pools = pools;
    }
  }

  /** One upstream pool of a profile. */
  public static class PoolConfiguration {
    @NotBlank private String url;
    @NotBlank private String user;
    @NotNull private String password = "x";

    @JsonProperty
    public String getUrl() {
      return url;
    }

    @JsonProperty
    public void setUrl(String url) {
      this.url = url;
    }

    @JsonProperty
    public String getUser() {
      return user;
    }

    @JsonProperty
    public void setUser(String user) {
      this.user = user;
    }

    @JsonProperty
    public String getPassword() {
      return password;
    }

    @JsonProperty
    public void setPassword(String password) {
      this.password = password;
    }
  }

  @NotBlank private String defaultProfile = "local";
  @NotBlank private String localTag = "/otedama/";
  @Positive private double localNetworkDifficulty = 0.5;
  @Positive private double agentStartDifficulty = 1;
  @NotNull private Duration retargetEvery = Duration.seconds(5);
  @Valid @NotNull private List<ProfileConfiguration> profiles = new ArrayList<>();

  @JsonProperty
  public String getDefaultProfile() {
    return defaultProfile;
  }

  @JsonProperty
  public void setDefaultProfile(String defaultProfile) {
    this.defaultProfile = defaultProfile;
  }

  @JsonProperty
  public String getLocalTag() {
    return localTag;
  }

  @JsonProperty
  public void setLocalTag(String localTag) {
    this.localTag = localTag;
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
  public Duration getRetargetEvery() {
    return retargetEvery;
  }

  @JsonProperty
  public void setRetargetEvery(Duration retargetEvery) {
    this.retargetEvery = retargetEvery;
  }

  @JsonProperty
  public List<ProfileConfiguration> getProfiles() {
    return profiles;
  }

  @JsonProperty
  public void setProfiles(List<ProfileConfiguration> profiles) {
    this.profiles = profiles;
  }

  /** The local source's settings from this section. */
  public LocalSourceSettings localSettings() {
    LocalSourceSettings d = LocalSourceSettings.defaults();
    return new LocalSourceSettings(
        localTag,
        localNetworkDifficulty,
        d.startHeight(),
        d.reward(),
        d.payoutScript(),
        d.fakeTransactions(),
        d.jobInterval());
  }
}
