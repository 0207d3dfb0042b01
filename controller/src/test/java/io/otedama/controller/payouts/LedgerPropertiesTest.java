package io.otedama.controller.payouts;

import static org.assertj.core.api.Assertions.assertThat;

import io.otedama.controller.payouts.address.BitcoinAddressParser;
import io.otedama.controller.payouts.address.BitcoinNetwork;
import io.otedama.controller.payouts.ledger.ClientBalance;
import io.otedama.controller.payouts.ledger.LedgerCheckReport;
import io.otedama.controller.payouts.scheme.FeeSchedule;
import io.otedama.controller.payouts.scheme.PayoutScheme;
import io.otedama.controller.payouts.scheme.ShareRecord;
import io.otedama.controller.payouts.testing.InMemoryShareSource;
import io.otedama.controller.payouts.testing.PayoutTestDatabase;
import io.otedama.controller.payouts.testing.TestDatabase;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * For random farms, share logs and earnings, pushed through the whole service on real PostgreSQL
 * (book, run accounting, create a batch, mark it paid): the ledger always balances, every earning
 * is accounted for to the satoshi (net credits + fees + dust + the farm's part == earnings), and
 * with one proportional scheme credits never exceed earnings. Tries accumulate in one database, a
 * day each, so later tries also run against everything earlier ones booked.
 */
class LedgerPropertiesTest {
  private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
  private static final String ADDRESS = "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4";

  private static TestDatabase db;
  private static InMemoryShareSource shares;
  private static PayoutService payouts;
  private static ClientAccounts accounts;
  private static int tries;
  private static long shareIds;
  private static int blockHeight;
  // the schemes of every account created so far: a PPLNS window and a PROP round reach back into
  // earlier tries' shares (one share log for all tries), so they decide what a block may credit
  private static final java.util.Set<PayoutScheme> SCHEMES_SO_FAR =
      java.util.EnumSet.noneOf(PayoutScheme.class);

  record AccountSpec(PayoutScheme scheme, int poolFeeBps, int hostingFeeBps, long threshold) {}

  record ShareSpec(int account, BigDecimal difficulty, int second) {}

  record Scenario(
      List<AccountSpec> accounts,
      List<ShareSpec> shares,
      List<Long> blockRewards,
      List<Long> poolEarnings,
      BigDecimal networkDifficulty,
      boolean pay) {}

  @BeforeContainer
  static void database() {
    db = PayoutTestDatabase.create();
    shares = new InMemoryShareSource();
    payouts =
        new PayoutService(
            db.jdbi(), shares, PayoutSettings.defaults(BitcoinNetwork.MAINNET), Clock.systemUTC());
    accounts = new ClientAccounts(db.jdbi(), new BitcoinAddressParser(BitcoinNetwork.MAINNET));
  }

  @Provide
  Arbitrary<Scenario> scenarios() {
    Arbitrary<AccountSpec> account =
        Combinators.combine(
                Arbitraries.of(PayoutScheme.class),
                Arbitraries.integers().between(0, 3_000),
                Arbitraries.integers().between(0, 3_000),
                Arbitraries.longs().between(546, 5_000_000))
            .as(AccountSpec::new);
    Arbitrary<ShareSpec> share =
        Combinators.combine(
                Arbitraries.integers().between(-1, 5),
                Arbitraries.bigDecimals()
                    .between(new BigDecimal("0.5"), new BigDecimal("100000"))
                    .ofScale(2),
                Arbitraries.integers().between(0, 86_399))
            .as(ShareSpec::new);
    return Combinators.combine(
            account.list().ofMinSize(1).ofMaxSize(6),
            share.list().ofMaxSize(60),
            Arbitraries.longs().between(1, 700_000_000).list().ofMaxSize(3),
            Arbitraries.longs().between(1, 50_000_000).list().ofMaxSize(2),
            Arbitraries.bigDecimals()
                .between(new BigDecimal("1"), new BigDecimal("500000"))
                .ofScale(1),
            Arbitraries.of(true, false))
        .as(Scenario::new);
  }

  @Property(tries = 15)
  void theLedgerBalancesAndEveryEarningIsAccountedFor(@ForAll("scenarios") Scenario scenario) {
    int day = tries++;
    AccountingPeriod period =
        new AccountingPeriod(
            START.plus(Duration.ofDays(day)), START.plus(Duration.ofDays(day + 1)));

    List<Long> ids = new ArrayList<>();
    for (int i = 0; i < scenario.accounts().size(); i++) {
      AccountSpec spec = scenario.accounts().get(i);
      SCHEMES_SO_FAR.add(spec.scheme());
      ids.add(
          accounts
              .create(
                  new NewClientAccount(
                      "try" + day + "-" + i,
                      spec.scheme(),
                      new FeeSchedule(spec.poolFeeBps(), spec.hostingFeeBps()),
                      spec.threshold(),
                      ADDRESS,
                      null))
              .id());
    }
    for (ShareSpec spec : scenario.shares()) {
      // -1 and indexes past the accounts: the farm's own rigs
      long account =
          spec.account() >= 0 && spec.account() < ids.size()
              ? ids.get(spec.account())
              : ShareRecord.FARM;
      shares.add(
          new ShareRecord(
              ++shareIds,
              account,
              "rig",
              spec.difficulty(),
              period.start().plusSeconds(spec.second())));
    }
    long earnings = 0;
    for (int i = 0; i < scenario.blockRewards().size(); i++) {
      long reward = scenario.blockRewards().get(i);
      int height = ++blockHeight;
      payouts.bookBlock(
          new BlockFound(
              height,
              String.format("%064x", height),
              reward,
              0,
              scenario.networkDifficulty(),
              period.start().plusSeconds(20_000L * (i + 1))));
      earnings += reward;
    }
    for (int i = 0; i < scenario.poolEarnings().size(); i++) {
      long amount = scenario.poolEarnings().get(i);
      payouts.bookPoolEarnings(new PoolEarning("pool-" + i, period, amount));
      earnings += amount;
    }

    AccountingRun run =
        payouts.runAccounting(
            period, new NetworkConditions(312_500_000, 10_000_000, scenario.networkDifficulty()));
    assertThat(run.earningsDistributedSats()).isEqualTo(earnings);
    assertThat(payouts.balances().farmSats().get("farm:pool_income")).isZero();

    // from the ledger's distribution transactions of this run: what went to clients and dust
    long credited =
        sum(
            "SELECT coalesce(-sum(e.amount_sats), 0) FROM ledger_entries e"
                + " JOIN ledger_accounts a ON a.id = e.account_id"
                + " JOIN ledger_transactions t ON t.id = e.transaction_id"
                + " JOIN payout_credits c ON c.ledger_transaction_id = t.id"
                + " AND c.client_account_id = a.client_account_id"
                + " WHERE a.kind = 'client_earnings' AND t.kind = 'distribution'"
                + " AND c.run_id = "
                + run.id());
    long dust = run.dustSats();
    List<CreditLine> fromEarnings =
        run.credits().stream()
            .filter(c -> c.source().equals("block") || c.source().equals("pool_earning"))
            .toList();
    long net = fromEarnings.stream().mapToLong(CreditLine::netSats).sum();
    long fees = fromEarnings.stream().mapToLong(c -> c.poolFeeSats() + c.hostingFeeSats()).sum();
    long farmPart = earnings - credited - dust;
    // the ledger and the credit lines agree, and nothing is created or lost
    assertThat(net + fees).isEqualTo(credited);
    assertThat(net + fees + dust + farmPart).isEqualTo(earnings);
    assertThat(dust).isNotNegative();
    if (!(SCHEMES_SO_FAR.contains(PayoutScheme.PPLNS)
        && SCHEMES_SO_FAR.contains(PayoutScheme.PROP))) {
      assertThat(credited + dust).isLessThanOrEqualTo(earnings);
      assertThat(farmPart).isNotNegative();
    }

    if (scenario.pay()) {
      Map<Long, Long> payable =
          payouts.balances().clients().stream()
              .collect(
                  Collectors.toMap(ClientBalance::clientAccountId, ClientBalance::payableSats));
      PayoutBatch batch = payouts.createPayoutBatch(period).batch();
      for (PayoutBatch.Item item : batch.items()) {
        assertThat(item.amountSats()).isEqualTo(payable.get(item.accountId()));
      }
      if (!batch.items().isEmpty()) {
        payouts.markPaid(batch.id(), String.format("%064x", 1_000_000 + day), day);
      }
    }

    LedgerCheckReport check = payouts.check();
    assertThat(check.balanced()).as(check.toString()).isTrue();
    assertThat(check.entriesTotalSats()).isZero();
  }

  private static long sum(String sql) {
    return db.queryLong(sql);
  }
}
