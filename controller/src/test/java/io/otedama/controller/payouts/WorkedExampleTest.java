package io.otedama.controller.payouts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

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
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The worked example of docs/payouts.md, end to end on real PostgreSQL: every figure below is the
 * one the document derives by hand.
 */
class WorkedExampleTest {
  private static final Instant DAY = Instant.parse("2025-01-01T00:00:00Z");
  private static final AccountingPeriod PERIOD =
      new AccountingPeriod(DAY, Instant.parse("2025-01-02T00:00:00Z"));

  private static Instant at(int hour) {
    return DAY.plus(Duration.ofHours(hour));
  }

  @Test
  void theWorkedExample() {
    TestDatabase db = PayoutTestDatabase.create();
    for (String rig : new String[] {"a1", "b1", "c1", "f1"}) {
      db.insertRig(rig);
    }
    PayoutSettings settings =
        new PayoutSettings(BitcoinNetwork.MAINNET, BigDecimal.valueOf(2), Duration.ofMinutes(15));
    ClientAccounts accounts =
        new ClientAccounts(db.jdbi(), new BitcoinAddressParser(BitcoinNetwork.MAINNET));
    accounts.defineSite(new Site("north", 50_000)); // 50 sats/kWh
    long alice =
        accounts
            .create(
                new NewClientAccount(
                    "Alice",
                    PayoutScheme.PPLNS,
                    new FeeSchedule(100, 200),
                    100_000,
                    "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4",
                    "north"))
            .id();
    long bob =
        accounts
            .create(
                new NewClientAccount(
                    "Bob",
                    PayoutScheme.PROP,
                    new FeeSchedule(100, 0),
                    100_000,
                    "1FsSia9rv4NeEwvJ2GvXrX7LyxYspbN2mo",
                    null))
            .id();
    long carol =
        accounts
            .create(
                new NewClientAccount(
                    "Carol",
                    PayoutScheme.FPPS,
                    new FeeSchedule(250, 0),
                    1_000_000,
                    "36j4NfKv6Akva9amjWrLG6MuSQym1GuEmm",
                    null))
            .id();
    assertThat(new long[] {alice, bob, carol}).containsExactly(1, 2, 3);
    accounts.assignRig("a1", alice);
    accounts.assignRig("b1", bob);
    accounts.assignRig("c1", carol);
    // f1 stays the farm's own

    // Alice's rig draws 3250 W, sampled every 10 minutes from 00:00 to 23:50 (144 samples)
    for (int i = 0; i < 144; i++) {
      db.sql(
          "INSERT INTO telemetry (rig_id, ts, received_at, hashrate_hs, power_w) VALUES ('a1', '"
              + DAY.plus(Duration.ofMinutes(10L * i))
              + "', now(), 1e14, 3250)");
    }

    InMemoryShareSource shares =
        new InMemoryShareSource()
            .add(
                new ShareRecord(1, alice, "a1", new BigDecimal("800"), at(1)),
                new ShareRecord(2, bob, "b1", new BigDecimal("600"), at(2)),
                new ShareRecord(3, carol, "c1", new BigDecimal("250"), at(3)),
                new ShareRecord(4, alice, "a1", new BigDecimal("500"), at(4)),
                new ShareRecord(5, ShareRecord.FARM, "f1", new BigDecimal("300"), at(5)),
                new ShareRecord(6, alice, "a1", new BigDecimal("400"), at(6)),
                new ShareRecord(7, carol, "c1", new BigDecimal("500"), at(7)));
    Clock clock = Clock.fixed(Instant.parse("2025-01-02T01:00:00Z"), ZoneOffset.UTC);
    PayoutService payouts = new PayoutService(db.jdbi(), shares, settings, clock);

    // 1. the block: reward 900 000 + 100 001 = 1 000 001 sats, found by share 6 at 06:00
    BlockFound block =
        new BlockFound(
            100, "00".repeat(31) + "64", 900_000, 100_001, new BigDecimal("1000"), at(6));
    assertThat(payouts.bookBlock(block).bookedNow()).isTrue();
    assertThat(payouts.bookBlock(block).bookedNow()).isFalse();

    // 2. accounting for the day; FPPS values shares at (900 000 + 100 000) * d / 1000
    AccountingRun run =
        payouts.runAccounting(
            PERIOD, new NetworkConditions(900_000, 100_000, new BigDecimal("1000")));
    assertThat(run.createdNow()).isTrue();
    assertThat(run.credits())
        .extracting(
            CreditLine::accountId,
            CreditLine::source,
            CreditLine::grossSats,
            CreditLine::poolFeeSats,
            CreditLine::hostingFeeSats,
            CreditLine::electricitySats,
            CreditLine::netSats)
        .containsExactly(
            tuple(alice, "block", 450_000L, 4_500L, 9_000L, 0L, 436_500L),
            tuple(bob, "block", 210_526L, 2_105L, 0L, 0L, 208_421L),
            tuple(carol, "pps", 750_000L, 18_750L, 0L, 0L, 731_250L),
            tuple(alice, "electricity", 0L, 0L, 0L, 3_872L, -3_872L));
    assertThat(run.credits().get(3).energyWs()).isEqualByComparingTo("278850000");
    assertThat(run.earningsDistributedSats()).isEqualTo(1_000_001);
    assertThat(run.creditedGrossSats()).isEqualTo(1_410_526);
    assertThat(run.feesSats()).isEqualTo(34_355);
    assertThat(run.electricitySats()).isEqualTo(3_872);
    assertThat(run.dustSats()).isEqualTo(2);

    LedgerBalances afterRun = payouts.balances();
    assertThat(afterRun.clients())
        .containsExactly(
            new ClientBalance(alice, 450_000, 13_500, 3_872, 0, 432_628),
            new ClientBalance(bob, 210_526, 2_105, 0, 0, 208_421),
            new ClientBalance(carol, 750_000, 18_750, 0, 0, 731_250));
    assertThat(afterRun.farmSats())
        .isEqualTo(
            Map.of(
                "farm:wallet", 1_000_001L,
                "farm:pool_income", 0L,
                "farm:revenue", -372_300L,
                "farm:dust", 2L,
                "farm:payouts_clearing", 0L));

    // 3. the payout batch: Alice and Bob are over their thresholds, Carol is not
    BatchCreation creation = payouts.createPayoutBatch(PERIOD);
    assertThat(creation.createdNow()).isTrue();
    PayoutBatch batch = creation.batch();
    assertThat(batch.id()).isEqualTo(1);
    assertThat(batch.items())
        .containsExactly(
            new PayoutBatch.Item(alice, "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4", 432_628),
            new PayoutBatch.Item(bob, "1FsSia9rv4NeEwvJ2GvXrX7LyxYspbN2mo", 208_421));
    assertThat(batch.skips()).isEmpty();
    assertThat(batch.totalSats()).isEqualTo(641_049);
    assertThat(payouts.createPayoutBatch(PERIOD).createdNow()).isFalse();

    assertThat(payouts.batchCsv(batch.id()))
        .isEqualTo(
            "batch_id,account_id,address,amount_sats,amount_btc\r\n"
                + "1,1,bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4,432628,0.00432628\r\n"
                + "1,2,1FsSia9rv4NeEwvJ2GvXrX7LyxYspbN2mo,208421,0.00208421\r\n");
    assertThat(payouts.batchSendManyRequest(batch.id()))
        .isEqualTo(
            "{\"jsonrpc\":\"1.0\",\"id\":\"otedama-payout-batch-1\",\"method\":\"sendmany\","
                + "\"params\":[\"\",{\"bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4\":0.00432628,"
                + "\"1FsSia9rv4NeEwvJ2GvXrX7LyxYspbN2mo\":0.00208421},1,"
                + "\"otedama payout batch 1 for 2025-01-01T00:00:00Z/2025-01-02T00:00:00Z\"]}");

    // 4. paid by a transaction whose network fee was 1 000 sats
    String txid = "ab".repeat(32);
    PayoutBatch paid = payouts.markPaid(batch.id(), txid, 1_000);
    assertThat(paid.status()).isEqualTo(BatchStatus.PAID);
    assertThat(paid.txid()).isEqualTo(txid);
    assertThat(paid.paidAt()).isEqualTo(clock.instant());

    LedgerBalances end = payouts.balances();
    assertThat(end.farmSats())
        .isEqualTo(
            Map.of(
                "farm:wallet", 357_952L,
                "farm:pool_income", 0L,
                "farm:revenue", -373_300L,
                "farm:dust", 2L,
                "farm:payouts_clearing", 0L));
    assertThat(end.clients())
        .extracting(ClientBalance::clientAccountId, ClientBalance::payableSats)
        .containsExactly(tuple(alice, 0L), tuple(bob, 0L), tuple(carol, 731_250L));

    LedgerCheckReport check = payouts.check();
    assertThat(check.balanced()).isTrue();
    assertThat(check.reconciliations()).allMatch(LedgerCheckReport.Reconciliation::ok);
    // block, distribution, fpps, electricity, batch, paid: 2 + 8 + 4 + 2 + 3 + 4 entries
    assertThat(check.transactions()).isEqualTo(6);
    assertThat(check.entries()).isEqualTo(23);
    // 5 farm accounts; Alice 4, Bob 3 (no electricity), Carol 2 (no electricity, no payouts)
    assertThat(check.accounts()).isEqualTo(14);
  }
}
