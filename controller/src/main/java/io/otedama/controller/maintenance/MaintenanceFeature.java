package io.otedama.controller.maintenance;

import io.otedama.controller.db.JdbiDataSource;
import io.otedama.controller.scheduling.JobSchedule;
import io.otedama.controller.scheduling.MisfirePolicy;
import io.otedama.controller.scheduling.ScheduledTask;
import io.otedama.controller.telemetry.TelemetryConfiguration;
import io.otedama.controller.telemetry.TelemetryPartitionMaintainer;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.jdbi.v3.core.Jdbi;

/**
 * The housekeeping jobs, with their default schedules and misfire policies (docs/operations.md):
 *
 * <ul>
 *   <li>{@code telemetry-rollup} every minute, fire once after a misfire (it catches up anyway);
 *   <li>{@code telemetry-partitions} hourly, fire once after a misfire (partitions must exist
 *       before their day starts);
 *   <li>{@code telemetry-retention} daily 03:20 UTC, skip missed runs;
 *   <li>{@code analyze} daily 04:00 UTC, skip missed runs;
 *   <li>{@code cleanup} hourly, skip missed runs.
 * </ul>
 *
 * The stale-rig sweep is not among them: it works on each replica's in-memory presence and runs on
 * the fleet feature's own timer ({@code fleet.sweepInterval}), which is what it needs.
 */
public final class MaintenanceFeature {
  private MaintenanceFeature() {}

  public static List<ScheduledTask> tasks(
      MaintenanceConfiguration config, TelemetryConfiguration telemetry, Jdbi jdbi, Clock clock) {
    TelemetryRollups rollups =
        new TelemetryRollups(
            jdbi,
            clock,
            duration(config.getRollupLookback()),
            duration(config.getRawTelemetryRetention()));
    TelemetryRetention retention =
        new TelemetryRetention(
            jdbi,
            clock,
            rollups,
            duration(config.getRawTelemetryRetention()),
            duration(config.getMinuteRollupRetention()),
            duration(config.getHourRollupRetention()));
    TelemetryPartitionMaintainer partitions =
        new TelemetryPartitionMaintainer(new JdbiDataSource(jdbi), telemetry);
    TableAnalyzer analyzer = new TableAnalyzer(jdbi);
    ExpiredRowsCleanup cleanup =
        new ExpiredRowsCleanup(jdbi, clock, duration(config.getJobRunRetention()));
    return List.of(
        new ScheduledTask(
            "telemetry-rollup",
            "Aggregates raw telemetry into 1-minute and 1-hour rollups",
            JobSchedule.every(Duration.ofMinutes(1), MisfirePolicy.FIRE_ONCE_NOW),
            false,
            at -> rollups.run().toString()),
        new ScheduledTask(
            "telemetry-partitions",
            "Creates the daily telemetry partitions ahead of time",
            JobSchedule.every(Duration.ofHours(1), MisfirePolicy.FIRE_ONCE_NOW),
            false,
            at -> {
              List<String> created = partitions.ensurePartitions();
              return created.isEmpty() ? "all partitions in place" : "created " + created;
            }),
        new ScheduledTask(
            "telemetry-retention",
            "Drops raw telemetry partitions past retention (once rolled up and accounted) and old"
                + " rollup rows",
            JobSchedule.cron("0 20 3 * * ?", MisfirePolicy.SKIP_TO_NEXT),
            false,
            at -> retention.run().toString()),
        new ScheduledTask(
            "analyze",
            "ANALYZE on the big tables",
            JobSchedule.cron("0 0 4 * * ?", MisfirePolicy.SKIP_TO_NEXT),
            false,
            at -> analyzer.run()),
        new ScheduledTask(
            "cleanup",
            "Deletes expired API tokens, sessions, enrollment tokens, old failed logins and old"
                + " job runs",
            JobSchedule.every(Duration.ofHours(1), MisfirePolicy.SKIP_TO_NEXT),
            false,
            at -> cleanup.run().toString()));
  }

  private static Duration duration(io.dropwizard.util.Duration d) {
    return Duration.ofMillis(d.toMilliseconds());
  }
}
