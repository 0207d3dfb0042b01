package io.otedama.controller.scheduling;

import io.dropwizard.core.setup.Environment;
import io.micrometer.core.instrument.MeterRegistry;
import io.otedama.controller.db.JdbiDataSource;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jdbi.v3.core.Jdbi;

/**
 * Wires the clustered scheduler: applies {@code scheduling.jobs} overrides to the features' tasks,
 * registers the scheduler with the lifecycle (after the database: it starts after the migrations
 * and stops before the pool) and {@code /api/v1/jobs}.
 */
public final class SchedulingFeature {
  private final QuartzScheduler scheduler;

  private SchedulingFeature(QuartzScheduler scheduler) {
    this.scheduler = scheduler;
  }

  /** Returns null when {@code scheduling.enabled} is false: no jobs run on this replica. */
  public static SchedulingFeature install(
      SchedulingConfiguration config,
      List<ScheduledTask> tasks,
      Jdbi jdbi,
      Clock clock,
      MeterRegistry metrics,
      Environment environment) {
    if (!config.isEnabled()) {
      return null;
    }
    Set<String> known = new HashSet<>();
    List<ScheduledTask> enabled = new ArrayList<>();
    List<String> disabled = new ArrayList<>();
    for (ScheduledTask task : tasks) {
      known.add(task.name());
      JobSettings settings = config.getJobs().get(task.name());
      if (settings == null) {
        enabled.add(task);
      } else if (settings.disabled()) {
        disabled.add(task.name());
      } else {
        enabled.add(settings.applyTo(task));
      }
    }
    for (String name : config.getJobs().keySet()) {
      if (!known.contains(name)) {
        throw new IllegalArgumentException(
            "scheduling.jobs." + name + ": there is no such job; the jobs are " + known);
      }
    }
    QuartzScheduler scheduler =
        new QuartzScheduler(
            config,
            new JdbiDataSource(jdbi),
            enabled,
            disabled,
            new JobRunLog(jdbi, clock),
            new JobMetrics(metrics));
    environment.lifecycle().manage(scheduler);
    environment.jersey().register(new JobsResource(scheduler));
    return new SchedulingFeature(scheduler);
  }

  public QuartzScheduler scheduler() {
    return scheduler;
  }
}
