package io.otedama.protocol.topic;

import java.util.Objects;

/** A concrete topic of one rig: {@code otedama/v1/rigs/{rigId}/{kind suffix}}. */
public record RigTopic(String rigId, TopicKind kind) {
  public RigTopic {
    RigIdSyntax.requireValid(rigId);
    Objects.requireNonNull(kind, "kind");
  }

  /** The full topic name. */
  public String name() {
    return Topics.topic(rigId, kind);
  }

  @Override
  public String toString() {
    return name();
  }
}
