package io.otedama.agent.spool;

import io.otedama.protocol.topic.TopicKind;
import java.util.concurrent.CompletableFuture;

/** Where the outbox delivers to: the rig's MQTT link. */
public interface MessagePublisher {
  boolean isConnected();

  /** Completes once the broker acknowledged the message; fails when it cannot be delivered. */
  CompletableFuture<Void> publish(TopicKind kind, byte[] payload);
}
