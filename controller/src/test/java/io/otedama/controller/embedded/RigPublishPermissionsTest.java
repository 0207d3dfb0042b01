package io.otedama.controller.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import io.otedama.protocol.topic.TopicAcl;
import io.otedama.protocol.topic.TopicKind;
import io.otedama.protocol.topic.Topics;
import org.junit.jupiter.api.Test;

/** The broker's publish permissions and the protocol's ACL admit the same topics. */
class RigPublishPermissionsTest {

  @Test
  void grantsExactlyTheTopicsTopicAclAllows() {
    for (TopicKind kind : TopicKind.values()) {
      String own = Topics.topic("rig-a", kind);
      assertThat(RigPublishPermissions.topics("rig-a").contains(own))
          .as(own)
          .isEqualTo(TopicAcl.mayPublish("rig-a", own));
      assertThat(TopicAcl.mayPublish("rig-a", Topics.topic("rig-b", kind))).isFalse();
    }
    assertThat(RigPublishPermissions.topics("rig-a"))
        .allMatch(topic -> TopicAcl.mayPublish("rig-a", topic))
        .noneMatch(topic -> topic.contains("+") || topic.contains("#"));
  }
}
