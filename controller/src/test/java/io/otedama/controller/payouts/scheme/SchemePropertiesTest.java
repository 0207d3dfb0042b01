package io.otedama.controller.payouts.scheme;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;

/**
 * For random farms (accounts on random schemes and fees) and random share logs: every earning is
 * accounted for to the satoshi, credits never exceed the earning, and the window and PPS rules
 * hold.
 */
class SchemePropertiesTest {
  /** Accounts 1..6 exist; 7 is a stranger; 0 is the farm's own rigs. */
  record Farm(Map<Long, AccountTerms> terms, List<ShareRecord> shares) {}

  @Provide
  Arbitrary<Farm> farms() {
    Arbitrary<AccountTerms> terms =
        Combinators.combine(
                Arbitraries.of(PayoutScheme.class),
                Arbitraries.integers().between(0, 5_000),
                Arbitraries.integers().between(0, 5_000))
            .as((scheme, pool, hosting) ->
                new AccountTerms(scheme, new FeeSchedule(pool, hosting)));
    Arbitrary<Map<Long, AccountTerms>> accounts =
        terms.list().ofMinSize(1).ofMaxSize(6).map(SchemePropertiesTest::numbered);
    Arbitrary<BigDecimal> difficulty =
        Arbitraries.oneOf(
            Arbitraries.bigDecimals()
                .between(new BigDecimal("0.001"), new BigDecimal("1000"))
                .ofScale(3),
            Arbitraries.longs().between(1, 1_000_000_000_000L).map(BigDecimal::valueOf));
    Arbitrary<ShareRecord> share =
        Combinators.combine(
                Arbitraries.longs().between(0, 7),
                difficulty,
                Arbitraries.longs().between(0, 86_399))
            .as((account, d, second) ->
                new ShareRecord(
                    0,
                    account,
                    "rig",
                    d,
                    Instant.parse("2025-01-01T00:00:00Z").plusSeconds(second)));
    Arbitrary<List<ShareRecord>> log =
        share.list().ofMaxSize(80).map(SchemePropertiesTest::withIds);
    return Combinators.combine(accounts, log).as(Farm::new);
  }

  @Provide
  Arbitrary<BigDecimal> windows() {
    return Arbitraries.bigDecimals()
        .between(new BigDecimal("0.001"), new BigDecimal("100000000000000"))
        .ofScale(3);
  }

  @Property(tries = 200)
  void aBlockIsAccountedForToTheSatoshi(
      @ForAll("farms") Farm farm,
      @ForAll @LongRange(min = 0, max = 2_100_000_000_000_000L) long reward,
      @ForAll("windows") BigDecimal window) {
    EarningDistributor distributor = new EarningDistributor(farm.terms());
    DifficultyWeights pplns = PplnsWindow.walk(farm.shares(), window);
    DifficultyWeights round = DifficultyWeights.of(farm.shares());
    Distribution distribution = distributor.splitBlock(reward, pplns, round);

    long net = 0;
    long fees = 0;
    for (CreditShare credit : distribution.credits()) {
      assertThat(credit.split().netSats()).isNotNegative();
      assertThat(credit.scheme().sharesEarnings()).isTrue();
      assertThat(farm.terms().get(credit.accountId()).scheme()).isEqualTo(credit.scheme());
      net += credit.split().netSats();
      fees += credit.split().feesSats();
      // nobody gets more than its exact share of the earning under its own scheme
      DifficultyWeights own = credit.scheme() == PayoutScheme.PPLNS ? pplns : round;
      BigDecimal exact =
          BigDecimal.valueOf(reward)
              .multiply(own.weightOf(credit.accountId()))
              .divide(own.total(), 3, java.math.RoundingMode.CEILING);
      assertThat(BigDecimal.valueOf(credit.grossSats())).isLessThanOrEqualTo(exact);
    }
    // credits + fees + dust + the farm's part == the earning, exactly
    assertThat(net + fees + distribution.dustSats() + distribution.farmShareSats())
        .isEqualTo(reward);
    assertThat(distribution.dustSats()).isNotNegative();
    // one split per scheme in use; each leaves less than one sat per participant
    assertThat(distribution.dustSats()).isLessThanOrEqualTo(2L * (farm.terms().size() + 1));

    boolean mixed = distributor.anyOn(PayoutScheme.PPLNS) && distributor.anyOn(PayoutScheme.PROP);
    if (!mixed) {
      // one proportional scheme: credits never exceed the earning and the farm never pays in
      assertThat(distribution.creditedSats() + distribution.dustSats()).isLessThanOrEqualTo(reward);
      assertThat(distribution.farmShareSats()).isNotNegative();
    }
  }

