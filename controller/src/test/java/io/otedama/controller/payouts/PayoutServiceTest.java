package io.otedama.controller.payouts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import io.otedama.controller.payouts.address.BitcoinAddressParser;
import io.otedama.controller.payouts.address.BitcoinNetwork;
import io.otedama.controller.payouts.ledger.ClientBalance;
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
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** PayoutService rules beyond the worked example; a fresh database per test. */
class PayoutServiceTest {
  private static final Instant DAY1 = Instant.parse("2025-02-01T00:00:00Z");
  private static final AccountingPeriod P1 = day(0);
  private static final AccountingPeriod P2 = day(1);
  private static final NetworkConditions NETWORK =
      new NetworkConditions(1_000, 0, new BigDecimal("10"));
  private static final String ADDRESS = "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4";

  private TestDatabase db;
  private ClientAccounts accounts;
  private InMemoryShareSource shares;
  private PayoutService payouts;
  private final AtomicLong shareIds = new AtomicLong();

  private static AccountingPeriod day(int n) {
    return new AccountingPeriod(DAY1.plus(Duration.ofDays(n)), DAY1.plus(Duration.ofDays(n + 1)));
  }

  @BeforeEach
  void database() {
    db = PayoutTestDatabase.create();
    accounts = new ClientAccounts(db.jdbi(), new BitcoinAddressParser(BitcoinNetwork.MAINNET));
    shares = new InMemoryShareSource();
    payouts =
        new PayoutService(
            db.jdbi(), shares, PayoutSettings.defaults(BitcoinNetwork.MAINNET), Clock.systemUTC());
  }

  private long account(String name, PayoutScheme scheme, long threshold, String address) {
    return accounts
        .create(new NewClientAccount(name, scheme, FeeSchedule.NONE, threshold, address, null))
        .id();
  }

  private void share(long account, String difficulty, Instant ts) {
    shares.add(
        new ShareRecord(
            shareIds.incrementAndGet(), account, "rig", new BigDecimal(difficulty), ts));
  }

  private static String hash(int n) {
    return String.format("%064x", n);
  }

  @Test
  void aPoolEarningIsSplitByThePeriodsWorkAndBookedOnce() {
    long a = account("A", PayoutScheme.PPLNS, 1_000, ADDRESS);
    long b = account("B", PayoutScheme.PROP, 1_000, ADDRESS);
    long c = account("C", PayoutScheme.PPS, 1_000, ADDRESS);
    Instant noon = P1.start().plus(Duration.ofHours(12));
    share(a, "3", noon);
    share(b, "1", noon);
    share(c, "1", noon);
    PoolEarning earning = new PoolEarning("upstream", P1, 1_000);
    assertThat(payouts.bookPoolEarnings(earning).bookedNow()).isTrue();
    assertThat(payouts.bookPoolEarnings(earning).bookedNow()).isFalse();
    assertThatThrownBy(() -> payouts.bookPoolEarnings(new PoolEarning("upstream", P1, 999)))
        .isInstanceOf(PayoutConflictException.class)
        .hasMessageContaining("was booked as 1000 sats, not 999");
    AccountingPeriod overlapping = new AccountingPeriod(noon, noon.plus(Duration.ofDays(1)));
    assertThatThrownBy(() -> payouts.bookPoolEarnings(new PoolEarning("upstream", overlapping, 5)))
        .isInstanceOf(PayoutConflictException.class)
        .hasMessageContaining("overlaps");
    // another pool may earn for the same period
    assertThat(payouts.bookPoolEarnings(new PoolEarning("other", P1, 10)).bookedNow()).isTrue();

    AccountingRun run = payouts.runAccounting(P1, NETWORK);
    // 1000 over 5 of work: A 600, B 200 (both share earnings); C's 200 stays with the farm, which
    // pays C by PPS instead: 1000 * 1 / 10 = 100. The other pool's 10: A 6, B 2, farm 2.
    assertThat(run.credits())
        .extracting(CreditLine::accountId, CreditLine::source, CreditLine::grossSats)
        .containsExactlyInAnyOrder(
            tuple(a, "pool_earning", 600L),
            tuple(b, "pool_earning", 200L),
            tuple(a, "pool_earning", 6L),
            tuple(b, "pool_earning", 2L),
            tuple(c, "pps", 100L));
    assertThat(run.poolEarningsDistributed()).isEqualTo(2);
    assertThat(payouts.balances().farmSats().get("farm:revenue")).isEqualTo(200 + 2 - 100);
    assertThat(payouts.check().balanced()).isTrue();
  }

