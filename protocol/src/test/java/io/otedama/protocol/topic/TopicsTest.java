package io.otedama.protocol.topic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class TopicsTest {
  @Test
  void buildsEveryTopicOfTheContract() {
    assertThat(Topics.topic("r1", TopicKind.BIRTH)).isEqualTo("otedama/v1/rigs/r1/birth");
    assertThat(Topics.topic("r1", TopicKind.STATUS)).isEqualTo("otedama/v1/rigs/r1/status");
    assertThat(Topics.topic("r1", TopicKind.TELEMETRY)).isEqualTo("otedama/v1/rigs/r1/telemetry");
    assertThat(Topics.topic("r1", TopicKind.SHARES)).isEqualTo("otedama/v1/rigs/r1/shares");
    assertThat(Topics.topic("r1", TopicKind.WORK)).isEqualTo("otedama/v1/rigs/r1/work");
    assertThat(Topics.topic("r1", TopicKind.CMD)).isEqualTo("otedama/v1/rigs/r1/cmd");
    assertThat(Topics.topic("r1", TopicKind.CMD_RESULT)).isEqualTo("otedama/v1/rigs/r1/cmd/result");
  }

  @Test
  void deliverySettingsFollowTheContract() {
    assertThat(TopicKind.STATUS.retained()).isTrue();
    assertThat(TopicKind.WORK.retained()).isTrue();
    assertThat(TopicKind.TELEMETRY.retained()).isFalse();
    assertThat(TopicKind.CMD.publisher()).isEqualTo(Publisher.CONTROLLER);
    assertThat(TopicKind.CMD_RESULT.publisher()).isEqualTo(Publisher.AGENT);
    for (TopicKind kind : TopicKind.values()) {
      assertThat(kind.qos()).isBetween(0, 1);
    }
  }

  @ParameterizedTest
  @EnumSource(TopicKind.class)
  void parsesWhatItBuilds(TopicKind kind) {
    String topic = Topics.topic("rig-42", kind);
    assertThat(Topics.parse(topic)).contains(new RigTopic("rig-42", kind));
    assertThat(new RigTopic("rig-42", kind).name()).isEqualTo(topic);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "otedama/v1/rigs/r1",
        "otedama/v1/rigs/r1/",
        "otedama/v1/rigs//telemetry",
        "otedama/v1/rigs/R1/telemetry",
        "otedama/v1/rigs/+/telemetry",
        "otedama/v1/rigs/r1/telemetry/",
        "otedama/v1/rigs/r1/telemetry/x",
        "otedama/v1/rigs/r1/cmd/results",
        "otedama/v1/rigs/r1/result",
        "otedama/v2/rigs/r1/telemetry",
        "/otedama/v1/rigs/r1/telemetry",
        "otedama/v1/rig/r1/telemetry",
        "$share/otedama/otedama/v1/rigs/r1/telemetry"
      })
  void parseRefusesAnythingElse(String topic) {
    assertThat(Topics.parse(topic)).isEmpty();
  }

  @Test
  void parseRefusesNull() {
    assertThat(Topics.parse(null)).isEmpty();
  }

  @Test
  void buildRefusesBadRigIds() {
    assertThatThrownBy(() -> Topics.topic("+", TopicKind.CMD))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Topics.topic("a/b", TopicKind.CMD))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new RigTopic("#", TopicKind.CMD))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void controllerFiltersCoverEveryAgentPublishedKind() {
    assertThat(Topics.controllerFilters(null))
        .containsExactly(
            "otedama/v1/rigs/+/birth",
            "otedama/v1/rigs/+/status",
            "otedama/v1/rigs/+/telemetry",
            "otedama/v1/rigs/+/shares",
            "otedama/v1/rigs/+/cmd/result");
    assertThat(Topics.controllerFilters(Topics.DEFAULT_SHARE_GROUP))
        .contains("$share/otedama/otedama/v1/rigs/+/telemetry")
        .hasSize(5)
        .allMatch(f -> f.startsWith("$share/otedama/otedama/v1/rigs/+/"));
  }

  @Test
  void sharedFormNeedsASafeGroupName() {
    assertThat(Topics.shared("g1", Topics.allRigsFilter(TopicKind.SHARES)))
        .isEqualTo("$share/g1/otedama/v1/rigs/+/shares");
    for (String bad : new String[] {"", "a/b", "+", "#", null}) {
      assertThatThrownBy(() -> Topics.shared(bad, "x"))
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void agentSubscribesToItsWorkAndCommands() {
    assertThat(Topics.agentFilters("r7"))
        .containsExactly("otedama/v1/rigs/r7/work", "otedama/v1/rigs/r7/cmd");
    assertThat(Topics.rigSubtreeFilter("r7")).isEqualTo("otedama/v1/rigs/r7/#");
  }

  @Test
  void filterSyntax() {
    assertThat(Topics.isValidFilter("a/+/b/#")).isTrue();
    assertThat(Topics.isValidFilter("#")).isTrue();
    assertThat(Topics.isValidFilter("+")).isTrue();
    assertThat(Topics.isValidFilter("a//b")).isTrue();
    assertThat(Topics.isValidFilter("a/#/b")).isFalse();
    assertThat(Topics.isValidFilter("a/b#")).isFalse();
    assertThat(Topics.isValidFilter("a/b+/c")).isFalse();
    assertThat(Topics.isValidFilter("a/\u0000")).isFalse();
    assertThat(Topics.isValidFilter("")).isFalse();
    assertThat(Topics.isValidFilter(null)).isFalse();
  }
}
