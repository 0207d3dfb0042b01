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
    return forController(config, java.util.Set.of());
  }

  /**
   * {@link #forController(MqttConfiguration)} without the kinds in {@code takenDirectly}: those the
   * embedded broker hands the controller in-process ({@link #directKinds}).
   */
  public static List<Subscription> forController(
      MqttConfiguration config, java.util.Set<TopicKind> takenDirectly) {
    String group = config.isSharedSubscription() ? config.getShareGroup() : null;
    List<Subscription> subscriptions = new ArrayList<>();
    for (TopicKind kind : TopicKind.values()) {
      if (kind.publisher() == Publisher.AGENT && !takenDirectly.contains(kind)) {
        String filter = Topics.allRigsFilter(kind);
        subscriptions.add(
            new Subscription(group == null ? filter : Topics.shared(group, filter), kind.qos()));
      }
    }
    return List.copyOf(subscriptions);
  }

  /**
   * The kinds the embedded broker hands the controller in-process instead of over its subscription:
   * the two that come all the time from every rig (shares and telemetry, neither retained). None
   * with an external broker, or when {@code mqtt.embeddedDirectIngest} is off or replicas share the
   * subscription. Birth, status (retained, and the broker's last will) and command results keep the
   * subscription.
   */
  public static java.util.Set<TopicKind> directKinds(MqttConfiguration config) {
    if (!config.isEmbedded() || !config.isEmbeddedDirectIngest() || config.isSharedSubscription()) {
      return java.util.Set.of();
    }
    return java.util.EnumSet.of(TopicKind.SHARES, TopicKind.TELEMETRY);
  }
}
