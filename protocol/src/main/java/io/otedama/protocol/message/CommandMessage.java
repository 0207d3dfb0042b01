package io.otedama.protocol.message;

import java.util.Map;
import java.util.Objects;

/**
 * A command for the rig on {@code .../cmd}; the MQTT 5 correlation data carries the same id.
 *
 * @param id the command id, required, at most 64 characters; an agent executes an id once
 * @param type see {@link CommandType}; a string so unknown types reach the agent and fail cleanly
 * @param args JSON arguments as plain Java values (String, Long, Double, Boolean, List, Map), no
 *     null values; possibly empty
 * @param issuedAt when the command was created, epoch ms
 * @param expiresAt after this instant (epoch ms) the agent must not start it
 */
public record CommandMessage(
    int v, long ts, String id, String type, Map<String, Object> args, long issuedAt, long expiresAt)
    implements RigMessage {
  public CommandMessage {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(type, "type");
    args = Map.copyOf(args);
  }

  /** A command with the current schema version. */
  public CommandMessage(
      long ts, String id, String type, Map<String, Object> args, long issuedAt, long expiresAt) {
    this(VERSION, ts, id, type, args, issuedAt, expiresAt);
  }
}