  @Test
  void aPeriodIsAccountedOnceAndPeriodsNeverOverlap() {
    long a = account("A", PayoutScheme.PPS, 1_000, ADDRESS);
    share(a, "5", P1.start());
    AccountingRun first = payouts.runAccounting(P1, NETWORK);
    AccountingRun again = payouts.runAccounting(P1, NETWORK);
    assertThat(first.createdNow()).isTrue();
    assertThat(again.createdNow()).isFalse();
    assertThat(again.id()).isEqualTo(first.id());
    assertThat(again.credits()).isEqualTo(first.credits());
    assertThat(payouts.balances().clients())
        .extracting(ClientBalance::earningsSats)
        .containsExactly(500L); // 1000 * 5 / 10, once
    AccountingPeriod overlapping =
        new AccountingPeriod(P1.start().plus(Duration.ofHours(1)), P1.end().plusSeconds(1));
    assertThatThrownBy(() -> payouts.runAccounting(overlapping, NETWORK))
        .isInstanceOf(PayoutConflictException.class)
        .hasMessageContaining("overlaps the accounting run for " + P1);
    assertThat(payouts.runs()).hasSize(1);
    assertThat(payouts.run(P1)).contains(again);
  }

  @Test
  void aBlockBookedAfterItsPeriodRanIsDistributedByTheNextRun() {
    long a = account("A", PayoutScheme.PPLNS, 1_000, ADDRESS);
    Instant found = P1.start().plus(Duration.ofHours(23));
    share(a, "20", found);
    payouts.runAccounting(P1, NETWORK);
    payouts.bookBlock(new BlockFound(7, hash(7), 1_000, 0, new BigDecimal("10"), found));
    AccountingRun second = payouts.runAccounting(P2, NETWORK);
    // the window (N = 2, D = 10: 20) reaches back into P1 and holds A's share whole
    assertThat(second.blocksDistributed()).isEqualTo(1);
    assertThat(second.credits())
        .extracting(CreditLine::accountId, CreditLine::grossSats)
        .containsExactly(tuple(a, 1_000L));
    assertThat(payouts.check().balanced()).isTrue();
  }

  @Test
  void blocksAreBookedOnceWithTheirFiguresAndInTheOrderFound() {
    account("A", PayoutScheme.PROP, 1_000, ADDRESS);
    Instant found = P1.start().plus(Duration.ofHours(2));
    BlockFound block = new BlockFound(10, hash(10), 5_000, 1, new BigDecimal("3"), found);
    payouts.bookBlock(block);
    assertThatThrownBy(() ->
            payouts.bookBlock(new BlockFound(10, hash(10), 5_000, 2, new BigDecimal("3"), found)))
        .isInstanceOf(PayoutConflictException.class)
        .hasMessageContaining("other figures");
    payouts.runAccounting(P1, NETWORK);
    BlockFound older =
        new BlockFound(9, hash(9), 5_000, 0, new BigDecimal("3"), found.minusSeconds(60));
    assertThatThrownBy(() -> payouts.bookBlock(older))
        .isInstanceOf(PayoutConflictException.class)
        .hasMessageContaining("book blocks in the order they were found");
    assertThat(payouts.check().balanced()).isTrue();
  }

