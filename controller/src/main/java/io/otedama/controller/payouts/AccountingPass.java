package io.otedama.controller.payouts;

import static io.otedama.controller.payouts.ledger.LedgerAccountKind.CLIENT_EARNINGS;
import static io.otedama.controller.payouts.ledger.LedgerAccountKind.CLIENT_ELECTRICITY;
import static io.otedama.controller.payouts.ledger.LedgerAccountKind.CLIENT_FEES;
import static io.otedama.controller.payouts.ledger.LedgerAccountKind.DUST;
import static io.otedama.controller.payouts.ledger.LedgerAccountKind.POOL_INCOME;
import static io.otedama.controller.payouts.ledger.LedgerAccountKind.REVENUE;

import io.otedama.controller.payouts.ledger.LedgerAccountRef;
import io.otedama.controller.payouts.ledger.LedgerStore;
import io.otedama.controller.payouts.ledger.LedgerTransaction;
import io.otedama.controller.payouts.scheme.AccountTerms;
import io.otedama.controller.payouts.scheme.CreditShare;
import io.otedama.controller.payouts.scheme.DifficultyWeights;
import io.otedama.controller.payouts.scheme.Distribution;
import io.otedama.controller.payouts.scheme.EarningDistributor;
import io.otedama.controller.payouts.scheme.ElectricityTariff;
import io.otedama.controller.payouts.scheme.PayoutScheme;
import io.otedama.controller.payouts.scheme.PplnsWindow;
import io.otedama.controller.payouts.scheme.PpsValuation;
import io.otedama.controller.payouts.scheme.ShareRecord;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.jdbi.v3.core.Handle;

/**
 * One accounting run's work, inside the run's database transaction: distribute the undistributed
 * blocks and pool earnings, credit PPS/FPPS work, charge electricity, and record what was booked.
 */
final class AccountingPass {
  private static final LedgerAccountRef POOL_INCOME_ACCOUNT = LedgerAccountRef.farm(POOL_INCOME);
  private static final LedgerAccountRef REVENUE_ACCOUNT = LedgerAccountRef.farm(REVENUE);
  private static final LedgerAccountRef DUST_ACCOUNT = LedgerAccountRef.farm(DUST);

  private final long runId;
  private final AccountingPeriod period;
  private final NetworkConditions network;
  private final PayoutSettings settings;
  private final ShareSource shares;
  private final EnergyMeter energyMeter;
  private final Handle handle;
  private final EarningsDao earnings;
  private final LedgerStore ledger;
  private final Map<Long, ClientAccount> accounts = new TreeMap<>();
  private final Map<Long, AccountTerms> terms = new TreeMap<>();
  private final EarningDistributor distributor;

  private int blocks;
  private int poolEarnings;
  private long earningsSats;
  private long creditedSats;
  private long feesSats;
  private long electricitySats;
  private long dustSats;

  AccountingPass(
      long runId,
      AccountingPeriod period,
      NetworkConditions network,
      PayoutSettings settings,
      ShareSource shares,
      EnergyMeter energyMeter,
      Handle handle) {
    this.runId = runId;
    this.period = period;
    this.network = network;
    this.settings = settings;
    this.shares = shares;
    this.energyMeter = energyMeter;
    this.handle = handle;
    this.earnings = handle.attach(EarningsDao.class);
    this.ledger = new LedgerStore(handle);
    for (ClientAccount account : handle.attach(ClientAccountDao.class).list()) {
      accounts.put(account.id(), account);
      terms.put(account.id(), account.terms());
    }
    this.distributor = new EarningDistributor(terms);
  }

  void run() {
    for (EarningsDao.StoredBlock block : earnings.undistributedBlocksBefore(period.end())) {
      distributeBlock(block.block());
    }
    for (EarningsDao.StoredPoolEarning earning :
        earnings.undistributedPoolEarningsUpTo(period.end())) {
      distributePoolEarning(earning);
    }
    creditPerShareSchemes();
    chargeElectricity();
    earnings.recordRunTotals(
        runId,
        blocks,
        poolEarnings,
        earningsSats,
        creditedSats,
        feesSats,
        electricitySats,
        dustSats);
  }

