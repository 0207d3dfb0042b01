package io.otedama.agent.device;

import java.util.Objects;

/** One pool of a {@code set-pool} command. */
public record PoolSetting(String url, String user, String password) {
  public PoolSetting {
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(user, "user");
    password = password == null ? "x" : password;
  }

  @Override
  public String toString() {
    return url + " as " + user;
  }
}