  @Test
  void propRoundsRunFromThePreviousBlock() {
    long a = account("A", PayoutScheme.PROP, 1_000, ADDRESS);
    long b = account("B", PayoutScheme.PROP, 1_000, ADDRESS);
    Instant start = P1.start();
    share(a, "1", start.plusSeconds(10));
    payouts.bookBlock(new BlockFound(1, hash(1), 100, 0, BigDecimal.ONE, start.plusSeconds(10)));
    share(b, "1", start.plusSeconds(20));
    share(b, "1", start.plusSeconds(30));
    payouts.bookBlock(new BlockFound(2, hash(2), 100, 0, BigDecimal.ONE, start.plusSeconds(30)));
    AccountingRun run = payouts.runAccounting(P1, NETWORK);
    // round 1 = A's share alone; round 2 = B's two shares (A's is before the previous block)
    assertThat(run.credits())
        .extracting(CreditLine::sourceRef, CreditLine::accountId, CreditLine::grossSats)
        .containsExactly(tuple(hash(1), a, 100L), tuple(hash(2), b, 100L));
  }

  @Test
  void batchesPayAccountsOverTheirThresholdAndSayWhoCouldNotBePaid() {
    long paid = account("Paid", PayoutScheme.PPS, 1_000, ADDRESS);
    long noAddress = account("NoAddress", PayoutScheme.PPS, 1_000, null);
    long wrongNet = account("WrongNet", PayoutScheme.PPS, 1_000, ADDRESS);
    long small = account("Small", PayoutScheme.PPS, 100_000, ADDRESS);
    // an address valid when set, for a network the farm no longer pays on (written directly)
    db.sql(
        "UPDATE client_accounts SET wallet_address = 'mzK2FFDEhxqHcmrJw1ysqFkVyhUULo45hZ'"
            + " WHERE id = "
            + wrongNet);
    for (long account : new long[] {paid, noAddress, wrongNet, small}) {
      share(account, "20", P1.start()); // 1000 * 20 / 10 = 2000 sats each
    }
    payouts.runAccounting(P1, NETWORK);
    PayoutBatch batch = payouts.createPayoutBatch(P1).batch();
    assertThat(batch.items()).containsExactly(new PayoutBatch.Item(paid, ADDRESS, 2_000));
    assertThat(batch.skips())
        .containsExactly(
            new PayoutBatch.Skip(noAddress, 2_000, "no payout address is set"),
            new PayoutBatch.Skip(
                wrongNet,
                2_000,
                "this is a testnet/regtest address, but the farm pays on mainnet"));
    // skipped and small accounts keep their balance for a later batch
    assertThat(payouts.balances().clients())
        .extracting(ClientBalance::clientAccountId, ClientBalance::payableSats)
        .containsExactly(
            tuple(paid, 0L),
            tuple(noAddress, 2_000L),
            tuple(wrongNet, 2_000L),
            tuple(small, 2_000L));
    assertThat(payouts.check().balanced()).isTrue();
  }

  @Test
  void anAccountWhoseElectricityOutranItsEarningsIsNotPaid() {
    db.insertRig("hot");
    accounts.defineSite(new Site("dear", 1_000_000_000)); // 1 000 000 sats/kWh
    long hot =
        accounts
            .create(
                new NewClientAccount(
                    "Hot", PayoutScheme.PPS, FeeSchedule.NONE, 1_000, ADDRESS, "dear"))
            .id();
    accounts.assignRig("hot", hot);
    db.sql(
        "INSERT INTO telemetry (rig_id, ts, received_at, hashrate_hs, power_w) VALUES"
            + " ('hot', '"
            + P1.start()
            + "', now(), 0, 3600),"
            + " ('hot', '"
            + P1.start().plusSeconds(60)
            + "', now(), 0, 3600)");
    share(hot, "20", P1.start()); // 2000 sats earned; 60 s at 3600 W = 0.06 kWh = 60 000 sats
    payouts.runAccounting(P1, NETWORK);
    assertThat(payouts.balances().clients())
        .containsExactly(new ClientBalance(hot, 2_000, 0, 60_000, 0, -58_000));
    PayoutBatch batch = payouts.createPayoutBatch(P1).batch();
    assertThat(batch.items()).isEmpty();
    assertThat(batch.totalSats()).isZero();
    assertThat(payouts.check().balanced()).isTrue();
  }

