package io.otedama.controller.mqtt;

import io.otedama.controller.mqtt.ControllerMqttClient.Subscription;
import io.otedama.protocol.topic.Publisher;
import io.otedama.protocol.topic.TopicKind;
import io.otedama.protocol.topic.Topics;
import java.util.ArrayList;
import java.util.List;

/** What the controller subscribes to: every agent-published kind of every rig. */
public final class MqttSubscriptions {

  private MqttSubscriptions() {}

  /**
   * One filter per agent-published {@link TopicKind}, at that kind's QoS; with {@code
   * mqtt.sharedSubscription} in the {@code $share/<group>/} form so replicas split the messages.
   */
  public static List<Subscription> forController(MqttConfiguration config) {
    String group = config.isSharedSubscription() ? config.getShareGroup() : null;
    List<Subscription> subscriptions = new ArrayList<>();
    for (TopicKind kind : TopicKind.values()) {
      if (kind.publisher() == Publisher.AGENT) {
        String filter = Topics.allRigsFilter(kind);
        subscriptions.add(
            new Subscription(group == null ? filter : Topics.shared(group, filter), kind.qos()));
      }
    }
    return List.copyOf(subscriptions);
  }
}
