package io.otedama.controller.payouts;

import static io.otedama.controller.payouts.ledger.LedgerAccountKind.CLIENT_PAYOUTS;
import static io.otedama.controller.payouts.ledger.LedgerAccountKind.PAYOUTS_CLEARING;
import static io.otedama.controller.payouts.ledger.LedgerAccountKind.POOL_INCOME;
import static io.otedama.controller.payouts.ledger.LedgerAccountKind.REVENUE;
import static io.otedama.controller.payouts.ledger.LedgerAccountKind.WALLET;

import io.otedama.controller.payouts.address.BitcoinAddressParser;
import io.otedama.controller.payouts.address.InvalidAddressException;
import io.otedama.controller.payouts.ledger.AccountBalance;
import io.otedama.controller.payouts.ledger.ClientBalance;
import io.otedama.controller.payouts.ledger.LedgerAccountKind;
import io.otedama.controller.payouts.ledger.LedgerAccountRef;
import io.otedama.controller.payouts.ledger.LedgerCheck;
import io.otedama.controller.payouts.ledger.LedgerCheckReport;
import io.otedama.controller.payouts.ledger.LedgerDao;
import io.otedama.controller.payouts.ledger.LedgerStore;
import io.otedama.controller.payouts.ledger.LedgerTransaction;
import io.otedama.controller.payouts.scheme.Sats;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;

/**
 * The payouts API the scheduler and the REST resources call. Every operation that writes money is
 * one database transaction that first takes a PostgreSQL advisory lock, so ledger writers on all
 * replicas run one at a time and each reads the balances the previous one committed; what makes
 * each operation happen once is a unique key in the database (block hash, pool earning period,
 * accounting period, batch period, ledger transaction key), not the lock.
 */
public final class PayoutService {
  /** The advisory lock key of the ledger ("otedama" in ASCII). */
  static final long LEDGER_LOCK_KEY = 0x6f746564616d61L;

  private static final LedgerAccountRef WALLET_ACCOUNT = LedgerAccountRef.farm(WALLET);
  private static final LedgerAccountRef POOL_INCOME_ACCOUNT = LedgerAccountRef.farm(POOL_INCOME);
  private static final LedgerAccountRef REVENUE_ACCOUNT = LedgerAccountRef.farm(REVENUE);
  private static final LedgerAccountRef CLEARING_ACCOUNT = LedgerAccountRef.farm(PAYOUTS_CLEARING);

  private final Jdbi jdbi;
  private final ShareSource shares;
  private final PayoutSettings settings;
  private final Clock clock;
  private final BitcoinAddressParser addresses;
  private final EnergyMeter energyMeter;
  private final LedgerCheck ledgerCheck;

  /**
   * @param jdbi with the SqlObject plugin installed, on a database migrated to V103 or later
   * @param shares the share log
   */
  public PayoutService(Jdbi jdbi, ShareSource shares, PayoutSettings settings, Clock clock) {
    this.jdbi = jdbi;
    this.shares = shares;
    this.settings = settings;
    this.clock = clock;
    this.addresses = new BitcoinAddressParser(settings.network());
    this.energyMeter = new EnergyMeter(settings.maxTelemetryGap());
    this.ledgerCheck = new LedgerCheck(jdbi, clock);
  }

  public PayoutSettings settings() {
    return settings;
  }

  /**
   * Books a block found by the local source into the farm's wallet, to be distributed by the next
   * accounting run whose period ends after it was found. Booking the same block again does nothing.
   * Book blocks in the order they were found: a block older than one already distributed is
   * refused, since its PROP round would overlap a round already paid.
   */
  public Booking bookBlock(BlockFound block) {
    String key = "block:" + block.hash();
    return inLedgerTransaction(handle -> {
      EarningsDao earnings = handle.attach(EarningsDao.class);
      LedgerStore ledger = new LedgerStore(handle);
      if (earnings
          .insertBlockIfAbsent(
              block.hash(),
              block.height(),
              block.subsidySats(),
              block.feesSats(),
              block.networkDifficulty(),
              block.foundAt())
          .isEmpty()) {
        BlockFound stored = earnings.findBlock(block.hash()).orElseThrow().block();
        if (!sameBlock(stored, block)) {
          throw new PayoutConflictException(
              "block " + block.hash() + " was booked before with other figures: " + stored);
        }
        return new Booking(false, key, ledger.transactionId(key).orElseThrow());
      }
      Optional<EarningsDao.StoredBlock> later =
          earnings.distributedBlockAfter(block.foundAt(), block.height());
      if (later.isPresent()) {
        throw new PayoutConflictException(
            "block "
                + block.height()
                + " was found before block "
                + later.get().block().height()
                + ", which is already distributed; book blocks in the order they were found");
      }
      String what = "block " + block.height() + " (" + block.hash() + ")";
      long tx =
          ledger
              .post(
                  LedgerTransaction.builder(key, "earning", what + " found")
                      .debit(WALLET_ACCOUNT, block.rewardSats(), "reward of " + what)
                      .credit(POOL_INCOME_ACCOUNT, block.rewardSats(), what + " to distribute")
                      .build())
              .orElseThrow();
      return new Booking(true, key, tx);
    });
  }

