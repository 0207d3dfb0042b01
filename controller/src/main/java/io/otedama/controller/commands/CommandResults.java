package io.otedama.controller.commands;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies results from {@code cmd/result} to the command rows. Idempotent: a repeated or late
 * result finds the row already past that status and changes nothing; results for unknown ids or for
 * another rig's command are ignored (and logged at debug), as are unknown statuses. Final statuses
 * (succeeded, failed, timed_out) are never left.
 */
public class CommandResults implements CommandResultSink {
  private static final Logger LOG = LoggerFactory.getLogger(CommandResults.class);
  private final CommandStore store;
  private final CommandMetrics metrics;
  private final ObjectMapper json;
  private final Clock clock;

  CommandResults(CommandStore store, CommandMetrics metrics, ObjectMapper json, Clock clock) {
    this.store = store;
    this.metrics = metrics;
    this.json = json;
    this.clock = clock;
  }

  @Override
  public void onResult(
      String rigId,
      String commandId,
      String status,
      String message,
      String detailsJson,
      Instant at) {
    if (rigId == null || commandId == null || commandId.length() > 64 || status == null) {
      return;
    }
    Instant when = at == null ? clock.instant() : at;
    switch (status) {
      case CommandStatus.ACKED -> {
        if (store.markAcked(commandId, rigId, when)) {
          store.find(commandId).ifPresent(c -> metrics.entered(c.type(), CommandStatus.ACKED));
        }
      }
      case CommandStatus.SUCCEEDED, CommandStatus.FAILED ->
          store
              .finish(commandId, rigId, status, truncate(message), asJson(detailsJson), when)
              .ifPresentOrElse(
                  type -> metrics.entered(type, status),
                  () ->
                      LOG.debug(
                          "Result {} for command {} of rig {} ignored", status, commandId, rigId));
      default -> LOG.debug("Unknown result status '{}' for command {} ignored", status, commandId);
    }
  }

  private static String truncate(String message) {
    return message == null || message.length() <= 2000 ? message : message.substring(0, 2000);
  }

  /** Details are kept as JSON; text that is not JSON is kept as a JSON string. */
  private String asJson(String details) {
    if (details == null || details.isBlank()) {
      return null;
    }
    try {
      json.readTree(details);
      return details;
    } catch (JsonProcessingException e) {
      try {
        return json.writeValueAsString(truncate(details));
      } catch (JsonProcessingException impossible) {
        return null;
      }
    }
  }
}
