package io.otedama.controller.commands;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.otedama.controller.api.ApiException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Issues commands: validates, stores the row (durable first), then hands it to the {@link
 * CommandPublisher}. A command the transport cannot take stays queued and is re-sent by {@link
 * #resendDue()} until it goes out or times out.
 */
public class CommandService {
  private static final Logger LOG = LoggerFactory.getLogger(CommandService.class);
  private static final int RESEND_BATCH = 500;
  private final CommandStore store;
  private final CommandPublisher publisher;
  private final CommandMetrics metrics;
  private final ObjectMapper json;
  private final Clock clock;
  private final Duration timeout;
  private final Duration retryInterval;

  CommandService(
      CommandStore store,
      CommandPublisher publisher,
      CommandMetrics metrics,
      ObjectMapper json,
      Clock clock,
      Duration timeout,
      Duration retryInterval) {
    this.store = store;
    this.publisher = publisher;
    this.metrics = metrics;
    this.json = json;
    this.clock = clock;
    this.timeout = timeout;
    this.retryInterval = retryInterval;
  }

  public Command issue(
      String rigId, String typeName, JsonNode args, Integer timeoutSeconds, String issuedBy) {
    String id = issueOne(rigId, typeName, args, timeoutSeconds, issuedBy);
    return store.find(id).orElseThrow();
  }

  /**
   * Issues one command; returns its id.
   *
   * @throws ApiException for a bad type or arguments (400) or an unknown rig (404)
   */
  private String issueOne(
      String rigId, String typeName, JsonNode args, Integer timeoutSeconds, String issuedBy) {
    if (typeName == null || typeName.isBlank()) {
      throw ApiException.badRequest(
          "The command type is required; one of " + CommandType.allNames() + ".");
    }
    CommandType type =
        CommandType.of(typeName)
            .orElseThrow(() ->
                ApiException.badRequest(
                    "Unknown command type '"
                        + typeName
                        + "'; supported: "
                        + CommandType.allNames()
                        + "."));
    Map<String, Object> checkedArgs = type.validate(args, json);
    if (timeoutSeconds != null && (timeoutSeconds < 1 || timeoutSeconds > 86_400)) {
      throw ApiException.badRequest("timeoutSeconds must be from 1 to 86400.");
    }
    if (!store.rigExists(rigId)) {
      throw ApiException.notFound("There is no rig with id '" + rigId + "'.");
    }
    String id = UUID.randomUUID().toString();
    Instant now = clock.instant();
    Instant expiresAt =
        now.plus(timeoutSeconds == null ? timeout : Duration.ofSeconds(timeoutSeconds));
    store.insert(
        id,
        rigId,
        type.wireName(),
        toJson(checkedArgs),
        issuedBy,
        now,
        expiresAt,
        now.plus(retryInterval),
        null);
    metrics.entered(type.wireName(), CommandStatus.QUEUED);
    send(id, rigId, type.wireName(), checkedArgs, now, expiresAt, 1);
    return id;
  }

  /**
   * Issues one checked command to many rigs (a batch's chunk): the rows in one round trip, then the
   * transport rig by rig, then the sent ones marked in one update. Rigs that do not exist are
   * handed to {@code refused} (rig id, reason) and get no row.
   */
  void issueMany(
      List<String> rigIds,
      String typeName,
      Map<String, Object> checkedArgs,
      Integer timeoutSeconds,
      String issuedBy,
      String batchId,
      java.util.function.BiConsumer<String, String> refused) {
    CommandType type = CommandType.of(typeName).orElseThrow();
    java.util.Set<String> existing = store.existingRigs(rigIds);
    List<String> ids = new java.util.ArrayList<>();
    List<String> rigs = new java.util.ArrayList<>();
    for (String rigId : rigIds) {
      if (existing.contains(rigId)) {
        ids.add(UUID.randomUUID().toString());
        rigs.add(rigId);
      } else {
        refused.accept(rigId, "There is no rig with id '" + rigId + "'.");
      }
    }
    if (ids.isEmpty()) {
      return;
    }
    Instant now = clock.instant();
    Instant expiresAt =
        now.plus(timeoutSeconds == null ? timeout : Duration.ofSeconds(timeoutSeconds));
    store.insertMany(
        ids,
        rigs,
        type.wireName(),
        toJson(checkedArgs),
        issuedBy,
        now,
        expiresAt,
        now.plus(retryInterval),
        batchId);
    List<String> sent = new java.util.ArrayList<>(ids.size());
    for (int i = 0; i < ids.size(); i++) {
      metrics.entered(type.wireName(), CommandStatus.QUEUED);
      try {
        publisher.publish(rigs.get(i), ids.get(i), type.wireName(), checkedArgs, now, expiresAt);
        sent.add(ids.get(i));
      } catch (RuntimeException e) {
        // stays queued: the sweep re-sends it with the usual backoff
        store.markSendFailed(
            ids.get(i), String.valueOf(e.getMessage()), clock.instant().plus(retryInterval));
        LOG.warn(
            "Command {} ({}) to rig {} not sent yet: {}",
            ids.get(i),
            type.wireName(),
            rigs.get(i),
            e.toString());
      }
    }
    if (!sent.isEmpty()) {
      int moved = store.markSentMany(sent, clock.instant());
      for (int i = 0; i < moved; i++) {
        metrics.entered(type.wireName(), CommandStatus.SENT);
      }
    }
  }

  /** Checks a type and its arguments without issuing anything; returns the checked arguments. */
  Map<String, Object> check(String typeName, JsonNode args, Integer timeoutSeconds) {
    if (typeName == null || typeName.isBlank()) {
      throw ApiException.badRequest(
          "The command type is required; one of " + CommandType.allNames() + ".");
    }
    CommandType type =
        CommandType.of(typeName)
            .orElseThrow(() ->
                ApiException.badRequest(
                    "Unknown command type '"
                        + typeName
                        + "'; supported: "
                        + CommandType.allNames()
                        + "."));
    if (timeoutSeconds != null && (timeoutSeconds < 1 || timeoutSeconds > 86_400)) {
      throw ApiException.badRequest("timeoutSeconds must be from 1 to 86400.");
    }
    return type.validate(args, json);
  }

  /** Re-sends queued commands whose next attempt is due. */
  public int resendDue() {
    List<Command> due = store.dueForResend(clock.instant(), RESEND_BATCH);
    for (Command c : due) {
      Map<String, Object> args = parseArgs(c.args());
      send(c.id(), c.rigId(), c.type(), args, c.createdAt(), c.expiresAt(), c.attempts() + 1);
    }
    return due.size();
  }

  /** Marks commands past their deadline timed_out. */
  public int timeOutExpired() {
    List<String> types = store.timeOut(clock.instant());
    types.forEach(t -> metrics.entered(t, CommandStatus.TIMED_OUT));
    return types.size();
  }

  public java.util.Optional<Command> find(String id) {
    return store.find(id);
  }

  public List<Command> forRig(String rigId, int limit) {
    if (!store.rigExists(rigId)) {
      throw ApiException.notFound("There is no rig with id '" + rigId + "'.");
    }
    return store.forRig(rigId, limit);
  }

  private void send(
      String id,
      String rigId,
      String type,
      Map<String, Object> args,
      Instant issuedAt,
      Instant expiresAt,
      int attempt) {
    try {
      publisher.publish(rigId, id, type, args, issuedAt, expiresAt);
    } catch (RuntimeException e) {
      // backoff grows with the attempts, capped, so a dead transport is not hammered
      Duration wait = retryInterval.multipliedBy(Math.min(attempt, 6));
      store.markSendFailed(id, String.valueOf(e.getMessage()), clock.instant().plus(wait));
      LOG.warn(
          "Command {} ({}) to rig {} not sent yet (attempt {}): {}",
          id,
          type,
          rigId,
          attempt,
          e.toString());
      return;
    }
    if (store.markSent(id, clock.instant())) {
      metrics.entered(type, CommandStatus.SENT);
    }
  }

  private String toJson(Map<String, Object> args) {
    try {
      return json.writeValueAsString(args);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Command args could not be written as JSON", e);
    }
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> parseArgs(String argsJson) {
    try {
      return json.readValue(argsJson, Map.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Stored command args are not JSON: " + argsJson, e);
    }
  }
}
