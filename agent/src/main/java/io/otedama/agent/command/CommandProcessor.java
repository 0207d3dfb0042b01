package io.otedama.agent.command;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.otedama.protocol.codec.MessageCodec;
import io.otedama.protocol.codec.MessageLimits;
import io.otedama.protocol.codec.MessageRejectedException;
import io.otedama.protocol.message.CommandMessage;
import io.otedama.protocol.message.CommandResultMessage;
import io.otedama.protocol.message.CommandStatus;
import io.otedama.protocol.message.CommandType;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Receives commands from the rig's {@code cmd} topic and answers each on {@code cmd/result}:
 *
 * <ol>
 *   <li>undecodable: {@code failed} with the codec's reason (under the command's id when it can
 *       still be read, else the MQTT correlation data, else {@code unknown});
 *   <li>an id seen before: not executed again; its remembered result is sent again with {@code
 *       "duplicate": true} in the details;
 *   <li>past {@code expiresAt}: {@code failed}, not started;
 *   <li>a type this agent does not know: {@code failed}, naming the known ones;
 *   <li>otherwise: the id is recorded, {@code acked} is sent, the command runs on a worker thread,
 *       and {@code succeeded} or {@code failed} follows with a sentence and details.
 * </ol>
 *
 * Nothing a command does or says stops the agent.
 */
public final class CommandProcessor {
  private static final System.Logger LOG = System.getLogger(CommandProcessor.class.getName());
  private static final ObjectMapper LENIENT = new ObjectMapper();

  private final MessageCodec codec;
  private final ExecutedCommands executed;
  private final CommandHandlers handlers;
  private final Consumer<CommandResultMessage> results;
  private final Executor workers;
  private final Clock clock;
  private final AtomicLong rejected = new AtomicLong();
  private final AtomicLong duplicates = new AtomicLong();

  public CommandProcessor(
      MessageCodec codec,
      ExecutedCommands executed,
      CommandHandlers handlers,
      Consumer<CommandResultMessage> results,
      Executor workers,
      Clock clock) {
    this.codec = codec;
    this.executed = executed;
    this.handlers = handlers;
    this.results = results;
    this.workers = workers;
    this.clock = clock;
  }

  /** Malformed commands answered so far. */
  public long rejected() {
    return rejected.get();
  }

  /** Repeated command ids not executed again. */
  public long duplicates() {
    return duplicates.get();
  }

  /** Handles one message from the {@code cmd} topic; returns quickly. */
  public void receive(byte[] payload, byte[] correlationData) {
    CommandMessage command;
    try {
      command = codec.decodeCommand(payload);
    } catch (MessageRejectedException e) {
      rejected.incrementAndGet();
      String id = readableId(payload).orElseGet(() -> correlationId(correlationData));
      LOG.log(Level.WARNING, "rejected a malformed command ({0}): {1}", id, e.getMessage());
      Map<String, Object> details = new LinkedHashMap<>();
      details.put("reason", e.reason().wireName());
      if (e.field() != null) {
        details.put("field", e.field());
      }
      send(id, CommandStatus.FAILED, "rejected: " + e.getMessage(), details);
      return;
    }
    String id = command.id();
    Optional<ExecutedCommands.Entry> seen = executed.lookup(id);
    if (seen.isPresent()) {
      duplicates.incrementAndGet();
      ExecutedCommands.Entry entry = seen.get();
      LOG.log(
          Level.INFO,
          "command {0} was already received ({1}); not running it again",
          id,
          entry.status().wireName());
      send(
          id,
          entry.status(),
          entry.message() == null ? "already received; not run again" : entry.message(),
          Map.of("duplicate", true));
      return;
    }
    long now = clock.millis();
    if (now > command.expiresAt()) {
      executed.finish(id, CommandStatus.FAILED, "expired");
      send(
          id,
          CommandStatus.FAILED,
          "expired at " + Instant.ofEpochMilli(command.expiresAt()) + " before the rig received it",
          Map.of());
      return;
    }
    Optional<CommandType> type = CommandType.fromWire(command.type());
    if (type.isEmpty()) {
      String message =
          "unknown command type '"
              + command.type()
              + "'; this agent knows "
              + String.join(
                  ", ", Arrays.stream(CommandType.values()).map(CommandType::wireName).toList());
      executed.finish(id, CommandStatus.FAILED, message);
      send(id, CommandStatus.FAILED, message, Map.of());
      return;
    }
    if (!executed.begin(id)) {
      duplicates.incrementAndGet();
      return; // a concurrent delivery of the same id won the race
    }
    send(id, CommandStatus.ACKED, "running " + command.type(), Map.of());
    workers.execute(() -> run(id, type.get(), command.args()));
  }

  private void run(String id, CommandType type, Map<String, Object> args) {
    CommandOutcome outcome;
    try {
      outcome =
          type == CommandType.UPDATE_FIRMWARE
              ? handlers.update(
                  id, args, (stage, details) -> send(id, CommandStatus.ACKED, stage, details))
              : handlers.execute(type, args);
    } catch (IllegalArgumentException e) {
      outcome = CommandOutcome.failed("bad arguments: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      outcome = CommandOutcome.failed("interrupted: the agent is shutting down");
    } catch (RuntimeException e) {
      LOG.log(Level.ERROR, "command " + id + " (" + type.wireName() + ") failed", e);
      outcome = CommandOutcome.failed(type.wireName() + " failed: " + e);
    }
    executed.finish(id, outcome.status(), outcome.message());
    LOG.log(
        Level.INFO,
        "command {0} ({1}): {2}, {3}",
        id,
        type.wireName(),
        outcome.status().wireName(),
        outcome.message());
    send(id, outcome.status(), outcome.message(), outcome.details());
  }

  private void send(String id, CommandStatus status, String message, Map<String, Object> details) {
    String text = message;
    if (text != null && text.length() > MessageLimits.MAX_TEXT_LENGTH) {
      text = text.substring(0, MessageLimits.MAX_TEXT_LENGTH - 3) + "...";
    }
    results.accept(new CommandResultMessage(clock.millis(), id, status, text, details));
  }

  /** The {@code id} of a payload the codec refused, when it is still a usable id. */
  static Optional<String> readableId(byte[] payload) {
    if (payload == null || payload.length > MessageLimits.MAX_PAYLOAD_BYTES) {
      return Optional.empty();
    }
    try {
      JsonNode node = LENIENT.readTree(payload);
      if (node != null && node.path("id").isTextual()) {
        String id = node.get("id").asText();
        if (usable(id)) {
          return Optional.of(id);
        }
      }
    } catch (java.io.IOException | RuntimeException e) {
      // not JSON at all
    }
    return Optional.empty();
  }

  private static String correlationId(byte[] correlation) {
    if (correlation != null) {
      String id = new String(correlation, StandardCharsets.UTF_8);
      if (usable(id)) {
        return id;
      }
    }
    return "unknown";
  }

  private static boolean usable(String id) {
    return !id.isEmpty()
        && id.length() <= MessageLimits.MAX_ID_LENGTH
        && id.matches("[\\x21-\\x7e]+");
  }
}
