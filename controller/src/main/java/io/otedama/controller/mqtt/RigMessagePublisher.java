package io.otedama.controller.mqtt;

import io.otedama.protocol.codec.MessageCodec;
import io.otedama.protocol.message.RigMessage;
import io.otedama.protocol.message.WorkAssignmentMessage;
import io.otedama.protocol.topic.TopicKind;
import io.otedama.protocol.topic.Topics;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;

/**
 * Publishes controller messages to one rig on its topics, with the QoS and retain flag {@link
 * TopicKind} prescribes: work assignments (retained, so a reconnecting agent gets the current one
 * at once) and commands. Non-blocking: returns once Paho has the message.
 */
public final class RigMessagePublisher {

  private final ControllerMqttClient client;
  private final MessageCodec codec;

  public RigMessagePublisher(ControllerMqttClient client, MessageCodec codec) {
    this.client = client;
    this.codec = codec;
  }

  public IMqttToken publish(
      String rigId, TopicKind kind, RigMessage message, MqttProperties properties)
      throws MqttException {
    return client.publish(
        Topics.topic(rigId, kind), codec.encode(message), kind.qos(), kind.retained(), properties);
  }

  /** The rig's current work, retained on {@code otedama/v1/rigs/{id}/work}. */
  public IMqttToken publishWork(String rigId, WorkAssignmentMessage work) throws MqttException {
    return publish(rigId, TopicKind.WORK, work, null);
  }

  /** Removes the retained work of a rig (an empty retained payload deletes it at the broker). */
  public IMqttToken clearWork(String rigId) throws MqttException {
    return client.publish(Topics.topic(rigId, TopicKind.WORK), new byte[0], 1, true, null);
  }
}