  /**
   * Books what an upstream pool paid for a period, to be distributed by the first accounting run
   * whose period ends at or after the earning's period ends. The same pool and period again does
   * nothing (with the same amount) or is refused (with another amount, or an overlapping period).
   */
  public Booking bookPoolEarnings(PoolEarning earning) {
    String key = earning.key();
    AccountingPeriod span = earning.period();
    return inLedgerTransaction(handle -> {
      EarningsDao earnings = handle.attach(EarningsDao.class);
      LedgerStore ledger = new LedgerStore(handle);
      Optional<EarningsDao.StoredPoolEarning> overlapping =
          earnings.overlappingPoolEarning(earning.pool(), span.start(), span.end());
      if (overlapping.isPresent()) {
        throw new PayoutConflictException(
            "pool "
                + earning.pool()
                + " already has an earning for "
                + overlapping.get().earning().period()
                + ", which overlaps "
                + span);
      }
      if (earnings
          .insertPoolEarningIfAbsent(earning.pool(), span.start(), span.end(), earning.amountSats())
          .isEmpty()) {
        PoolEarning stored =
            earnings
                .findPoolEarning(earning.pool(), span.start(), span.end())
                .orElseThrow()
                .earning();
        if (stored.amountSats() != earning.amountSats()) {
          throw new PayoutConflictException(
              "pool "
                  + earning.pool()
                  + " earning for "
                  + span
                  + " was booked as "
                  + stored.amountSats()
                  + " sats, not "
                  + earning.amountSats());
        }
        return new Booking(false, key, ledger.transactionId(key).orElseThrow());
      }
      String what = "pool " + earning.pool() + " earning for " + span;
      long tx =
          ledger
              .post(
                  LedgerTransaction.builder(key, "earning", what)
                      .debit(WALLET_ACCOUNT, earning.amountSats(), what)
                      .credit(POOL_INCOME_ACCOUNT, earning.amountSats(), what + " to distribute")
                      .build())
              .orElseThrow();
      return new Booking(true, key, tx);
    });
  }

  /**
   * Runs accounting for a period, once: distributes every undistributed block found before the
   * period's end and every pool earning whose period ends by then, credits PPS/FPPS accounts for
   * their shares in the period, and charges electricity for it. Running a period again returns the
   * first run ({@code createdNow = false}); a period overlapping another run's is refused.
   *
   * @param network what a share was worth in the period (PPS/FPPS)
   */
  public AccountingRun runAccounting(AccountingPeriod period, NetworkConditions network) {
    return inLedgerTransaction(handle -> {
      EarningsDao earnings = handle.attach(EarningsDao.class);
      Optional<AccountingRun> done = earnings.findRun(period.start(), period.end());
      if (done.isPresent()) {
        return withCredits(earnings, done.get(), false);
      }
      Optional<AccountingRun> overlapping = earnings.overlappingRun(period.start(), period.end());
      if (overlapping.isPresent()) {
        throw new PayoutConflictException(
            "period " + period + " overlaps the accounting run for " + overlapping.get().period());
      }
      long runId =
          earnings
              .insertRunIfAbsent(
                  period.start(),
                  period.end(),
                  network.blockSubsidySats(),
                  network.expectedFeesPerBlockSats(),
                  network.networkDifficulty(),
                  settings.pplnsWindowFactor())
              .orElseThrow(
                  () -> new IllegalStateException("accounting run " + period + " appeared"));
      new AccountingPass(runId, period, network, settings, shares, energyMeter, handle).run();
      return withCredits(
          earnings, earnings.findRun(period.start(), period.end()).orElseThrow(), true);
    });
  }

