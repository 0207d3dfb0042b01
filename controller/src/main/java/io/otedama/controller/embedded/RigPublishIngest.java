package io.otedama.controller.embedded;

import com.hivemq.extension.sdk.api.async.Async;
import com.hivemq.extension.sdk.api.async.TimeoutFallback;
import com.hivemq.extension.sdk.api.interceptor.publish.PublishInboundInterceptor;
import com.hivemq.extension.sdk.api.interceptor.publish.parameter.PublishInboundInput;
import com.hivemq.extension.sdk.api.interceptor.publish.parameter.PublishInboundOutput;
import com.hivemq.extension.sdk.api.packets.publish.AckReasonCode;
import com.hivemq.extension.sdk.api.packets.publish.PublishPacket;
import io.otedama.controller.mqtt.InboundMessage;
import io.otedama.controller.mqtt.InboundQueue;
import io.otedama.protocol.topic.TopicKind;
import io.otedama.protocol.topic.Topics;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/**
 * Hands the rigs' shares and telemetry to the controller's dispatch queues as the embedded broker
 * receives them, instead of routing them to the controller's own MQTT session: one hop where the
 * subscription took four (the broker's queue for that session, the loopback socket, Paho's receive
 * thread and its callback thread), and none of their CPU.
 *
 * <p>Only a rig's own topics are taken (the topic's rig id must be the publishing client's id,
 * which the authenticator binds to the rig's credentials); anything else goes its usual way, where
 * the authorizer decides. HiveMQ calls an interceptor on one thread per client, so a rig's messages
 * stay in order. When the rig's dispatch queue is full the PUBLISH waits, asynchronously, until the
 * queue takes it: the rig's PUBACK means the controller has the message, and backpressure reaches
 * the rig as it did through the broker's queue.
 */
final class RigPublishIngest implements PublishInboundInterceptor {
  /** How long a PUBLISH may wait for room before the rig is told to send it again. */
  private static final Duration MAX_WAIT = Duration.ofSeconds(30);

  private static final byte[] EMPTY = new byte[0];

  private final Set<TopicKind> kinds;
  private final InboundQueue target;
  private final Clock clock;

  /**
   * @param clock the application's clock: a message's arrival time is business time (a rig's
   *     last-seen, a share's received-at), compared with that clock's now elsewhere
   */
  RigPublishIngest(Set<TopicKind> kinds, InboundQueue target, Clock clock) {
    this.kinds = Set.copyOf(kinds);
    this.target = target;
    this.clock = clock;
  }

  @Override
  public void onInboundPublish(PublishInboundInput input, PublishInboundOutput output) {
    PublishPacket packet = input.getPublishPacket();
    String topic = packet.getTopic();
    if (!isOwnTopic(topic, input.getClientInformation().getClientId())) {
      return;
    }
    InboundMessage message =
        new InboundMessage(
            topic,
            bytes(packet.getPayload()),
            packet.getRetain(),
            packet.getCorrelationData().map(RigPublishIngest::copy).orElse(null),
            clock.millis(),
            System.nanoTime());
    if (target.offer(message)) {
      return;
    }
    Async<PublishInboundOutput> waiting =
        output.async(
            MAX_WAIT,
            TimeoutFallback.FAILURE,
            AckReasonCode.QUOTA_EXCEEDED,
            "the controller is busy: send it again");
    Thread.ofVirtual()
        .name("mqtt-ingest-wait")
        .start(() -> {
          try {
            target.put(message);
          } catch (InterruptedException | IllegalStateException e) {
            // the controller is stopping: the rig keeps the message and sends it again
            waiting
                .getOutput()
                .preventPublishDelivery(AckReasonCode.QUOTA_EXCEEDED, "the controller is stopping");
            if (e instanceof InterruptedException) {
              Thread.currentThread().interrupt();
            }
          } finally {
            waiting.resume();
          }
        });
  }

  /** A topic of one of the taken kinds under the publishing rig's own subtree. */
  private boolean isOwnTopic(String topic, String clientId) {
    if (!topic.startsWith(Topics.RIGS_PREFIX)) {
      return false;
    }
    int idStart = Topics.RIGS_PREFIX.length();
    int idEnd = topic.indexOf('/', idStart);
    if (idEnd != idStart + clientId.length() || !topic.startsWith(clientId, idStart)) {
      return false;
    }
    Optional<TopicKind> kind = TopicKind.fromSuffix(topic.substring(idEnd + 1));
    return kind.isPresent() && kinds.contains(kind.get());
  }

  private static byte[] bytes(Optional<ByteBuffer> buffer) {
    return buffer.map(RigPublishIngest::copy).orElse(EMPTY);
  }

  private static byte[] copy(ByteBuffer buffer) {
    ByteBuffer b = buffer.asReadOnlyBuffer();
    byte[] out = new byte[b.remaining()];
    b.get(out);
    return out;
  }
}
