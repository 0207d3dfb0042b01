package io.otedama.protocol.codec;

import io.otedama.protocol.message.RigMessage;
import io.otedama.protocol.topic.RigTopic;
import java.util.Objects;

/** A decoded message with the topic it arrived on (which names the rig). */
public record ReceivedMessage(RigTopic topic, RigMessage message) {
  public ReceivedMessage {
    Objects.requireNonNull(topic, "topic");
    Objects.requireNonNull(message, "message");
  }

  public String rigId() {
    return topic.rigId();
  }
}
