package io.otedama.controller.payouts;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.otedama.controller.payouts.ledger.ClientBalance;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The per-account payout series ({@code otedama_account_credited_sats_total}, {@code
 * otedama_account_electricity_sats_total}, {@code otedama_account_paid_sats_total}, {@code
 * otedama_account_pending_sats}, label {@code account} = the account's name) from the ledger. The
 * ledger is read after each accounting or payout run and at start, never during a scrape: a scrape
 * must not cost a query per account.
 *
 * <p>The counters are the ledger's totals and only grow: the ledger is append-only, a credit (gross
 * to earnings, its fees, at most the gross, to fees) is one transaction, and electricity and
 * payouts are only ever debited; no reversal exists (blocks are booked once spendable). The one
 * figure that falls is the gauge: pending = credited − electricity − paid, what the farm owes the
 * client (negative while electricity outruns the credits).
 */
public final class AccountMetrics {
  private static final Logger LOG = LoggerFactory.getLogger(AccountMetrics.class);

  /** The figures of one account at the last refresh. */
  private record Figures(long creditedSats, long electricitySats, long paidSats, long pendingSats) {
    static final Figures NONE = new Figures(0, 0, 0, 0);
  }

  private final PayoutService payouts;
  private final ClientAccounts accounts;
  private final MeterRegistry registry;
  private final Map<String, Figures> latest = new ConcurrentHashMap<>();

  public AccountMetrics(PayoutService payouts, ClientAccounts accounts, MeterRegistry registry) {
    this.payouts = payouts;
    this.accounts = accounts;
    this.registry = registry;
  }

  /** Reads every account's balance and registers the series of accounts seen for the first time. */
  public void refresh() {
    try {
      Map<Long, ClientBalance> byId = new HashMap<>();
      for (ClientBalance b : payouts.balances().clients()) {
        byId.put(b.clientAccountId(), b);
      }
      List<ClientAccount> all = accounts.list();
      for (ClientAccount account : all) {
        ClientBalance b = byId.get(account.id());
        Figures figures =
            b == null
                ? Figures.NONE
                : new Figures(
                    b.earningsSats() - b.feesSats(),
                    b.electricitySats(),
                    b.payoutsSats(),
                    b.payableSats());
        if (latest.put(account.name(), figures) == null) {
          register(account.name());
        }
      }
    } catch (RuntimeException e) {
      // the series keep their last figures; the next run tries again
      LOG.warn("could not read the account balances for the metrics: {}", e.toString());
    }
  }

  private void register(String account) {
    FunctionCounter.builder(
            "otedama_account_credited_sats", latest, m -> figure(m, account).creditedSats())
        .description("Credited to the account by its payout scheme, net of fees")
        .tag("account", account)
        .register(registry);
    FunctionCounter.builder(
            "otedama_account_electricity_sats", latest, m -> figure(m, account).electricitySats())
        .description("Electricity charged to the account")
        .tag("account", account)
        .register(registry);
    FunctionCounter.builder("otedama_account_paid_sats", latest, m -> figure(m, account).paidSats())
        .description("Put in payout batches for the account")
        .tag("account", account)
        .register(registry);
    Gauge.builder("otedama_account_pending_sats", latest, m -> figure(m, account).pendingSats())
        .description(
            "Credited less electricity and payouts: what the farm owes the account (negative:"
                + " what the account owes the farm)")
        .tag("account", account)
        .register(registry);
  }

  private static Figures figure(Map<String, Figures> m, String account) {
    return m.getOrDefault(account, Figures.NONE);
  }
}
