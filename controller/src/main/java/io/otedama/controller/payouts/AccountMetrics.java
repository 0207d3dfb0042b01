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
 * otedama_account_paid_sats_total}, {@code otedama_account_pending_sats}, label {@code account} =
 * the account's name) from the ledger. The ledger is read after each accounting or payout run and
 * at start, never during a scrape: a scrape must not cost a query per account.
 *
 * <p>Credited is net of fees and electricity, so credited − paid = pending, the figure the farm
 * owes the client.
 */
public final class AccountMetrics {
  private static final Logger LOG = LoggerFactory.getLogger(AccountMetrics.class);

  /** The figures of one account at the last refresh. */
  private record Figures(long creditedSats, long paidSats, long pendingSats) {}

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
                ? new Figures(0, 0, 0)
                : new Figures(
                    b.earningsSats() - b.feesSats() - b.electricitySats(),
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
    // Electricity is charged by the period while credits come with blocks, so the net figure is
    // negative for a while on a new account; Prometheus refuses a negative counter and fails the
    // whole scrape (every series of the controller disappears), so it reads 0 until then.
    FunctionCounter.builder(
            "otedama_account_credited_sats",
            latest,
            m -> Math.max(0, figure(m, account).creditedSats()))
        .description("Credited to the account by its payout scheme, net of fees and electricity")
        .tag("account", account)
        .register(registry);
    FunctionCounter.builder("otedama_account_paid_sats", latest, m -> figure(m, account).paidSats())
        .description("Put in payout batches for the account")
        .tag("account", account)
        .register(registry);
    Gauge.builder("otedama_account_pending_sats", latest, m -> figure(m, account).pendingSats())
        .description("Credited but not yet paid: what the farm owes the account")
        .tag("account", account)
        .register(registry);
  }

  private static Figures figure(Map<String, Figures> m, String account) {
    return m.getOrDefault(account, new Figures(0, 0, 0));
  }
}
