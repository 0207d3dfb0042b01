package io.otedama.controller.payouts.scheme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProportionalSplitTest {
  private static DifficultyWeights weights(Map<Long, String> byAccount) {
    java.util.TreeMap<Long, BigDecimal> map = new java.util.TreeMap<>();
    BigDecimal total = BigDecimal.ZERO;
    for (Map.Entry<Long, String> e : byAccount.entrySet()) {
      map.put(e.getKey(), new BigDecimal(e.getValue()));
      total = total.add(new BigDecimal(e.getValue()));
    }
    return new DifficultyWeights(map, total);
  }

  @Test
  void threeEqualPartsOfAHundredLeaveOneSatOfDust() {
    // 100/3 = 33.33 -> 33 each; 100 - 99 = 1 dust
    ProportionalSplit split = ProportionalSplit.of(100, weights(Map.of(1L, "1", 2L, "1", 3L, "1")));
    assertThat(split.parts()).isEqualTo(Map.of(1L, 33L, 2L, 33L, 3L, 33L));
    assertThat(split.dustSats()).isEqualTo(1);
  }

  @Test
  void anExactSplitHasNoDust() {
    // 90 * 1/3 = 30, 90 * 2/3 = 60
    ProportionalSplit split = ProportionalSplit.of(90, weights(Map.of(1L, "1", 2L, "2")));
    assertThat(split.parts()).isEqualTo(Map.of(1L, 30L, 2L, 60L));
    assertThat(split.dustSats()).isZero();
  }

  @Test
  void fractionalDifficultiesSplitExactly() {
    // weights 0.5 and 0.25 of 0.75: 10 * 2/3 = 6.67 -> 6, 10 * 1/3 = 3.33 -> 3, dust 1
    ProportionalSplit split = ProportionalSplit.of(10, weights(Map.of(1L, "0.5", 2L, "0.25")));
    assertThat(split.parts()).isEqualTo(Map.of(1L, 6L, 2L, 3L));
    assertThat(split.dustSats()).isEqualTo(1);
  }

  @Test
  void theWorkedExamplesPplnsSplit() {
    // 1 000 001 * 1100/2000 = 550 000.55 -> 550 000; * 900/2000 = 450 000.45 -> 450 000; dust 1
    ProportionalSplit split =
        ProportionalSplit.of(1_000_001, weights(Map.of(1L, "900", 0L, "1100")));
    assertThat(split.parts()).isEqualTo(Map.of(0L, 550_000L, 1L, 450_000L));
    assertThat(split.dustSats()).isEqualTo(1);
  }

  @Test
  void theWholeSupplySplitsWithoutOverflow() {
    ProportionalSplit split =
        ProportionalSplit.of(Sats.MAX_MONEY, weights(Map.of(1L, "1", 2L, "2", 3L, "4")));
    // 2.1e15 / 7 = 300 000 000 000 000 exactly
    assertThat(split.parts())
        .isEqualTo(
            Map.of(1L, 300_000_000_000_000L, 2L, 600_000_000_000_000L, 3L, 1_200_000_000_000_000L));
    assertThat(split.dustSats()).isZero();
  }

  @Test
  void nothingToSplitOverIsAnError() {
    assertThatThrownBy(() -> ProportionalSplit.of(10, DifficultyWeights.EMPTY))
        .hasMessageContaining("over no shares");
  }
}
