package io.otedama.controller.commands;

import java.time.Instant;
import java.util.Map;

/**
 * The publisher of a controller with no rig transport wired in: refuses every command, which leaves
 * it queued (and re-sent once a transport exists) until it times out. The MQTT edge replaces it.
 */
public class NoTransportCommandPublisher implements CommandPublisher {
  @Override
  public void publish(
      String rigId,
      String commandId,
      String type,
      Map<String, Object> args,
      Instant issuedAt,
      Instant expiresAt) {
    throw new IllegalStateException("no rig transport (MQTT) is connected to this controller");
  }
}
