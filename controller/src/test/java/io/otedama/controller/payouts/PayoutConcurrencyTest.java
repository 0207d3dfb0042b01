package io.otedama.controller.payouts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.otedama.controller.payouts.address.BitcoinAddressParser;
import io.otedama.controller.payouts.address.BitcoinNetwork;
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
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two controller replicas (each its own Jdbi and connections) racing on one real PostgreSQL:
 * earnings, accounting runs and payout batches still happen exactly once, and a batch that fails
 * half-way leaves nothing behind.
 */
class PayoutConcurrencyTest {
  private static final Instant START = Instant.parse("2025-06-01T00:00:00Z");
  private static final NetworkConditions NETWORK =
      new NetworkConditions(1_000, 0, new BigDecimal("10"));
  private static final String ADDRESS = "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4";

  private static TestDatabase db;
  private static InMemoryShareSource shares;
  private static PayoutService replicaA;
  private static PayoutService replicaB;
  private static long account;
  private static ExecutorService threads;
  private static int day;

  @BeforeAll
  static void database() {
    db = PayoutTestDatabase.create();
    shares = new InMemoryShareSource();
    PayoutSettings settings = PayoutSettings.defaults(BitcoinNetwork.MAINNET);
    replicaA = new PayoutService(db.jdbi(), shares, settings, Clock.systemUTC());
    replicaB = new PayoutService(db.anotherJdbi(), shares, settings, Clock.systemUTC());
    account =
        new ClientAccounts(db.jdbi(), new BitcoinAddressParser(BitcoinNetwork.MAINNET))
            .create(
                new NewClientAccount(
                    "Racer", PayoutScheme.PPLNS, FeeSchedule.NONE, 1_000, ADDRESS, null))
            .id();
    threads = Executors.newFixedThreadPool(2);
  }