  private void distributeBlock(BlockFound block) {
    Instant foundAt = block.foundAt();
    DifficultyWeights window = DifficultyWeights.EMPTY;
    if (distributor.anyOn(PayoutScheme.PPLNS)) {
      BigDecimal size = PplnsWindow.size(settings.pplnsWindowFactor(), block.networkDifficulty());
      List<ShareRecord> recent =
          only(shares.sharesInWindow(foundAt, size), s -> !s.ts().isAfter(foundAt));
      window = PplnsWindow.walk(recent, size);
    }
    DifficultyWeights round = DifficultyWeights.EMPTY;
    if (distributor.anyOn(PayoutScheme.PROP)) {
      Instant previous = earnings.previousBlockFoundAt(foundAt, block.height()).orElse(null);
      List<ShareRecord> roundShares =
          only(
              shares.sharesInRound(previous, foundAt),
              s -> !s.ts().isAfter(foundAt) && (previous == null || s.ts().isAfter(previous)));
      round = DifficultyWeights.of(roundShares);
    }
    Distribution distribution = distributor.splitBlock(block.rewardSats(), window, round);
    String what = "block " + block.height();
    long tx = postDistribution("block:" + block.hash() + ":distribution", what, distribution);
    recordCredits("block", block.hash(), distribution.credits(), tx);
    earnings.markBlockDistributed(block.hash(), runId);
    blocks++;
  }

  private void distributePoolEarning(EarningsDao.StoredPoolEarning stored) {
    PoolEarning earning = stored.earning();
    AccountingPeriod span = earning.period();
    List<ShareRecord> periodShares =
        only(shares.sharesInPeriod(span.start(), span.end()), s -> span.contains(s.ts()));
    Distribution distribution =
        distributor.splitPoolEarning(earning.amountSats(), DifficultyWeights.of(periodShares));
    String what = "pool " + earning.pool() + " earning for " + span;
    long tx = postDistribution(earning.key() + ":distribution", what, distribution);
    recordCredits("pool_earning", earning.key(), distribution.credits(), tx);
    earnings.markPoolEarningDistributed(stored.id(), runId);
    poolEarnings++;
  }

  /** Books one earning's distribution: pool income out, credits, fees, farm's part, dust. */
  private long postDistribution(String key, String what, Distribution distribution) {
    LedgerTransaction.Builder tx =
        LedgerTransaction.builder(key, "distribution", what + " distributed")
            .debit(POOL_INCOME_ACCOUNT, distribution.amountSats(), what);
    long fees = addCredits(tx, distribution.credits(), what);
    tx.credit(REVENUE_ACCOUNT, fees, "fees on " + what)
        .creditSigned(REVENUE_ACCOUNT, distribution.farmShareSats(), "farm's part of " + what)
        .credit(DUST_ACCOUNT, distribution.dustSats(), "rounding remainder of " + what);
    earningsSats += distribution.amountSats();
    dustSats += distribution.dustSats();
    return post(tx.build());
  }

  /** PPS and FPPS: the farm pays each share's value out of its own revenue. */
  private void creditPerShareSchemes() {
    if (!distributor.anyOn(PayoutScheme.PPS) && !distributor.anyOn(PayoutScheme.FPPS)) {
      return;
    }
    List<ShareRecord> periodShares =
        only(shares.sharesInPeriod(period.start(), period.end()), s -> period.contains(s.ts()));
    List<CreditShare> credits =
        PpsValuation.credits(
            terms,
            DifficultyWeights.of(periodShares),
            network.blockSubsidySats(),
            network.expectedFeesPerBlockSats(),
            network.networkDifficulty());
    if (credits.isEmpty()) {
      return;
    }
    String what = "PPS/FPPS work in " + period;
    LedgerTransaction.Builder tx = LedgerTransaction.builder("pps:" + period.key(), "pps", what);
    long gross = 0;
    for (CreditShare credit : credits) {
      gross += credit.grossSats();
    }
    tx.debit(REVENUE_ACCOUNT, gross, "paid by the farm for " + what);
    long fees = addCredits(tx, credits, what);
    tx.credit(REVENUE_ACCOUNT, fees, "fees on " + what);
    recordCredits("pps", period.key(), credits, post(tx.build()));
  }

