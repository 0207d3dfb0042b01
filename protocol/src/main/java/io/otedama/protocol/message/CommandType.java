package io.otedama.protocol.message;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Optional;

/**
 * The command types both sides know today. {@link CommandMessage#type()} stays a string so that a
 * newer controller can send a type an older agent does not know; the agent answers such a command
 * with {@link CommandStatus#FAILED}.
 */
public enum CommandType implements WireEnum {
  REBOOT("reboot"),
  RESTART_MINER("restart-miner"),
  SET_POOL("set-pool"),
  STOP("stop"),
  START("start"),
  SET_POWER_MODE("set-power-mode"),
  BLINK_LED("blink-led"),
  /** Download, verify and install a signed artifact (docs/firmware.md). */
  UPDATE_FIRMWARE("update-firmware");

  private final String wireName;

  CommandType(String wireName) {
    this.wireName = wireName;
  }

  @JsonValue
  @Override
  public String wireName() {
    return wireName;
  }

  /** The known type with this wire name, if any. */
  public static Optional<CommandType> fromWire(String wireName) {
    return Optional.ofNullable(WireEnum.fromWireName(CommandType.class, wireName));
  }
}
