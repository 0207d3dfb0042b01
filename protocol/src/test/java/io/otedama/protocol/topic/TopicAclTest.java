package io.otedama.protocol.topic;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TopicAclTest {
  private static final String RIG = "rig-1";

  @ParameterizedTest
  @ValueSource(
      strings = {
        "otedama/v1/rigs/rig-1/birth",
        "otedama/v1/rigs/rig-1/status",
        "otedama/v1/rigs/rig-1/telemetry",
        "otedama/v1/rigs/rig-1/shares",
        "otedama/v1/rigs/rig-1/cmd/result"
      })
  void rigPublishesItsOwnReports(String topic) {
    assertThat(TopicAcl.mayPublish(RIG, topic)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        // what only the controller publishes
        "otedama/v1/rigs/rig-1/work",
        "otedama/v1/rigs/rig-1/cmd",
        // another rig, including prefix and suffix look-alikes
        "otedama/v1/rigs/rig-2/telemetry",
        "otedama/v1/rigs/rig-10/telemetry",
        "otedama/v1/rigs/rig/telemetry",
        "otedama/v1/rigs/rig-1x/telemetry",
        // wildcards never appear in a publish topic
        "otedama/v1/rigs/+/telemetry",
        "otedama/v1/rigs/rig-1/#",
        "otedama/v1/rigs/rig-1/+",
        // outside the subtree or unknown below it
        "otedama/v1/rigs/rig-1",
        "otedama/v1/rigs/rig-1/",
        "otedama/v1/rigs/rig-1/junk",
        "otedama/v1/rigs/rig-1/telemetry/extra",
        "otedama/v1/rigs/rig-1//telemetry",
        "otedama/v1/fleet",
        "$SYS/broker/load",
        "$share/otedama/otedama/v1/rigs/rig-1/telemetry",
        "otedama/v1/rigs/rig-1/telemetry\u0000",
        ""
      })
  void rigPublishesNothingElse(String topic) {
    assertThat(TopicAcl.mayPublish(RIG, topic)).isFalse();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "otedama/v1/rigs/rig-1/work",
        "otedama/v1/rigs/rig-1/cmd",
        "otedama/v1/rigs/rig-1/#",
        "otedama/v1/rigs/rig-1/+",
        "otedama/v1/rigs/rig-1/cmd/#",
        "otedama/v1/rigs/rig-1/+/result",
        "otedama/v1/rigs/rig-1/status"
      })
  void rigSubscribesWithinItsSubtree(String filter) {
    assertThat(TopicAcl.maySubscribe(RIG, filter)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "#",
        "+",
        "otedama/#",
        "otedama/v1/#",
        "otedama/v1/rigs/#",
        "otedama/v1/rigs/+",
        "otedama/v1/rigs/+/cmd",
        "otedama/v1/rigs/+/#",
        "+/v1/rigs/rig-1/cmd",
        "otedama/+/rigs/rig-1/cmd",
        "otedama/v1/+/rig-1/cmd",
        "otedama/v1/rigs/rig-2/cmd",
        "otedama/v1/rigs/rig-1x/cmd",
        "otedama/v1/rigs/rig/#",
        "otedama/v1/rigs/rig-1",
        "otedama/v1/rigs/rig-1#",
        "otedama/v1/rigs/rig-1+/cmd",
        "otedama/v1/rigs/rig-1/#/cmd",
        "otedama/v1/rigs/rig-1/cm+",
        "$share/otedama/otedama/v1/rigs/rig-1/cmd",
        "$share/g/#",
        "$SYS/#",
        "$queue/otedama/v1/rigs/rig-1/cmd",
        "",
        "otedama/v1/rigs/rig-1/\u0000"
      })
  void rigSubscribesToNothingThatCouldReachOthers(String filter) {
    assertThat(TopicAcl.maySubscribe(RIG, filter)).isFalse();
  }

  @Test
  void maliciousOrMissingRigIdsGetNothing() {
    for (String id : new String[] {"+", "#", "", null, "rig-1/+", "RIG-1", "$SYS"}) {
      assertThat(TopicAcl.mayPublish(id, "otedama/v1/rigs/rig-1/telemetry")).isFalse();
      assertThat(TopicAcl.maySubscribe(id, "otedama/v1/rigs/rig-1/#")).isFalse();
      assertThat(TopicAcl.maySubscribe(id, "otedama/v1/rigs/+/#")).isFalse();
    }
    assertThat(TopicAcl.mayPublish(RIG, null)).isFalse();
    assertThat(TopicAcl.maySubscribe(RIG, null)).isFalse();
  }
}
