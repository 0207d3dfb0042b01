package io.otedama.protocol.codec;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.otedama.protocol.message.BirthMessage;
import io.otedama.protocol.message.CommandMessage;
import io.otedama.protocol.message.CommandResultMessage;
import io.otedama.protocol.message.RigMessage;
import io.otedama.protocol.message.ShareBatchMessage;
import io.otedama.protocol.message.StatusMessage;
import io.otedama.protocol.message.TelemetryMessage;
import io.otedama.protocol.message.WorkAssignmentMessage;
import io.otedama.protocol.topic.RigTopic;
import io.otedama.protocol.topic.TopicKind;
import io.otedama.protocol.topic.Topics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.Objects;

/**
 * Decodes and validates MQTT payloads into message records, and encodes records into payloads.
 * Thread-safe and meant to be shared: one instance holds the configured Jackson reader and writer,
 * so nothing is set up per message.
 *
 * <p>Decoding checks, in this order: size (before parsing), JSON syntax (one object, no trailing
 * data, bounded nesting; a repeated key counts with its last value), {@code v}, {@code ts} (not
 * negative, at most {@link MessageLimits#MAX_CLOCK_AHEAD_MS} ahead of this codec's clock), then
 * every field of the message kind. Unknown fields are ignored so newer senders stay compatible. Hex
 * fields come out lower case.
 */
public final class MessageCodec {
  private final Clock clock;
  private final ObjectReader treeReader;
  private final TelemetryStreamDecoder telemetryDecoder;
  private final ObjectWriter writer;

  /** A codec that checks timestamps against the system clock. */
  public MessageCodec() {
    this(Clock.systemUTC());
  }

  /** A codec that checks timestamps against {@code clock}. */
  public MessageCodec(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
    JsonFactory factory =
        JsonFactory.builder()
            .streamReadConstraints(
                StreamReadConstraints.builder()
                    .maxNestingDepth(MessageLimits.MAX_NESTING_DEPTH)
                    .maxNumberLength(100)
                    .maxStringLength(MessageLimits.MAX_PAYLOAD_BYTES)
                    .build())
            .build();
    JsonMapper mapper =
        JsonMapper.builder(factory)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .defaultPropertyInclusion(
                JsonInclude.Value.construct(
                    JsonInclude.Include.NON_NULL, JsonInclude.Include.ALWAYS))
            .build();
    this.treeReader = mapper.reader();
    this.telemetryDecoder = new TelemetryStreamDecoder(factory);
    this.writer = mapper.writer();
  }

  // ---- decoding

  /**
   * Decodes a payload that arrived on {@code topic}; the topic says which message it must be.
   *
   * @throws MessageRejectedException with {@link RejectReason#BAD_TOPIC} when the topic is not a
   *     rig topic, or any other reason when the payload is invalid
   */
  public ReceivedMessage decode(String topic, byte[] payload) throws MessageRejectedException {
    RigTopic rigTopic =
        Topics.parse(topic)
            .orElseThrow(() ->
                new MessageRejectedException(
                    RejectReason.BAD_TOPIC,
                    null,
                    "topic "
                        + (topic == null ? "null" : FieldReader.quote(topic))
                        + " is not an otedama rig topic ("
                        + Topics.RIGS_PREFIX
                        + "{rigId}/{kind})"));
    return new ReceivedMessage(rigTopic, decode(rigTopic.kind(), payload));
  }

  /** Decodes a payload of the message kind published on {@code kind} topics. */
  public RigMessage decode(TopicKind kind, byte[] payload) throws MessageRejectedException {
    return switch (kind) {
      case BIRTH -> decodeBirth(payload);
      case STATUS -> decodeStatus(payload);
      case TELEMETRY -> decodeTelemetry(payload);
      case SHARES -> decodeShareBatch(payload);
      case WORK -> decodeWork(payload);
      case CMD -> decodeCommand(payload);
      case CMD_RESULT -> decodeCommandResult(payload);
    };
  }

  public BirthMessage decodeBirth(byte[] payload) throws MessageRejectedException {
    FieldReader r = parse("birth", payload);
    return MessageDecoders.birth(r, version(r), timestamp(r));
  }

  public StatusMessage decodeStatus(byte[] payload) throws MessageRejectedException {
    FieldReader r = parse("status", payload);
    return MessageDecoders.status(r, version(r), timestamp(r));
  }

  public TelemetryMessage decodeTelemetry(byte[] payload) throws MessageRejectedException {
    checkSize("telemetry", payload);
    return telemetryDecoder.decode(payload, clock.millis() + MessageLimits.MAX_CLOCK_AHEAD_MS);
  }

  /** The tree-based telemetry decoder, the reference the streaming one is tested against. */
  TelemetryMessage decodeTelemetryViaTree(byte[] payload) throws MessageRejectedException {
    FieldReader r = parse("telemetry", payload);
    return MessageDecoders.telemetry(r, version(r), timestamp(r));
  }

