package io.otedama.protocol.message;

import java.util.Map;
import java.util.Objects;

/**
 * The agent's answer on {@code .../cmd/result}.
 *
 * @param id the command id, required
 * @param status acked (received, running), succeeded or failed
 * @param message a sentence for humans, or null
 * @param details JSON details as plain Java values, no null values; possibly empty
 */
public record CommandResultMessage(
    int v, long ts, String id, CommandStatus status, String message, Map<String, Object> details)
    implements RigMessage {
  public CommandResultMessage {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(status, "status");
    details = Map.copyOf(details);
  }

  /** A command result with the current schema version. */
  public CommandResultMessage(
      long ts, String id, CommandStatus status, String message, Map<String, Object> details) {
    this(VERSION, ts, id, status, message, details);
  }
}
