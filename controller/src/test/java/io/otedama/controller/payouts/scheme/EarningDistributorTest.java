package io.otedama.controller.payouts.scheme;

import static io.otedama.controller.payouts.scheme.Shares.d;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EarningDistributorTest {
  // the worked example's accounts (docs/payouts.md)
  private static final long ALICE = 1;
  private static final long BOB = 2;
  private static final long CAROL = 3;
  private final Map<Long, AccountTerms> terms =
      Map.of(
          ALICE, new AccountTerms(PayoutScheme.PPLNS, new FeeSchedule(100, 200)),
          BOB, new AccountTerms(PayoutScheme.PROP, new FeeSchedule(100, 0)),
          CAROL, new AccountTerms(PayoutScheme.FPPS, new FeeSchedule(250, 0)));
  private final EarningDistributor distributor = new EarningDistributor(terms);
  private final Shares shares = new Shares();
  private final List<ShareRecord> log =
      List.of(
          shares.at(1, ALICE, "800"),
          shares.at(2, BOB, "600"),
          shares.at(3, CAROL, "250"),
          shares.at(4, ALICE, "500"),
          shares.at(5, ShareRecord.FARM, "300"),
          shares.at(6, ALICE, "400"));

  @Test
  void theWorkedExamplesBlock() {
    DifficultyWeights window = PplnsWindow.walk(log, d("2000"));
    DifficultyWeights round = DifficultyWeights.of(log);
    Distribution distribution = distributor.splitBlock(1_000_001, window, round);

    // PPLNS split: Alice 900 of 2000 -> floor(450 000.45) = 450 000; the rest (1100) -> 550 000;
    // dust 1. PROP split: Bob 600 of 2850 -> floor(210 526.53) = 210 526; the rest (2250) ->
    // floor(789 474.47) = 789 474; dust 1.
    assertThat(distribution.credits())
        .containsExactly(
            new CreditShare(
                ALICE, PayoutScheme.PPLNS, new FeeSplit(450_000, 4_500, 9_000, 436_500)),
            new CreditShare(BOB, PayoutScheme.PROP, new FeeSplit(210_526, 2_105, 0, 208_421)));
    assertThat(distribution.dustSats()).isEqualTo(2);
    // the farm keeps 1 000 001 - 450 000 - 210 526 - 2
    assertThat(distribution.farmShareSats()).isEqualTo(339_473);
  }

  @Test
  void aPoolEarningIsSplitByPeriodDifficultyAmongPplnsAndPropAccounts() {
    // 2850 of work: Alice 1700, Bob 600, Carol (FPPS: the farm's part) 250, farm 300
    Distribution distribution = distributor.splitPoolEarning(57_000, DifficultyWeights.of(log));
    // Alice 57 000 * 1700/2850 = 34 000; Bob 57 000 * 600/2850 = 12 000; rest 550 -> 11 000
    assertThat(distribution.credits())
        .extracting(CreditShare::accountId, CreditShare::grossSats)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(ALICE, 34_000L),
            org.assertj.core.groups.Tuple.tuple(BOB, 12_000L));
    assertThat(distribution.farmShareSats()).isEqualTo(11_000);
    assertThat(distribution.dustSats()).isZero();
  }

  @Test
  void withNoSharesTheFarmKeepsEverything() {
    Distribution distribution =
        distributor.splitBlock(5_000, DifficultyWeights.EMPTY, DifficultyWeights.EMPTY);
    assertThat(distribution.credits()).isEmpty();
    assertThat(distribution.farmShareSats()).isEqualTo(5_000);
  }

  @Test
  void sharesOfAccountsNobodyKnowsAreTheFarms() {
    List<ShareRecord> strangers = List.of(shares.at(1, 99, "10"), shares.at(2, ALICE, "10"));
    Distribution distribution =
        distributor.split(
            1_001, java.util.Set.of(PayoutScheme.PPLNS), DifficultyWeights.of(strangers));
    // Alice floor(500.5) = 500, farm floor(500.5) = 500, dust 1
    assertThat(distribution.creditedSats()).isEqualTo(500);
    assertThat(distribution.farmShareSats()).isEqualTo(500);
    assertThat(distribution.dustSats()).isEqualTo(1);
  }

  @Test
  void partsRoundedToZeroAreNotCredited() {
    List<ShareRecord> tiny = List.of(shares.at(1, ALICE, "1"), shares.at(2, ShareRecord.FARM, "1"));
    Distribution distribution =
        distributor.split(1, java.util.Set.of(PayoutScheme.PPLNS), DifficultyWeights.of(tiny));
    // floor(0.5) twice: nobody gets anything, the one sat is dust
    assertThat(distribution.credits()).isEmpty();
    assertThat(distribution.dustSats()).isEqualTo(1);
    assertThat(distribution.farmShareSats()).isZero();
  }

  @Test
  void whenOnlyPplnsAccountsExistTheRoundIsNotNeeded() {
    EarningDistributor pplnsOnly = new EarningDistributor(Map.of(ALICE, terms.get(ALICE)));
    assertThat(pplnsOnly.anyOn(PayoutScheme.PROP)).isFalse();
    Distribution distribution =
        pplnsOnly.splitBlock(1_000_001, PplnsWindow.walk(log, d("2000")), DifficultyWeights.EMPTY);
    assertThat(distribution.creditedSats()).isEqualTo(450_000);
    assertThat(distribution.farmShareSats()).isEqualTo(550_000);
    assertThat(distribution.dustSats()).isEqualTo(1);
  }
}
