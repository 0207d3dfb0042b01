package io.otedama.controller.payouts.scheme;

import static io.otedama.controller.payouts.scheme.Shares.d;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The window walk on the worked example's share log (docs/payouts.md): oldest first, account 1 =
 * Alice, 2 = Bob, 3 = Carol, 0 = the farm's own rig.
 */
class PplnsWindowTest {
  private final Shares shares = new Shares();
  private final List<ShareRecord> log =
      List.of(
          shares.at(1, 1, "800"),
          shares.at(2, 2, "600"),
          shares.at(3, 3, "250"),
          shares.at(4, 1, "500"),
          shares.at(5, 0, "300"),
          shares.at(6, 1, "400"));

  @Test
  void theShareAtTheFarEdgeCountsOnlyThePartInsideTheWindow() {
    // N = 2, D = 1000: window 2000. Back from the newest: 400 (1600 left), 300 (1300), 500 (800),
    // 250 (550), then Bob's 600 straddles the edge: 550 of it counts. Alice's 800 is outside.
    DifficultyWeights w = PplnsWindow.walk(log, PplnsWindow.size(d("2"), d("1000")));
    assertThat(w.total()).isEqualByComparingTo("2000");
    assertThat(w.weightOf(1)).isEqualByComparingTo("900");
    assertThat(w.weightOf(2)).isEqualByComparingTo("550");
    assertThat(w.weightOf(3)).isEqualByComparingTo("250");
    assertThat(w.weightOf(0)).isEqualByComparingTo("300");
  }

  @Test
  void aShareEndingExactlyAtTheEdgeCountsWholeAndNothingBeyond() {
    // 400 + 300 + 500 + 250 + 600 = 2050: Bob's share fills the window exactly
    DifficultyWeights w = PplnsWindow.walk(log, d("2050"));
    assertThat(w.weightOf(2)).isEqualByComparingTo("600");
    assertThat(w.weightOf(1)).isEqualByComparingTo("900");
    assertThat(w.total()).isEqualByComparingTo("2050");
  }

  @Test
  void aShortLogCountsEveryShareWhole() {
    // the log holds 2850 < 5000: everything counts, and the split is over 2850
    DifficultyWeights w = PplnsWindow.walk(log, d("5000"));
    assertThat(w.total()).isEqualByComparingTo("2850");
    assertThat(w.weightOf(1)).isEqualByComparingTo("1700");
  }

  @Test
  void aWindowSmallerThanTheNewestShareIsAllThatShare() {
    DifficultyWeights w = PplnsWindow.walk(log, d("100"));
    assertThat(w.byAccount()).hasSize(1);
    assertThat(w.weightOf(1)).isEqualByComparingTo("100");
  }

  @Test
  void sharesWithTheSameTimestampAreWalkedByLogIdNewestFirst() {
    Instant t = Shares.DAY;
    ShareRecord older = new ShareRecord(1, 7, "r", d("10"), t);
    ShareRecord newer = new ShareRecord(2, 8, "r", d("10"), t);
    // given in any order; the newer id is walked first and counts whole, the older one 5 of 10
    DifficultyWeights w = PplnsWindow.walk(List.of(older, newer), d("15"));
    assertThat(w.weightOf(8)).isEqualByComparingTo("10");
    assertThat(w.weightOf(7)).isEqualByComparingTo("5");
  }

  @Test
  void fractionalDifficultiesAndWindowFactor() {
    List<ShareRecord> small = List.of(shares.at(1, 1, "0.25"), shares.at(2, 2, "0.5"));
    // N = 0.3, D = 2: window 0.6; Bob's newest 0.5 whole, Alice's 0.25 straddles: 0.1
    DifficultyWeights w = PplnsWindow.walk(small, PplnsWindow.size(d("0.3"), d("2")));
    assertThat(w.weightOf(2)).isEqualByComparingTo("0.5");
    assertThat(w.weightOf(1)).isEqualByComparingTo("0.1");
  }

  @Test
  void anEmptyLogHasAnEmptyWindow() {
    assertThat(PplnsWindow.walk(List.of(), d("10")).isEmpty()).isTrue();
  }

  @Test
  void refusesNonPositiveWindows() {
    assertThatThrownBy(() -> PplnsWindow.size(BigDecimal.ZERO, d("1")))
        .hasMessageContaining("N > 0");
    assertThatThrownBy(() -> PplnsWindow.walk(log, BigDecimal.ZERO))
        .hasMessageContaining("positive");
  }
}
