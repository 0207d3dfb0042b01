package io.otedama.protocol.message;

import com.fasterxml.jackson.annotation.JsonValue;

/** The state a rig announces on its retained status topic; the Last Will says offline. */
public enum RigState implements WireEnum {
  ONLINE("online"),
  OFFLINE("offline");

  private final String wireName;

  RigState(String wireName) {
    this.wireName = wireName;
  }

  @JsonValue
  @Override
  public String wireName() {
    return wireName;
  }
}
