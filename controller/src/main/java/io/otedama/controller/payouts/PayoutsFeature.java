package io.otedama.controller.payouts;

import io.dropwizard.core.setup.Environment;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.otedama.controller.payouts.address.BitcoinAddressParser;
import io.otedama.controller.payouts.address.BitcoinNetwork;
import io.otedama.controller.scheduling.JobSchedule;
import io.otedama.controller.scheduling.MisfirePolicy;
import io.otedama.controller.scheduling.ScheduledTask;
import io.otedama.controller.work.WorkConfiguration;
import io.otedama.controller.work.WorkFeature;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import org.jdbi.v3.core.Jdbi;

/**
 * Wires payouts into the running controller: the service over the real share log, blocks from the
 * local work source booked as they are found, the REST resources, and the {@code accounting} and
 * {@code payout} jobs for the scheduler.
 */
public final class PayoutsFeature {
  private final PayoutService service;
  private final ClientAccounts accounts;
  private final PayoutRunner runner;
  private final BlockBooker blocks;
  private final Counter batches;
  private final ShareLogPruning pruning;
  private final AccountMetrics accountMetrics;

  private PayoutsFeature(
      PayoutService service,
      ClientAccounts accounts,
      PayoutRunner runner,
      BlockBooker blocks,
      Counter batches,
      ShareLogPruning pruning,
      AccountMetrics accountMetrics) {
    this.service = service;
    this.accounts = accounts;
    this.runner = runner;
    this.blocks = blocks;
    this.batches = batches;
    this.pruning = pruning;
    this.accountMetrics = accountMetrics;
  }

  public static PayoutsFeature install(
      PayoutsConfiguration config,
      WorkFeature work,
      Jdbi jdbi,
      Clock clock,
      MeterRegistry metrics,
      Environment environment) {
    BitcoinNetwork network = BitcoinNetwork.fromWireName(config.getNetwork());
    PayoutSettings settings =
        new PayoutSettings(
            network,
            config.getPplnsWindowFactor(),
            Duration.ofMillis(config.getMaxTelemetryGap().toMilliseconds()));
    PayoutService service = new PayoutService(jdbi, new ShareLogSource(jdbi), settings, clock);
    ClientAccounts accounts = new ClientAccounts(jdbi, new BitcoinAddressParser(network));
    WorkConfiguration workConfig = work.config();
    BigDecimal localDifficulty = BigDecimal.valueOf(workConfig.getLocalNetworkDifficulty());
    Supplier<NetworkConditions> conditions =
        () ->
            new NetworkConditions(
                config.getBlockSubsidySats() != null
                    ? config.getBlockSubsidySats()
                    : workConfig.getLocalBlockReward(),
                config.getExpectedFeesPerBlockSats(),
                config.getNetworkDifficulty() != null
                    ? config.getNetworkDifficulty()
                    : localDifficulty);
    PayoutRunner runner =
        new PayoutRunner(
            service,
            jdbi,
            Duration.ofMillis(config.getAccountingPeriod().toMilliseconds()),
            Duration.ofMillis(config.getPayoutPeriod().toMilliseconds()),
            Duration.ofMillis(config.getSettleDelay().toMilliseconds()),
            config.getMaxCatchUpPeriods(),
            conditions);
    BlockBooker blocks = new BlockBooker(service, localDifficulty, metrics);
    work.onBlockFound(blocks);
    Counter batches =
        Counter.builder("otedama_payouts").description("Payout batches produced").register(metrics);
    ShareLogPruning pruning =
        new ShareLogPruning(
            jdbi,
            clock,
            Duration.ofMillis(config.getShareLogMinRetention().toMilliseconds()),
            () -> settings.pplnsWindowFactor().multiply(conditions.get().networkDifficulty()));
    AccountMetrics accountMetrics = new AccountMetrics(service, accounts, metrics);
    accountMetrics.refresh();
    PayoutsFeature feature =
        new PayoutsFeature(service, accounts, runner, blocks, batches, pruning, accountMetrics);
    environment.jersey().register(new AccountsResource(accounts, service));
    environment.jersey().register(new SitesResource(accounts));
    environment
        .jersey()
        .register(
            new PayoutsResource(
                service,
                runner,
                () -> {
                  batches.increment();
                  accountMetrics.refresh();
                },
                clock));
    environment.jersey().register(new LedgerResource(service));
    environment.jersey().register(new EarningsResource(service, jdbi));
    return feature;
  }

  /**
   * {@code accounting} (hourly at :02, catches up on every complete period) and {@code payout}
   * (daily at 00:10 UTC: accounting, then the day's batch). Both fire once after a misfire (a run
   * catches up on everything missed) and are recovered on another replica if theirs dies mid-run
   * (each period's work is one transaction with a unique key, so a re-run repeats nothing).
   */
  public List<ScheduledTask> tasks(Clock clock) {
    ScheduledTask accounting =
        new ScheduledTask(
            "accounting",
            "Books blocks still pending, then runs accounting for every complete period:"
                + " credits per scheme, fees, electricity",
            JobSchedule.cron("0 2 * * * ?", MisfirePolicy.FIRE_ONCE_NOW),
            true,
            scheduledAt -> {
              int pending = blocks.retryPending();
              List<AccountingRun> runs = runner.runDueAccounting(clock.instant());
              long credited = runs.stream().mapToLong(AccountingRun::creditedGrossSats).sum();
              accountMetrics.refresh();
              return runs.size()
                  + " periods accounted, "
                  + credited
                  + " sats credited"
                  + (pending > 0 ? ", " + pending + " blocks still waiting to be booked" : "");
            });
    ScheduledTask payout =
        new ScheduledTask(
            "payout",
            "Brings accounting up to date and creates the payout batch of the last complete"
                + " payout period (once per period)",
            JobSchedule.cron("0 10 0 * * ?", MisfirePolicy.FIRE_ONCE_NOW),
            true,
            scheduledAt -> {
              blocks.retryPending();
              BatchCreation creation = runner.createDueBatch(clock.instant());
              accountMetrics.refresh();
              if (creation.createdNow()) {
                batches.increment();
              }
              PayoutBatch batch = creation.batch();
              return "batch "
                  + batch.id()
                  + " for "
                  + batch.period()
                  + (creation.createdNow() ? " created: " : " existed: ")
                  + batch.items().size()
                  + " payments, "
                  + batch.totalSats()
                  + " sats";
            });
    ScheduledTask prune =
        new ScheduledTask(
            "share-log-pruning",
            "Deletes shares no accounting run, PPLNS window or PROP round can need any more",
            JobSchedule.cron("0 40 3 * * ?", MisfirePolicy.SKIP_TO_NEXT),
            false,
            scheduledAt -> pruning.run().toString());
    return List.of(accounting, payout, prune);
  }

  public PayoutService service() {
    return service;
  }

  public ClientAccounts accounts() {
    return accounts;
  }

  /** The block-found hook registered on the work feature (tests feed it blocks directly). */
  public BlockBooker blocks() {
    return blocks;
  }

  public PayoutRunner runner() {
    return runner;
  }
}
