package io.otedama.controller.scheduling;

import java.time.Instant;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;
import org.quartz.SchedulerException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one Quartz job class: runs a {@link ScheduledTask}'s body, logs the run and counts its
 * outcome. {@code @DisallowConcurrentExecution} makes Quartz run one instance of each job key at a
 * time across the whole cluster, so a manual run and a scheduled one never overlap.
 */
@DisallowConcurrentExecution
final class TaskJob implements Job {
  private static final Logger LOG = LoggerFactory.getLogger(TaskJob.class);

  private final ScheduledTask task;
  private final JobRunLog runLog;
  private final JobMetrics metrics;

  TaskJob(ScheduledTask task, JobRunLog runLog, JobMetrics metrics) {
    this.task = task;
    this.runLog = runLog;
    this.metrics = metrics;
  }

  @Override
  public void execute(JobExecutionContext context) throws JobExecutionException {
    Instant scheduledAt =
        context.getScheduledFireTime() == null
            ? Instant.now()
            : context.getScheduledFireTime().toInstant();
    boolean manual = QuartzScheduler.MANUAL_GROUP.equals(context.getTrigger().getKey().getGroup());
    String instance;
    try {
      instance = context.getScheduler().getSchedulerInstanceId();
    } catch (SchedulerException e) {
      instance = "unknown";
    }
    long runId;
    try {
      runId = runLog.started(task.name(), instance, manual, scheduledAt);
    } catch (RuntimeException e) {
      // without the database the job could not do its work either: count it, try next time
      metrics.failed(task.name(), Instant.now());
      LOG.warn("job {} could not start: {}", task.name(), e.toString());
      throw new JobExecutionException(e, false);
    }
    try {
      String summary = task.body().run(scheduledAt);
      Instant at = runLog.finished(runId, true, summary);
      metrics.succeeded(task.name(), at);
      LOG.info("job {} done: {}", task.name(), summary);
    } catch (Exception e) {
      String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      Instant at;
      try {
        at = runLog.finished(runId, false, message);
      } catch (RuntimeException logFailure) {
        e.addSuppressed(logFailure);
        at = Instant.now();
      }
      metrics.failed(task.name(), at);
      LOG.warn("job {} failed", task.name(), e);
      throw new JobExecutionException(e, false);
    }
  }
}
