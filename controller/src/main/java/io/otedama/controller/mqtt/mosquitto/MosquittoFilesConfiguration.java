package io.otedama.controller.mqtt.mosquitto;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.Min;
import java.nio.file.Path;
import java.util.List;

/**
 * The {@code mqtt.mosquitto:} section: where the controller writes Mosquitto's {@code
 * password_file} and {@code acl_file} for an external Mosquitto, and how it tells Mosquitto to
 * reload them. Both paths unset (the default) means the controller writes nothing.
 */
public class MosquittoFilesConfiguration {

  @JsonProperty private Path passwordFile;

  @JsonProperty private Path aclFile;

  /**
   * Run after the files changed, e.g. {@code [systemctl, reload, mosquitto]} or {@code [pkill,
   * -HUP, -x, mosquitto]}; empty = the operator reloads (SIGHUP) by other means.
   */
  @JsonProperty private List<String> reloadCommand = List.of();

  /** How often the files are regenerated from the rigs table (only rewritten when changed). */
  @JsonProperty
  @Min(1)
  private long refreshSeconds = 30;

  public boolean isEnabled() {
    return passwordFile != null && aclFile != null;
  }

  public Path getPasswordFile() {
    return passwordFile;
  }

  public void setPasswordFile(Path passwordFile) {
    this.passwordFile = passwordFile;
  }

  public Path getAclFile() {
    return aclFile;
  }

  public void setAclFile(Path aclFile) {
    this.aclFile = aclFile;
  }

  public List<String> getReloadCommand() {
    return reloadCommand;
  }

  public void setReloadCommand(List<String> reloadCommand) {
    this.reloadCommand = reloadCommand == null ? List.of() : List.copyOf(reloadCommand);
  }

  public long getRefreshSeconds() {
    return refreshSeconds;
  }

  public void setRefreshSeconds(long refreshSeconds) {
    this.refreshSeconds = refreshSeconds;
  }
}