  /** Credits each account's gross and debits its fees; returns the fees to credit the farm. */
  private long addCredits(LedgerTransaction.Builder tx, List<CreditShare> credits, String what) {
    long fees = 0;
    for (CreditShare credit : credits) {
      long account = credit.accountId();
      tx.credit(
          LedgerAccountRef.client(account, CLIENT_EARNINGS),
          credit.grossSats(),
          credit.scheme().wireName() + " credit from " + what);
      tx.debit(
          LedgerAccountRef.client(account, CLIENT_FEES),
          credit.split().feesSats(),
          "pool fee "
              + credit.split().poolFeeSats()
              + " + hosting fee "
              + credit.split().hostingFeeSats()
              + " on "
              + what);
      fees += credit.split().feesSats();
      creditedSats += credit.grossSats();
    }
    feesSats += fees;
    return fees;
  }

  private void chargeElectricity() {
    Map<String, Long> prices = new TreeMap<>();
    for (Site site : handle.attach(ClientAccountDao.class).sites()) {
      prices.put(site.name(), site.electricityMsatPerKwh());
    }
    String what = "electricity in " + period;
    LedgerTransaction.Builder tx =
        LedgerTransaction.builder("electricity:" + period.key(), "electricity", what);
    Map<Long, Long> charges = new TreeMap<>();
    Map<Long, BigDecimal> energy = energyMeter.energyByAccount(handle, period);
    long total = 0;
    for (Map.Entry<Long, BigDecimal> used : energy.entrySet()) {
      ClientAccount account = accounts.get(used.getKey());
      if (account == null || account.site() == null) {
        continue;
      }
      long price = prices.getOrDefault(account.site(), 0L);
      long charge = ElectricityTariff.chargeSats(used.getValue(), price);
      if (charge > 0) {
        tx.debit(
            LedgerAccountRef.client(account.id(), CLIENT_ELECTRICITY),
            charge,
            used.getValue().toPlainString()
                + " Ws at "
                + price
                + " msat/kWh (site "
                + account.site()
                + ")");
        charges.put(account.id(), charge);
        total += charge;
      }
    }
    if (total == 0) {
      return;
    }
    tx.credit(REVENUE_ACCOUNT, total, "charged for " + what);
    long txId = post(tx.build());
    for (Map.Entry<Long, Long> charge : charges.entrySet()) {
      ClientAccount account = accounts.get(charge.getKey());
      long sats = charge.getValue();
      earnings.insertCredit(
          runId,
          account.id(),
          "electricity",
          period.key(),
          account.scheme().wireName(),
          0,
          0,
          0,
          sats,
          -sats,
          energy.get(account.id()),
          txId);
    }
    electricitySats += total;
  }

  private void recordCredits(String source, String ref, List<CreditShare> credits, long txId) {
    for (CreditShare credit : credits) {
      earnings.insertCredit(
          runId,
          credit.accountId(),
          source,
          ref,
          credit.scheme().wireName(),
          credit.grossSats(),
          credit.split().poolFeeSats(),
          credit.split().hostingFeeSats(),
          0,
          credit.split().netSats(),
          null,
          txId);
    }
  }

  private long post(LedgerTransaction transaction) {
    return ledger
        .post(transaction)
        .orElseThrow(() ->
            new IllegalStateException(
                "ledger transaction "
                    + transaction.key()
                    + " exists although its source was undistributed: the payout tables and"
                    + " the ledger disagree; run the ledger check"));
  }

  /** The source's shares, minus any outside what was asked for (a source bug must not pay). */
  private static List<ShareRecord> only(List<ShareRecord> shares, Predicate<ShareRecord> asked) {
    return shares.stream().filter(asked).toList();
  }
}