  /**
   * Creates the period's payout batch, once: every account whose payable balance reaches its
   * threshold is paid its whole payable to its address (validated again for the farm's network;
   * accounts without a valid address are listed as skipped and keep their balance). Calling it
   * again, after a crash, or from two replicas at once returns the one batch ({@code createdNow =
   * false} for all but the creator). A period with nobody to pay still gets its (empty) batch.
   */
  public BatchCreation createPayoutBatch(AccountingPeriod period) {
    return inLedgerTransaction(handle -> {
      PayoutBatchDao batches = handle.attach(PayoutBatchDao.class);
      Optional<Long> created =
          batches.insertIfAbsent(period.start(), period.end(), settings.network().wireName());
      if (created.isEmpty()) {
        PayoutBatch existing = batches.findByPeriod(period.start(), period.end()).orElseThrow();
        return new BatchCreation(withItems(batches, existing), false);
      }
      long batchId = created.get();
      LedgerStore ledger = new LedgerStore(handle);
      Map<Long, ClientBalance> balances = ledger.clientBalances();
      List<PayoutBatch.Item> items = new ArrayList<>();
      List<PayoutBatch.Skip> skips = new ArrayList<>();
      for (ClientAccount account : handle.attach(ClientAccountDao.class).list()) {
        ClientBalance balance = balances.get(account.id());
        long payable = balance == null ? 0 : balance.payableSats();
        if (payable <= 0 || payable < account.payoutThresholdSats()) {
          continue;
        }
        if (account.walletAddress() == null) {
          skips.add(new PayoutBatch.Skip(account.id(), payable, "no payout address is set"));
          continue;
        }
        try {
          String address = addresses.parse(account.walletAddress()).text();
          items.add(new PayoutBatch.Item(account.id(), address, payable));
        } catch (InvalidAddressException e) {
          skips.add(new PayoutBatch.Skip(account.id(), payable, e.getMessage()));
        }
      }
      long total = 0;
      Long ledgerTx = null;
      if (!items.isEmpty()) {
        String what = "payout batch " + batchId + " for " + period;
        LedgerTransaction.Builder tx =
            LedgerTransaction.builder("payout-batch:" + batchId, "payout", what);
        for (PayoutBatch.Item item : items) {
          tx.debit(
              LedgerAccountRef.client(item.accountId(), CLIENT_PAYOUTS),
              item.amountSats(),
              what + " to " + item.address());
          total = Math.addExact(total, item.amountSats());
        }
        tx.credit(CLEARING_ACCOUNT, total, what + " awaiting its transaction");
        ledgerTx = ledger.post(tx.build()).orElseThrow();
        batches.insertItems(batchId, items);
      }
      if (!skips.isEmpty()) {
        batches.insertSkips(batchId, skips);
      }
      batches.recordBooking(batchId, total, ledgerTx);
      return new BatchCreation(withItems(batches, batches.find(batchId).orElseThrow()), true);
    });
  }

  /** Records the transaction that paid a batch (no network fee booked). */
  public PayoutBatch markPaid(long batchId, String txid) {
    return markPaid(batchId, txid, 0);
  }

  /**
   * Records the transaction that paid a batch: the batch's total leaves clearing and the wallet,
   * and the network fee is booked to the farm. Marking it again with the same txid does nothing;
   * with another txid it is refused.
   */
  public PayoutBatch markPaid(long batchId, String txid, long networkFeeSats) {
    String normalized = Txid.normalize(txid);
    Sats.requireAmount(networkFeeSats, "network fee");
    return inLedgerTransaction(handle -> {
      PayoutBatchDao batches = handle.attach(PayoutBatchDao.class);
      PayoutBatch batch =
          batches
              .findForUpdate(batchId)
              .orElseThrow(() -> new PayoutNotFoundException("no payout batch " + batchId));
      if (batch.status() == BatchStatus.PAID) {
        if (batch.txid().equals(normalized)) {
          return withItems(batches, batch);
        }
        throw new PayoutConflictException(
            "payout batch " + batchId + " was already paid by transaction " + batch.txid());
      }
      if (batch.totalSats() == 0) {
        throw new PayoutConflictException(
            "payout batch " + batchId + " pays nobody; there is no transaction to record");
      }
      Optional<PayoutBatch> other = batches.findByTxid(normalized);
      if (other.isPresent()) {
        throw new PayoutConflictException(
            "transaction " + normalized + " already paid payout batch " + other.get().id());
      }
      String what = "payout batch " + batchId + " paid by " + normalized;
      long tx =
          new LedgerStore(handle)
              .post(
                  LedgerTransaction.builder("payout-paid:" + batchId, "payout_sent", what)
                      .debit(CLEARING_ACCOUNT, batch.totalSats(), what)
                      .credit(WALLET_ACCOUNT, batch.totalSats(), what)
                      .debit(REVENUE_ACCOUNT, networkFeeSats, "network fee of " + what)
                      .credit(WALLET_ACCOUNT, networkFeeSats, "network fee of " + what)
                      .build())
              .orElseThrow();
      if (batches.markPaid(batchId, normalized, networkFeeSats, clock.instant(), tx) != 1) {
        throw new IllegalStateException("payout batch " + batchId + " changed under its lock");
      }
      return withItems(batches, batches.find(batchId).orElseThrow());
    });
  }

