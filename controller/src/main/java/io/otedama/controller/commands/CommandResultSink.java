package io.otedama.controller.commands;

import java.time.Instant;

/**
 * Receives results from {@code cmd/result}. Implemented by the commands feature (updates the
 * command row), called by the MQTT adapter. {@code status} is the agent's word: acked, succeeded or
 * failed.
 */
public interface CommandResultSink {

  void onResult(
      String rigId,
      String commandId,
      String status,
      String message,
      String detailsJson,
      Instant at);
}
