package io.otedama.controller.payouts.scheme;

import static io.otedama.controller.payouts.scheme.Shares.d;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PpsValuationTest {
  private final Shares shares = new Shares();

  @Test
  void ppsPaysTheSubsidyAndFppsAlsoTheExpectedFees() {
    // 750 of difficulty at D = 1000: PPS 900 000 * 0.75 = 675 000; FPPS 1 000 000 * 0.75 = 750 000
    assertThat(PpsValuation.value(900_000, d("750"), d("1000"))).isEqualTo(675_000);
    Map<Long, AccountTerms> terms =
        Map.of(
            1L, new AccountTerms(PayoutScheme.PPS, FeeSchedule.NONE),
            2L, new AccountTerms(PayoutScheme.FPPS, new FeeSchedule(250, 0)),
            3L, new AccountTerms(PayoutScheme.PPLNS, FeeSchedule.NONE));
    List<ShareRecord> log =
        List.of(
            shares.at(1, 1, "250"),
            shares.at(2, 1, "500"),
            shares.at(3, 2, "250"),
            shares.at(4, 2, "500"),
            shares.at(5, 3, "999"));
    List<CreditShare> credits =
        PpsValuation.credits(terms, DifficultyWeights.of(log), 900_000, 100_000, d("1000"));
    // PPLNS account 3 gets nothing here: it is paid from blocks
    assertThat(credits)
        .containsExactly(
            new CreditShare(1, PayoutScheme.PPS, new FeeSplit(675_000, 0, 0, 675_000)),
            new CreditShare(2, PayoutScheme.FPPS, new FeeSplit(750_000, 18_750, 0, 731_250)));
  }

  @Test
  void aPeriodsSharesAreValuedTogetherAndRoundedOnce() {
    // B = 3.125 BTC, D = 1e14, d = 1e6: each share is worth 3.125 sats. Rounding per share would
    // pay 3 * 1000 = 3000; valuing the period's 1000 shares together pays 3125.
    List<ShareRecord> log = new ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      log.add(shares.at(1, 1, "1000000"));
    }
    List<CreditShare> credits =
        PpsValuation.credits(
            Map.of(1L, new AccountTerms(PayoutScheme.PPS, FeeSchedule.NONE)),
            DifficultyWeights.of(log),
            312_500_000,
            0,
            d("100000000000000"));
    assertThat(credits).singleElement().extracting(CreditShare::grossSats).isEqualTo(3_125L);
  }

  @Test
  void fractionalNetworkDifficulty() {
    // 5e9 * 1000 / 123456.789 = 40 500 000.37 (123456.789 * 40 500 000 = 4 999 999 954 500)
    assertThat(PpsValuation.value(5_000_000_000L, d("1000"), d("123456.789")))
        .isEqualTo(40_500_000);
  }

  @Test
  void refusesZeroNetworkDifficulty() {
    assertThatThrownBy(() -> PpsValuation.value(1, d("1"), d("0")))
        .hasMessageContaining("network difficulty > 0");
  }
}