  /** Balances of all ledger accounts, from the cached balances the ledger check verifies. */
  public LedgerBalances balances() {
    return jdbi.inTransaction(handle -> {
      Map<String, Long> farm = new LinkedHashMap<>();
      for (LedgerAccountKind kind : LedgerAccountKind.values()) {
        if (!kind.perClient()) {
          farm.put(LedgerAccountRef.farm(kind).code(), 0L);
        }
      }
      Map<Long, Map<LedgerAccountKind, Long>> sums = new TreeMap<>();
      for (ClientAccount account : handle.attach(ClientAccountDao.class).list()) {
        sums.put(account.id(), new EnumMap<>(LedgerAccountKind.class));
      }
      for (AccountBalance balance : handle.attach(LedgerDao.class).cachedBalances()) {
        LedgerAccountRef account = balance.account();
        if (account.kind().perClient()) {
          sums.computeIfAbsent(
                  account.clientAccountId(), id -> new EnumMap<>(LedgerAccountKind.class))
              .put(account.kind(), balance.balanceSats());
        } else {
          farm.put(account.code(), balance.normalBalanceSats());
        }
      }
      List<ClientBalance> clients = new ArrayList<>();
      sums.forEach((id, byKind) -> clients.add(ClientBalance.fromSums(id, byKind)));
      return new LedgerBalances(farm, clients);
    });
  }

  /** Proves the ledger's invariants (the body of {@code GET /api/v1/ledger/check}). */
  public LedgerCheckReport check() {
    return ledgerCheck.run();
  }

  public List<AccountingRun> runs() {
    return jdbi.withExtension(EarningsDao.class, EarningsDao::runs);
  }

  /** The run of exactly this period, with its credit lines. */
  public Optional<AccountingRun> run(AccountingPeriod period) {
    return jdbi.withExtension(
        EarningsDao.class,
        earnings ->
            earnings
                .findRun(period.start(), period.end())
                .map(run -> withCredits(earnings, run, false)));
  }

  public List<CreditLine> creditsOf(long accountId) {
    return jdbi.withExtension(EarningsDao.class, earnings -> earnings.creditsOfAccount(accountId));
  }

  /** All batches, newest period first, with their items. */
  public List<PayoutBatch> batches() {
    return jdbi.withExtension(
        PayoutBatchDao.class,
        batches -> batches.list().stream().map(batch -> withItems(batches, batch)).toList());
  }

  public PayoutBatch batch(long batchId) {
    return jdbi.withExtension(
        PayoutBatchDao.class,
        batches ->
            batches
                .find(batchId)
                .map(batch -> withItems(batches, batch))
                .orElseThrow(() -> new PayoutNotFoundException("no payout batch " + batchId)));
  }

  /** The batch as CSV (see {@link PayoutBatchExport#csv}). */
  public String batchCsv(long batchId) {
    return PayoutBatchExport.csv(batch(batchId));
  }

  /** The batch as a bitcoind {@code sendmany} request body. */
  public String batchSendManyRequest(long batchId) {
    return PayoutBatchExport.sendManyRequest(batch(batchId));
  }

  private <T> T inLedgerTransaction(HandleCallback<T, RuntimeException> work) {
    return jdbi.inTransaction(handle -> {
      lockLedger(handle);
      return work.withHandle(handle);
    });
  }

  private static AccountingRun withCredits(EarningsDao earnings, AccountingRun run, boolean now) {
    return new AccountingRun(
        run.id(),
        run.period(),
        run.network(),
        run.pplnsWindowFactor(),
        run.ranAt(),
        now,
        run.blocksDistributed(),
        run.poolEarningsDistributed(),
        run.earningsDistributedSats(),
        run.creditedGrossSats(),
        run.feesSats(),
        run.electricitySats(),
        run.dustSats(),
        earnings.creditsOfRun(run.id()));
  }

  private static PayoutBatch withItems(PayoutBatchDao batches, PayoutBatch batch) {
    return new PayoutBatch(
        batch.id(),
        batch.period(),
        batch.status(),
        batch.network(),
        batch.totalSats(),
        batch.createdAt(),
        batch.txid(),
        batch.networkFeeSats(),
        batch.paidAt(),
        batches.items(batch.id()),
        batches.skips(batch.id()));
  }

  private static boolean sameBlock(BlockFound a, BlockFound b) {
    return a.height() == b.height()
        && a.subsidySats() == b.subsidySats()
        && a.feesSats() == b.feesSats()
        && a.networkDifficulty().compareTo(b.networkDifficulty()) == 0
        && a.foundAt().equals(b.foundAt());
  }

  /** Waits for, then holds until the transaction ends, the ledger's advisory lock. */
  private static void lockLedger(Handle handle) {
    handle
        .createQuery("SELECT 1 FROM pg_advisory_xact_lock(:key)")
        .bind("key", LEDGER_LOCK_KEY)
        .mapTo(Integer.class)
        .one();
  }
}
