package io.otedama.controller.embedded;

import com.hivemq.extension.sdk.api.auth.parameter.TopicPermission;
import com.hivemq.extension.sdk.api.auth.parameter.TopicPermission.MqttActivity;
import com.hivemq.extension.sdk.api.auth.parameter.TopicPermission.PermissionType;
import com.hivemq.extension.sdk.api.auth.parameter.TopicPermission.Qos;
import com.hivemq.extension.sdk.api.auth.parameter.TopicPermission.Retain;
import com.hivemq.extension.sdk.api.auth.parameter.TopicPermission.SharedSubscription;
import com.hivemq.extension.sdk.api.services.builder.Builders;
import io.otedama.protocol.topic.Publisher;
import io.otedama.protocol.topic.TopicKind;
import io.otedama.protocol.topic.Topics;
import java.util.ArrayList;
import java.util.List;

/**
 * The topics a rig may publish, as HiveMQ default permissions: exactly its own topic of every kind
 * agents publish, the same set the protocol's {@code TopicAcl.mayPublish} admits (a test holds them
 * together). Default permissions are checked by HiveMQ inline on its network thread; an extension
 * {@code PublishAuthorizer} would hop to the extension executor and back for every one of the
 * fleet's thousands of publishes per second.
 */
final class RigPublishPermissions {

  private RigPublishPermissions() {}

  /** The agent topics of {@code rigId}. */
  static List<String> topics(String rigId) {
    List<String> topics = new ArrayList<>();
    for (TopicKind kind : TopicKind.values()) {
      if (kind.publisher() == Publisher.AGENT) {
        topics.add(Topics.topic(rigId, kind));
      }
    }
    return topics;
  }

  static List<TopicPermission> forRig(String rigId) {
    List<TopicPermission> permissions = new ArrayList<>();
    for (String topic : topics(rigId)) {
      permissions.add(
          Builders.topicPermission()
              .topicFilter(topic)
              .type(PermissionType.ALLOW)
              .activity(MqttActivity.PUBLISH)
              .qos(Qos.ALL)
              .retain(Retain.ALL)
              .sharedSubscription(SharedSubscription.NOT_SHARED)
              .build());
    }
    return permissions;
  }
}