  @AfterAll
  static void stop() throws InterruptedException {
    threads.shutdown();
    assertThat(threads.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
  }

  /** A new period with the racer's work in it and a pool earning for it. */
  private static AccountingPeriod nextPeriod(long earningSats) {
    AccountingPeriod period =
        new AccountingPeriod(
            START.plus(Duration.ofDays(day)), START.plus(Duration.ofDays(day + 1)));
    day++;
    shares.add(new ShareRecord(day, account, "rig", BigDecimal.TEN, period.start()));
    replicaA.bookPoolEarnings(new PoolEarning("upstream", period, earningSats));
    return period;
  }

  /** Runs both calls at the same instant (a barrier releases them together). */
  private static <T> List<T> race(Callable<T> a, Callable<T> b) throws Exception {
    CyclicBarrier barrier = new CyclicBarrier(2);
    Future<T> first =
        threads.submit(() -> {
          barrier.await(10, TimeUnit.SECONDS);
          return a.call();
        });
    Future<T> second =
        threads.submit(() -> {
          barrier.await(10, TimeUnit.SECONDS);
          return b.call();
        });
    return List.of(first.get(30, TimeUnit.SECONDS), second.get(30, TimeUnit.SECONDS));
  }

  @Test
  void racingReplicasCreateOneBatchPerPeriod() throws Exception {
    for (int round = 0; round < 5; round++) {
      AccountingPeriod period = nextPeriod(10_000 + round);
      replicaA.runAccounting(period, NETWORK);
      long payableBefore = payable();
      List<BatchCreation> results =
          race(() -> replicaA.createPayoutBatch(period), () -> replicaB.createPayoutBatch(period));
      assertThat(results).filteredOn(BatchCreation::createdNow).hasSize(1);
      assertThat(results.get(0).batch().id()).isEqualTo(results.get(1).batch().id());
      assertThat(results.get(0).batch().items())
          .containsExactly(new PayoutBatch.Item(account, ADDRESS, payableBefore));
      assertThat(
              db.queryLong(
                  "SELECT count(*) FROM payout_batches WHERE period_start = '"
                      + period.start()
                      + "'"))
          .isEqualTo(1);
      assertThat(payable()).isZero();
    }
    assertThat(db.queryLong("SELECT count(*) FROM ledger_transactions WHERE kind = 'payout'"))
        .isEqualTo(db.queryLong("SELECT count(*) FROM payout_batches WHERE total_sats > 0"));
    assertThat(replicaB.check().balanced()).isTrue();
  }

  @Test
  void racingReplicasRunAPeriodAndBookAnEarningOnce() throws Exception {
    AccountingPeriod period =
        new AccountingPeriod(START.plus(Duration.ofDays(100)), START.plus(Duration.ofDays(101)));
    shares.add(new ShareRecord(10_000, account, "rig", BigDecimal.TEN, period.start()));
    PoolEarning earning = new PoolEarning("racing-pool", period, 7_777);
    List<Booking> bookings =
        race(() -> replicaA.bookPoolEarnings(earning), () -> replicaB.bookPoolEarnings(earning));
    assertThat(bookings).filteredOn(Booking::bookedNow).hasSize(1);
    assertThat(bookings.get(0).ledgerTransactionId())
        .isEqualTo(bookings.get(1).ledgerTransactionId());

    List<AccountingRun> runs =
        race(
            () -> replicaA.runAccounting(period, NETWORK),
            () -> replicaB.runAccounting(period, NETWORK));
    assertThat(runs).filteredOn(AccountingRun::createdNow).hasSize(1);
    assertThat(runs.get(0).id()).isEqualTo(runs.get(1).id());
    assertThat(
            db.queryLong(
                "SELECT count(*) FROM payout_credits WHERE source_ref = 'pool-earning:racing-pool:"
                    + period.key()
                    + "'"))
        .isEqualTo(1);
    assertThat(replicaA.check().balanced()).isTrue();
  }

  @Test
  void aBatchThatFailsHalfWayLeavesNothingAndTheRerunCreatesIt() {
    AccountingPeriod period =
        new AccountingPeriod(START.plus(Duration.ofDays(200)), START.plus(Duration.ofDays(201)));
    shares.add(new ShareRecord(20_000, account, "rig", BigDecimal.TEN, period.start()));
    replicaA.bookPoolEarnings(new PoolEarning("crash-pool", period, 4_242));
    replicaA.runAccounting(period, NETWORK);
    long payable = payable();
    long transactions = db.queryLong("SELECT count(*) FROM ledger_transactions");
    // the process "dies" after the batch row and its ledger booking, writing the items
    db.sql(
        """
        CREATE FUNCTION crash() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN RAISE EXCEPTION 'simulated crash while writing payout items'; END $$\
        """,
        "CREATE TRIGGER crash BEFORE INSERT ON payout_batch_items"
            + " FOR EACH ROW EXECUTE FUNCTION crash()");
    try {
      assertThatThrownBy(() -> replicaA.createPayoutBatch(period))
          .hasMessageContaining("simulated crash");
    } finally {
      db.sql("DROP TRIGGER crash ON payout_batch_items", "DROP FUNCTION crash()");
    }
    assertThat(
            db.queryLong(
                "SELECT count(*) FROM payout_batches WHERE period_start = '"
                    + period.start()
                    + "'"))
        .isZero();
    assertThat(db.queryLong("SELECT count(*) FROM ledger_transactions")).isEqualTo(transactions);
    assertThat(payable()).isEqualTo(payable);

    BatchCreation rerun = replicaB.createPayoutBatch(period);
    assertThat(rerun.createdNow()).isTrue();
    assertThat(rerun.batch().totalSats()).isEqualTo(payable);
    assertThat(replicaA.createPayoutBatch(period).batch().id()).isEqualTo(rerun.batch().id());
    assertThat(replicaA.check().balanced()).isTrue();
  }

  @Test
  void theDatabaseItselfRefusesASecondBatchOrAnOverlappingRun() {
    AccountingPeriod period =
        new AccountingPeriod(START.plus(Duration.ofDays(300)), START.plus(Duration.ofDays(301)));
    replicaA.createPayoutBatch(period);
    // whatever the code does, the unique key holds: no second batch for the period
    assertThatThrownBy(() ->
            db.sql(
                "INSERT INTO payout_batches (period_start, period_end, network) VALUES ('"
                    + period.start()
                    + "', '"
                    + period.end()
                    + "', 'mainnet')"))
        .hasMessageContaining("payout_batches_period_start_period_end_key");
    replicaA.runAccounting(period, NETWORK);
    assertThatThrownBy(() ->
            db.sql(
                "INSERT INTO accounting_runs (period_start, period_end, block_subsidy_sats,"
                    + " expected_fees_per_block_sats, network_difficulty,"
                    + " pplns_window_factor) VALUES ('"
                    + period.start().plus(Duration.ofHours(12))
                    + "', '"
                    + period.end().plus(Duration.ofHours(12))
                    + "', 1, 0, 1, 2)"))
        .hasMessageContaining("accounting_runs_no_overlap");
  }

  private static long payable() {
    return replicaA.balances().clients().stream()
        .filter(c -> c.clientAccountId() == account)
        .findFirst()
        .orElseThrow()
        .payableSats();
  }
}
