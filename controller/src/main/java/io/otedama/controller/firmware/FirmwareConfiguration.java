package io.otedama.controller.firmware;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.util.DataSize;
import io.dropwizard.util.Duration;
import io.dropwizard.validation.MinDuration;
import jakarta.validation.constraints.NotNull;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The {@code firmware:} section: the operators' Ed25519 public keys (PEM or base64 X.509; the
 * controller never holds a private key), where artifacts are stored, the upload limit, how often
 * campaigns advance, how long one rig's update may take, and the base URL agents download from
 * (when unset: the URL the operator used to start the campaign).
 */
public class FirmwareConfiguration {
  @NotNull private List<String> publicKeys = new ArrayList<>();
  @NotNull private String storageDir = "./data/firmware";
  @NotNull private DataSize maxArtifactSize = DataSize.mebibytes(512);

  @NotNull
  @MinDuration(value = 1, unit = TimeUnit.MILLISECONDS)
  private Duration tickInterval = Duration.seconds(5);

  @NotNull
  @MinDuration(value = 1, unit = TimeUnit.SECONDS)
  private Duration updateTimeout = Duration.minutes(30);

  private String downloadBaseUrl;

  @JsonProperty
  public List<String> getPublicKeys() {
    return publicKeys;
  }

  /** A list of keys, or one key as a plain string (handy for an environment variable). */
  @JsonProperty
  @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
  public void setPublicKeys(List<String> publicKeys) {
    this.publicKeys = publicKeys;
  }

  @JsonProperty
  public String getStorageDir() {
    return storageDir;
  }

  @JsonProperty
  public void setStorageDir(String storageDir) {
    this.storageDir = storageDir;
  }

  @JsonProperty
  public DataSize getMaxArtifactSize() {
    return maxArtifactSize;
  }

  @JsonProperty
  public void setMaxArtifactSize(DataSize maxArtifactSize) {
    this.maxArtifactSize = maxArtifactSize;
  }

  @JsonProperty
  public Duration getTickInterval() {
    return tickInterval;
  }

  @JsonProperty
  public void setTickInterval(Duration tickInterval) {
    this.tickInterval = tickInterval;
  }

  @JsonProperty
  public Duration getUpdateTimeout() {
    return updateTimeout;
  }

  @JsonProperty
  public void setUpdateTimeout(Duration updateTimeout) {
    this.updateTimeout = updateTimeout;
  }

  @JsonProperty
  public String getDownloadBaseUrl() {
    return downloadBaseUrl;
  }

  @JsonProperty
  public void setDownloadBaseUrl(String downloadBaseUrl) {
    this.downloadBaseUrl = downloadBaseUrl;
  }
}
