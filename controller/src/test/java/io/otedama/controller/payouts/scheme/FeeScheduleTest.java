package io.otedama.controller.payouts.scheme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class FeeScheduleTest {
  @Test
  void feesAreBasisPointsOfTheGrossRoundedDownEach() {
    // 1 % of 450 000 = 4 500; 2 % = 9 000; net 450 000 - 13 500 = 436 500
    assertThat(new FeeSchedule(100, 200).apply(450_000))
        .isEqualTo(new FeeSplit(450_000, 4_500, 9_000, 436_500));
    // 1 % of 210 526 = 2 105.26 -> 2 105; the client keeps the 0.26
    assertThat(new FeeSchedule(100, 0).apply(210_526))
        .isEqualTo(new FeeSplit(210_526, 2_105, 0, 208_421));
    // 1.5 % of 199 = 2.985 -> 2, twice: the client keeps both fractions (net 195, not 194)
    assertThat(new FeeSchedule(150, 150).apply(199)).isEqualTo(new FeeSplit(199, 2, 2, 195));
  }

  @Test
  void fullFeesOnAllBitcoinDoNotOverflow() {
    // 2.1e15 * 10 000 overflows a long; the arithmetic is exact anyway
    FeeSplit split = new FeeSchedule(10_000, 0).apply(Sats.MAX_MONEY);
    assertThat(split.poolFeeSats()).isEqualTo(Sats.MAX_MONEY);
    assertThat(split.netSats()).isZero();
    assertThat(new FeeSchedule(3_333, 3_333).apply(Sats.MAX_MONEY))
        .isEqualTo(
            new FeeSplit(
                Sats.MAX_MONEY, 699_930_000_000_000L, 699_930_000_000_000L, 700_140_000_000_000L));
  }

  @Test
  void noFeesKeepEverything() {
    assertThat(FeeSchedule.NONE.apply(12_345)).isEqualTo(new FeeSplit(12_345, 0, 0, 12_345));
  }

  @Test
  void refusesFeesOutsideZeroToHundredPercent() {
    assertThatThrownBy(() -> new FeeSchedule(-1, 0)).hasMessageContaining("pool fee");
    assertThatThrownBy(() -> new FeeSchedule(0, 10_001)).hasMessageContaining("hosting fee");
    assertThatThrownBy(() -> new FeeSchedule(6_000, 5_000)).hasMessageContaining("exceed 100 %");
    assertThatThrownBy(() -> new FeeSchedule(0, 0).apply(-5)).hasMessageContaining("gross credit");
  }
}
