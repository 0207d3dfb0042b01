package io.otedama.controller;

import io.dropwizard.core.setup.Environment;
import io.micrometer.core.instrument.MeterRegistry;
import io.otedama.controller.maintenance.MaintenanceFeature;
import io.otedama.controller.payouts.PayoutsFeature;
import io.otedama.controller.scheduling.ScheduledTask;
import io.otedama.controller.scheduling.SchedulingFeature;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Jdbi;

/** Collects every feature's jobs and installs the scheduler: the one line the application calls. */
public final class ScheduledJobs {
  private ScheduledJobs() {}

  /** Returns null when scheduling is disabled on this replica. */
  public static SchedulingFeature install(
      OtedamaConfiguration config,
      PayoutsFeature payouts,
      Jdbi jdbi,
      Clock clock,
      MeterRegistry metrics,
      Environment environment) {
    List<ScheduledTask> tasks = new ArrayList<>(payouts.tasks(clock));
    tasks.addAll(
        MaintenanceFeature.tasks(config.getMaintenance(), config.getTelemetry(), jdbi, clock));
    return SchedulingFeature.install(
        config.getScheduling(), tasks, jdbi, clock, metrics, environment);
  }
}
