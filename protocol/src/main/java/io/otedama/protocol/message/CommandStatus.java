package io.otedama.protocol.message;

import com.fasterxml.jackson.annotation.JsonValue;

/** What an agent reports for a command: received and started (acked), or its final outcome. */
public enum CommandStatus implements WireEnum {
  ACKED("acked"),
  SUCCEEDED("succeeded"),
  FAILED("failed");

  private final String wireName;

  CommandStatus(String wireName) {
    this.wireName = wireName;
  }

  @JsonValue
  @Override
  public String wireName() {
    return wireName;
  }
}
