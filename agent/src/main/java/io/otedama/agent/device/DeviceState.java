package io.otedama.agent.device;

/** What a device is doing; {@link #word()} is the telemetry {@code status}. */
public enum DeviceState {
  /** Hashing on an assignment. */
  MINING("mining"),
  /** Running but without work. */
  IDLE("idle"),
  /** Too hot: throttled or stopped by itself. */
  OVERHEAT("overheat"),
  /** Stopped answering or hashing; a restart may help. */
  HUNG("hung"),
  /** Something is wrong that the agent can see (e.g. the miner reports dead boards). */
  ERROR("error"),
  /** Unreachable (an ASIC that does not answer its API). */
  OFFLINE("offline"),
  /** Stopped by a command. */
  STOPPED("stopped");

  private final String word;

  DeviceState(String word) {
    this.word = word;
  }

  public String word() {
    return word;
  }
}
