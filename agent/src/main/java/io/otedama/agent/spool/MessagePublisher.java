package io.otedama.agent.spool;

import io.otedama.protocol.topic.TopicKind;
import java.util.concurrent.CompletableFuture;

/** Where the outbox delivers to: the rig's MQTT link. */
public interface MessagePublisher {
  boolean isConnected();

  /** How many messages may await their acknowledgement at once right now (at least 1). */
  default int maxInFlight() {
    return Integer.MAX_VALUE;
  }

  /** Completes once the broker acknowledged the message; fails when it cannot be delivered. */
  CompletableFuture<Void> publish(TopicKind kind, byte[] payload);
}
