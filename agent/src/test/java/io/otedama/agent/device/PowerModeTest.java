package io.otedama.agent.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PowerModeTest {

  @Test
  void parsesTheControllersVocabularyInAnyCase() {
    assertThat(PowerMode.parse("sleep")).isEqualTo(PowerMode.SLEEP);
    assertThat(PowerMode.parse(" Low ")).isEqualTo(PowerMode.LOW);
    assertThat(PowerMode.parse("eco")).isEqualTo(PowerMode.LOW);
    assertThat(PowerMode.parse("NORMAL")).isEqualTo(PowerMode.NORMAL);
    assertThat(PowerMode.parse("high")).isEqualTo(PowerMode.HIGH);
  }

  @Test
  void refusesAnythingElseNamingTheModes() {
    assertThatThrownBy(() -> PowerMode.parse("turbo"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("power mode must be sleep, low (eco), normal or high, got 'turbo'");
    assertThatThrownBy(() -> PowerMode.parse(null)).hasMessageContaining("got nothing");
  }
}