  @Property(tries = 200)
  void aPoolEarningNeverCreditsMoreThanItPaid(
      @ForAll("farms") Farm farm,
      @ForAll @LongRange(min = 0, max = 2_100_000_000_000_000L) long amount) {
    Distribution distribution =
        new EarningDistributor(farm.terms())
            .splitPoolEarning(amount, DifficultyWeights.of(farm.shares()));
    long fees = distribution.credits().stream().mapToLong(c -> c.split().feesSats()).sum();
    long net = distribution.credits().stream().mapToLong(c -> c.split().netSats()).sum();
    assertThat(net + fees + distribution.dustSats() + distribution.farmShareSats())
        .isEqualTo(amount);
    assertThat(distribution.creditedSats()).isLessThanOrEqualTo(amount);
    assertThat(distribution.farmShareSats()).isNotNegative();
    Set<Long> credited = new java.util.HashSet<>();
    for (CreditShare credit : distribution.credits()) {
      assertThat(credited.add(credit.accountId())).as("one credit per account").isTrue();
    }
  }

  @Property(tries = 200)
  void theWindowHoldsExactlyItsSizeOrTheWholeLog(
      @ForAll("farms") Farm farm, @ForAll("windows") BigDecimal window) {
    DifficultyWeights weights = PplnsWindow.walk(farm.shares(), window);
    DifficultyWeights all = DifficultyWeights.of(farm.shares());
    assertThat(weights.total()).isEqualByComparingTo(window.min(all.total()));
    for (Map.Entry<Long, BigDecimal> weight : weights.byAccount().entrySet()) {
      assertThat(weight.getValue()).isPositive().isLessThanOrEqualTo(all.weightOf(weight.getKey()));
    }
  }

  @Property(tries = 200)
  void ppsCreditsAreTheFlooredValueOfEachAccountsWork(
      @ForAll("farms") Farm farm,
      @ForAll @LongRange(min = 0, max = 5_000_000_000L) long subsidy,
      @ForAll @LongRange(min = 0, max = 1_000_000_000L) long fees,
      @ForAll("windows") BigDecimal networkDifficulty) {
    DifficultyWeights work = DifficultyWeights.of(farm.shares());
    BigDecimal largest =
        BigDecimal.valueOf(subsidy + fees)
            .multiply(work.total())
            .divide(networkDifficulty, 0, java.math.RoundingMode.FLOOR);
    if (largest.compareTo(BigDecimal.valueOf(Sats.MAX_MONEY)) > 0
        && (distributorOf(farm).anyOn(PayoutScheme.PPS)
            || distributorOf(farm).anyOn(PayoutScheme.FPPS))) {
      // a value beyond all bitcoin means a wrong network difficulty: refused, never truncated
      boolean refused = false;
      try {
        PpsValuation.credits(farm.terms(), work, subsidy, fees, networkDifficulty);
      } catch (IllegalArgumentException e) {
        refused = e.getMessage().contains("more than all bitcoin");
      }
      if (refused) {
        return;
      }
    }
    List<CreditShare> credits =
        PpsValuation.credits(farm.terms(), work, subsidy, fees, networkDifficulty);
    for (CreditShare credit : credits) {
      long value = credit.scheme() == PayoutScheme.FPPS ? subsidy + fees : subsidy;
      BigDecimal exact =
          BigDecimal.valueOf(value)
              .multiply(work.weightOf(credit.accountId()))
              .divide(networkDifficulty, 10, java.math.RoundingMode.FLOOR);
      // floor(exact) == gross
      assertThat(BigDecimal.valueOf(credit.grossSats())).isLessThanOrEqualTo(exact);
      assertThat(BigDecimal.valueOf(credit.grossSats() + 1)).isGreaterThan(exact);
      FeeSchedule schedule = farm.terms().get(credit.accountId()).fees();
      assertThat(credit.split().feesSats())
          .isLessThanOrEqualTo(
              Sats.fractionFloor(
                  credit.grossSats(),
                  schedule.poolFeeBps() + schedule.hostingFeeBps(),
                  FeeSchedule.WHOLE_BPS));
    }
  }

  private static EarningDistributor distributorOf(Farm farm) {
    return new EarningDistributor(farm.terms());
  }

  private static Map<Long, AccountTerms> numbered(List<AccountTerms> terms) {
    Map<Long, AccountTerms> byId = new HashMap<>();
    for (int i = 0; i < terms.size(); i++) {
      byId.put((long) i + 1, terms.get(i));
    }
    return byId;
  }

  private static List<ShareRecord> withIds(List<ShareRecord> shares) {
    List<ShareRecord> out = new ArrayList<>();
    for (int i = 0; i < shares.size(); i++) {
      ShareRecord s = shares.get(i);
      out.add(new ShareRecord(i + 1, s.accountId(), s.rigId(), s.difficulty(), s.ts()));
    }
    return out;
  }
}