  public ShareBatchMessage decodeShareBatch(byte[] payload) throws MessageRejectedException {
    FieldReader r = parse("shares", payload);
    return MessageDecoders.shares(r, version(r), timestamp(r));
  }

  public WorkAssignmentMessage decodeWork(byte[] payload) throws MessageRejectedException {
    FieldReader r = parse("work", payload);
    return MessageDecoders.work(r, version(r), timestamp(r));
  }

  public CommandMessage decodeCommand(byte[] payload) throws MessageRejectedException {
    FieldReader r = parse("cmd", payload);
    return MessageDecoders.command(r, version(r), timestamp(r));
  }

  public CommandResultMessage decodeCommandResult(byte[] payload) throws MessageRejectedException {
    FieldReader r = parse("cmd/result", payload);
    return MessageDecoders.commandResult(r, version(r), timestamp(r));
  }

  private FieldReader parse(String message, byte[] payload) throws MessageRejectedException {
    checkSize(message, payload);
    JsonNode root;
    try {
      root = treeReader.readTree(payload);
    } catch (JacksonException e) {
      throw new MessageRejectedException(
          RejectReason.BAD_JSON, null, message + ": the payload is not valid JSON: " + brief(e));
    } catch (IOException e) {
      // readTree(byte[]) does no real I/O; anything else it throws is still a parse failure
      throw new MessageRejectedException(
          RejectReason.BAD_JSON, null, message + ": the payload is not valid JSON");
    }
    if (root == null || !root.isObject()) {
      throw new MessageRejectedException(
          RejectReason.BAD_JSON, null, message + ": the payload is not a JSON object");
    }
    return FieldReader.root(message, root);
  }

  private static void checkSize(String message, byte[] payload) throws MessageRejectedException {
    if (payload == null || payload.length == 0) {
      throw new MessageRejectedException(
          RejectReason.BAD_JSON, null, message + ": the payload is empty");
    }
    if (payload.length > MessageLimits.MAX_PAYLOAD_BYTES) {
      throw new MessageRejectedException(
          RejectReason.TOO_LARGE,
          null,
          message
              + ": the payload is "
              + payload.length
              + " bytes, more than the limit of "
              + MessageLimits.MAX_PAYLOAD_BYTES);
    }
  }

  private static int version(FieldReader r) throws MessageRejectedException {
    long v;
    try {
      v = r.requiredLong("v", Integer.MIN_VALUE, Integer.MAX_VALUE);
    } catch (MessageRejectedException e) {
      if (e.reason() == RejectReason.MISSING_FIELD) {
        throw e;
      }
      throw r.reject(
          RejectReason.BAD_VERSION,
          "v",
          "is not a schema version number; this receiver understands version "
              + RigMessage.VERSION);
    }
    if (v != RigMessage.VERSION) {
      throw r.reject(
          RejectReason.BAD_VERSION,
          "v",
          "is "
              + v
              + ", a schema version this receiver does not support; it understands version "
              + RigMessage.VERSION);
    }
    return (int) v;
  }

  private long timestamp(FieldReader r) throws MessageRejectedException {
    long now = clock.millis();
    long ts = r.requiredLong("ts", 0, Long.MAX_VALUE);
    if (ts > now + MessageLimits.MAX_CLOCK_AHEAD_MS) {
      throw r.outOfRange(
          "ts",
          ts
              + " ms since the epoch, more than "
              + MessageLimits.MAX_CLOCK_AHEAD_MS / 3_600_000
              + " hours ahead of this clock ("
              + now
              + "); check the sender's clock");
    }
    return ts;
  }

  static String brief(JacksonException e) {
    String text = e.getOriginalMessage();
    if (text == null) {
      return e.getClass().getSimpleName();
    }
    // Jackson quotes input in its messages; keep the sentence short and printable for logs
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < text.length() && out.length() < 160; i++) {
      char c = text.charAt(i);
      out.append(c < 0x20 || c == 0x7f ? ' ' : c);
    }
    if (e.getLocation() != null) {
      out.append(" (at byte ").append(e.getLocation().getByteOffset()).append(')');
    }
    return out.toString();
  }

  // ---- encoding

  /**
   * The JSON text of any part of a message in its wire form, e.g. a telemetry message's {@code
   * devices} for a JSONB column, or a command result's {@code details}.
   */
  public String toJsonText(Object part) {
    try {
      return writer.writeValueAsString(part);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The JSON payload of {@code message}; null fields are left out. */
  public byte[] encode(RigMessage message) {
    Objects.requireNonNull(message, "message");
    try {
      return writer.writeValueAsBytes(message);
    } catch (JsonProcessingException e) {
      // records of plain values always serialize; reaching this is a programming error
      throw new UncheckedIOException(e);
    }
  }
}
