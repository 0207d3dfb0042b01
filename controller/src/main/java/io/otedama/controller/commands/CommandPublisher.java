package io.otedama.controller.commands;

import java.time.Instant;
import java.util.Map;

/**
 * Sends a stored command to its rig. Implemented by the MQTT adapter (publishes on the rig's {@code
 * cmd} topic at QoS 1 with the command id as MQTT 5 correlation data); called by the commands
 * feature after the command row is committed.
 */
public interface CommandPublisher {

  /** Returns normally once the message is handed to the client; throws when it cannot be sent. */
  void publish(
      String rigId,
      String commandId,
      String type,
      Map<String, Object> args,
      Instant issuedAt,
      Instant expiresAt);
}
