package io.otedama.agent.link;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ReconnectBackoffTest {
  @Test
  void theWindowDoublesUpToTheCap() {
    ReconnectBackoff b =
        new ReconnectBackoff(
            Duration.ofSeconds(1), Duration.ofSeconds(60), new SplittableRandom(1));
    assertThat(b.windowMillis(0)).isEqualTo(1000);
    assertThat(b.windowMillis(1)).isEqualTo(2000);
    assertThat(b.windowMillis(5)).isEqualTo(32000);
    assertThat(b.windowMillis(6)).isEqualTo(60000);
    assertThat(b.windowMillis(1000)).isEqualTo(60000);
  }

  @Test
  void tenThousandRigsSpreadOverTheWholeWindowInsteadOfOneSecond() {
    // 10,000 rigs after a broker restart, all on their 6th attempt: a 60 s window
    ReconnectBackoff b =
        new ReconnectBackoff(
            Duration.ofSeconds(1), Duration.ofSeconds(60), new SplittableRandom(42));
    int[] perSecond = new int[60];
    for (int rig = 0; rig < 10_000; rig++) {
      long ms = b.delay(6).toMillis();
      assertThat(ms).isBetween(0L, 59_999L);
      perSecond[(int) (ms / 1000)]++;
    }
    for (int count : perSecond) {
      // uniform: about 167 a second, never a stampede
      assertThat(count).isBetween(100, 250);
    }
  }
}
