package io.otedama.controller.auth;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.util.Duration;
import io.dropwizard.validation.MinDuration;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.util.concurrent.TimeUnit;

/** The {@code auth:} section: token lifetime, login lockout and the bootstrap admin. */
public class AuthConfiguration {
  @NotNull
  @MinDuration(value = 1, unit = TimeUnit.MINUTES)
  private Duration tokenTtl = Duration.hours(12);

  @Min(1)
  @Max(1000)
  private int lockoutMaxFailures = 5;

  @NotNull
  @MinDuration(value = 1, unit = TimeUnit.SECONDS)
  private Duration lockoutWindow = Duration.minutes(15);

  @Min(8)
  private int minPasswordLength = 10;

  private String bootstrapAdminPassword;

  @JsonProperty
  public Duration getTokenTtl() {
    return tokenTtl;
  }

  @JsonProperty
  public void setTokenTtl(Duration tokenTtl) {
    this.tokenTtl = tokenTtl;
  }

  /** Failed logins for one username within {@link #getLockoutWindow()} that lock it. */
  @JsonProperty
  public int getLockoutMaxFailures() {
    return lockoutMaxFailures;
  }

  @JsonProperty
  public void setLockoutMaxFailures(int lockoutMaxFailures) {
    this.lockoutMaxFailures = lockoutMaxFailures;
  }

  @JsonProperty
  public Duration getLockoutWindow() {
    return lockoutWindow;
  }

  @JsonProperty
  public void setLockoutWindow(Duration lockoutWindow) {
    this.lockoutWindow = lockoutWindow;
  }

  @JsonProperty
  public int getMinPasswordLength() {
    return minPasswordLength;
  }

  @JsonProperty
  public void setMinPasswordLength(int minPasswordLength) {
    this.minPasswordLength = minPasswordLength;
  }

  /**
   * Password of the bootstrap admin created at first start; when blank, the environment variable
   * {@code OTEDAMA_ADMIN_PASSWORD}, else a random one printed once.
   */
  @JsonProperty
  public String getBootstrapAdminPassword() {
    return bootstrapAdminPassword;
  }

  @JsonProperty
  public void setBootstrapAdminPassword(String bootstrapAdminPassword) {
    this.bootstrapAdminPassword = bootstrapAdminPassword;
  }
}
