package io.otedama.controller.mqtt;

import io.otedama.controller.commands.CommandResultSink;
import io.otedama.controller.fleet.RigBirth;
import io.otedama.controller.fleet.RigPresenceSink;
import io.otedama.controller.telemetry.TelemetryIngest;
import io.otedama.protocol.codec.MessageCodec;
import io.otedama.protocol.codec.MessageRejectedException;
import io.otedama.protocol.codec.ReceivedMessage;
import io.otedama.protocol.message.BirthMessage;
import io.otedama.protocol.message.CommandResultMessage;
import io.otedama.protocol.message.RigState;
import io.otedama.protocol.message.ShareBatchMessage;
import io.otedama.protocol.message.StatusMessage;
import io.otedama.protocol.message.TelemetryMessage;
import io.otedama.protocol.topic.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decodes each inbound message with the protocol codec and hands it to its feature by topic kind:
 * birth and status to the fleet ({@link RigPresenceSink}), telemetry to the {@link
 * TelemetryIngest}, command results to the commands feature ({@link CommandResultSink}), share
 * batches to the {@link ShareBatchHandler}. Rejections are counted and logged by {@link
 * RejectedMessages}; the next message is handled either way.
 *
 * <p>A Last Will is prepared when its connection opens, so one can arrive after the rig's next
 * birth (a session taken over by a quick reconnect). A status whose {@code seq} is older than the
 * rig's newest birth seen here is therefore ignored.
 */
public final class InboundDispatcher implements InboundMessageHandler {

  private static final Logger log = LoggerFactory.getLogger(InboundDispatcher.class);

  private final MessageCodec codec;
  private final KnownRigIds knownRigs;
  private final RigPresenceSink presence;
  private final TelemetryIngest telemetry;
  private final CommandResultSink commandResults;
  private final ShareBatchHandler shares;
  private final RejectedMessages rejected;
  private final ConcurrentHashMap<String, Long> birthSeq = new ConcurrentHashMap<>();

  public InboundDispatcher(
      MessageCodec codec,
      KnownRigIds knownRigs,
      RigPresenceSink presence,
      TelemetryIngest telemetry,
      CommandResultSink commandResults,
      ShareBatchHandler shares,
      RejectedMessages rejected) {
    this.codec = codec;
    this.knownRigs = knownRigs;
    this.presence = presence;
    this.telemetry = telemetry;
    this.commandResults = commandResults;
    this.shares = shares;
    this.rejected = rejected;
  }

  @Override
  public void handle(InboundMessage message) throws InterruptedException {
    if (message.payload().length == 0 && message.retained()) {
      return; // a cleared retained message (e.g. an operator removed a rig's status)
    }
    ReceivedMessage received;
    try {
      received = codec.decode(message.topic(), message.payload());
    } catch (MessageRejectedException e) {
      rejected.reject(
          rigIdOf(message.topic()), message.topic(), e.reason().wireName(), e.getMessage());
      return;
    }
    String rigId = received.rigId();
    if (!knownRigs.contains(rigId)) {
      rejected.reject(
          rigId, message.topic(), RejectedMessages.UNKNOWN_RIG, "no rig with this id is enrolled");
      return;
    }
    Instant receivedAt = Instant.ofEpochMilli(message.receivedAtMillis());
    switch (received.message()) {
      case TelemetryMessage t ->
          telemetry.accept(rigId, t, message.receivedAtMillis(), message.receivedNanos());
      case BirthMessage b -> onBirth(rigId, b, receivedAt);
      case StatusMessage s -> onStatus(rigId, s, receivedAt);
      case CommandResultMessage r -> onCommandResult(rigId, r, message, receivedAt);
      case ShareBatchMessage s -> shares.onShares(rigId, s, message.receivedAtMillis());
      default ->
          // work and cmd are the controller's own kinds; it does not subscribe to them
          log.debug("Ignoring {} on {}", received.message().getClass().getSimpleName(), rigId);
    }
  }

  private void onBirth(String rigId, BirthMessage birth, Instant receivedAt) {
    birthSeq.merge(rigId, birth.seq(), Math::max);
    presence.birth(
        rigId,
        new RigBirth(
            birth.agentVersion(),
            birth.hardware().hardwareId(),
            json(birth.devices()),
            birth.capabilities(),
            birth.seq(),
            receivedAt));
  }

  private void onStatus(String rigId, StatusMessage status, Instant receivedAt) {
    Long newestBirth = birthSeq.get(rigId);
    if (status.seq() != null && newestBirth != null && status.seq() < newestBirth) {
      log.debug(
          "Ignoring {} status of rig {} from session {} (newest birth {})",
          status.state().wireName(),
          rigId,
          status.seq(),
          newestBirth);
      return;
    }
    presence.statusReported(rigId, status.state() == RigState.ONLINE, status.reason(), receivedAt);
  }

  private void onCommandResult(
      String rigId, CommandResultMessage result, InboundMessage message, Instant receivedAt) {
    byte[] correlation = message.correlationData();
    if (correlation != null
        && !Arrays.equals(correlation, result.id().getBytes(StandardCharsets.UTF_8))) {
      log.warn(
          "Rig {} answered command {} with correlation data of another command; the payload's id"
              + " counts",
          rigId,
          result.id());
    }
    commandResults.onResult(
        rigId,
        result.id(),
        result.status().wireName(),
        result.message(),
        json(result.details()),
        receivedAt);
  }

  private String json(Object value) {
    return codec.toJsonText(value);
  }

  /** The rig id level of a topic that failed to decode, if it has one. */
  static String rigIdOf(String topic) {
    if (topic == null || !topic.startsWith(Topics.RIGS_PREFIX)) {
      return null;
    }
    int start = Topics.RIGS_PREFIX.length();
    int end = topic.indexOf('/', start);
    String id = end < 0 ? topic.substring(start) : topic.substring(start, end);
    return id.isEmpty() || id.length() > 64 ? null : id;
  }
}