  @Test
  void markingPaidNeedsAValidUnusedTxidAndIsIdempotent() {
    long a = account("A", PayoutScheme.PPS, 1_000, ADDRESS);
    long b = account("B", PayoutScheme.PPS, 1_000, "1FsSia9rv4NeEwvJ2GvXrX7LyxYspbN2mo");
    share(a, "20", P1.start());
    share(b, "20", P1.start());
    payouts.runAccounting(P1, NETWORK);
    long batch = payouts.createPayoutBatch(P1).batch().id();
    long empty = payouts.createPayoutBatch(P2).batch().id();

    assertThatThrownBy(() -> payouts.markPaid(batch, "xyz"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a transaction id is 64 hexadecimal digits, got 'xyz'");
    assertThatThrownBy(() -> payouts.markPaid(batch, "ab".repeat(31) + "g0"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> payouts.markPaid(12_345, "ab".repeat(32)))
        .isInstanceOf(PayoutNotFoundException.class);
    assertThatThrownBy(() -> payouts.markPaid(empty, "ab".repeat(32)))
        .isInstanceOf(PayoutConflictException.class)
        .hasMessageContaining("pays nobody");

    PayoutBatch paid = payouts.markPaid(batch, "AB".repeat(32));
    assertThat(paid.txid()).isEqualTo("ab".repeat(32));
    assertThat(payouts.markPaid(batch, "ab".repeat(32))).isEqualTo(paid);
    assertThatThrownBy(() -> payouts.markPaid(batch, "cd".repeat(32)))
        .isInstanceOf(PayoutConflictException.class)
        .hasMessageContaining("already paid by transaction " + "ab".repeat(32));
    assertThat(db.queryLong("SELECT count(*) FROM ledger_transactions WHERE kind = 'payout_sent'"))
        .isEqualTo(1);
    assertThat(payouts.balances().farmSats().get("farm:payouts_clearing")).isZero();
    assertThat(payouts.check().balanced()).isTrue();
    // the database holds the same rule: no second batch with the same txid
    assertThatThrownBy(() ->
            db.sql(
                "UPDATE payout_batches SET status = 'paid', txid = '"
                    + "ab".repeat(32)
                    + "', paid_at = now() WHERE id = "
                    + empty))
        .hasMessageContaining("payout_batches_txid_key");
  }

  @Test
  void sendmanyMergesOutputsToTheSameAddress() {
    long a = account("A", PayoutScheme.PPS, 1_000, ADDRESS);
    long b = account("B", PayoutScheme.PPS, 1_000, ADDRESS);
    share(a, "20", P1.start());
    share(b, "1", P1.start());
    share(b, "9.5", P1.start()); // 1000 * 10.5 / 10 = 1050
    payouts.runAccounting(P1, NETWORK);
    PayoutBatch batch = payouts.createPayoutBatch(P1).batch();
    assertThat(batch.items()).hasSize(2);
    assertThat(payouts.batchSendManyRequest(batch.id()))
        .contains("{\"" + ADDRESS + "\":0.00003050}");
    assertThat(payouts.batchCsv(batch.id()).split("\r\n")).hasSize(3);
    assertThatThrownBy(
            () -> payouts.batchSendManyRequest(payouts.createPayoutBatch(P2).batch().id()))
        .isInstanceOf(PayoutConflictException.class);
    assertThat(payouts.batches()).extracting(PayoutBatch::period).containsExactly(P2, P1);
  }
}
