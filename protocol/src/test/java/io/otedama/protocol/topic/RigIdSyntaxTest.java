package io.otedama.protocol.topic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RigIdSyntaxTest {
  @ParameterizedTest
  @ValueSource(
      strings = {
        "r",
        "7",
        "rig-001",
        "rig_001",
        "0b1c2d3e-4f50-6172-8394-a5b6c7d8e9f0",
        "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa" // 64
      })
  void acceptsSafeIds(String id) {
    assertThat(RigIdSyntax.isValid(id)).isTrue();
    assertThat(RigIdSyntax.requireValid(id)).isEqualTo(id);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", // 65
        "Rig1",
        "rig/1",
        "+",
        "#",
        "rig+",
        "rig#",
        "$SYS",
        "$share",
        "-rig",
        "_rig",
        "rig 1",
        "rig.1",
        "rïg",
        "rig\u0000",
        "rig\n",
        ".."
      })
  void refusesUnsafeIds(String id) {
    assertThat(RigIdSyntax.isValid(id)).isFalse();
    assertThatThrownBy(() -> RigIdSyntax.requireValid(id))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("invalid rig id")
        .hasMessageNotContaining("\n")
        .hasMessageNotContaining("\u0000");
  }

  @org.junit.jupiter.api.Test
  void refusesNull() {
    assertThat(RigIdSyntax.isValid(null)).isFalse();
    assertThatThrownBy(() -> RigIdSyntax.requireValid(null))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
