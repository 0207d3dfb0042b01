package io.otedama.controller.scheduling;

import io.dropwizard.lifecycle.Managed;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import javax.sql.DataSource;
import org.quartz.CronScheduleBuilder;
import org.quartz.CronTrigger;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.ObjectAlreadyExistsException;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.SimpleTrigger;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.quartz.impl.SchedulerRepository;
import org.quartz.impl.StdSchedulerFactory;
import org.quartz.utils.DBConnectionManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This replica's member of the clustered Quartz scheduler: JDBC job store (JobStoreTX,
 * PostgreSQLDelegate, tables {@code QRTZ_*} from V130) on the controller's own pool, {@code
 * isClustered = true}, {@code instanceId = AUTO}. Managed by Dropwizard: it starts after the
 * database is migrated and the pool is up, and stops waiting for running jobs to finish.
 *
 * <p>At start it (re)schedules every task: the job and its trigger are stored with {@code replace},
 * inside Quartz's cluster lock, so replicas starting together agree; a trigger whose schedule did
 * not change is left alone, so restarting a replica does not shift fire times.
 */
public final class QuartzScheduler implements Managed {
  /** The job group of Otedama's jobs. */
  static final String GROUP = "otedama";

  /** The trigger group of runs triggered through the API. */
  static final String MANUAL_GROUP = "MANUAL_TRIGGER";

  private static final Logger LOG = LoggerFactory.getLogger(QuartzScheduler.class);

  private final SchedulingConfiguration config;
  private final DataSource dataSource;
  private final Map<String, ScheduledTask> tasks = new LinkedHashMap<>();
  private final List<String> disabled;
  private final JobRunLog runLog;
  private final JobMetrics metrics;
  private volatile Scheduler scheduler;

  QuartzScheduler(
      SchedulingConfiguration config,
      DataSource dataSource,
      List<ScheduledTask> tasks,
      List<String> disabled,
      JobRunLog runLog,
      JobMetrics metrics) {
    this.config = config;
    this.dataSource = dataSource;
    for (ScheduledTask task : tasks) {
      if (this.tasks.put(task.name(), task) != null) {
        throw new IllegalArgumentException("two jobs are named " + task.name());
      }
    }
    this.disabled = List.copyOf(disabled);
    this.runLog = runLog;
    this.metrics = metrics;
  }

  @Override
  public void start() throws SchedulerException {
    String dataSourceName = "otedama-" + UUID.randomUUID();
    DBConnectionManager.getInstance()
        .addConnectionProvider(dataSourceName, new DataSourceConnectionProvider(dataSource));
    StdSchedulerFactory factory = new StdSchedulerFactory(properties(dataSourceName));
    Scheduler created = factory.getScheduler();
    // Quartz keeps schedulers in a JVM-wide registry by name and would hand this one to the next
    // factory with the same name; every replica (and every test app) needs its own instance.
    SchedulerRepository.getInstance().remove(created.getSchedulerName());
    created.setJobFactory((bundle, s) -> {
      String name = bundle.getJobDetail().getKey().getName();
      ScheduledTask task = tasks.get(name);
      if (task == null) {
        throw new SchedulerException("no job named " + name + " on this replica");
      }
      return new TaskJob(task, runLog, metrics);
    });
    Map<String, JobRun> latest = runLog.latest();
    for (String name : disabled) {
      if (created.deleteJob(jobKey(name))) {
        LOG.info("job {} is disabled by configuration: unscheduled", name);
      }
    }
    for (ScheduledTask task : tasks.values()) {
      schedule(created, task);
      metrics.register(
          task.name(),
          runLog.lastFinished(task.name(), "success").orElse(null),
          runLog.lastFinished(task.name(), "failure").orElse(null));
    }
    created.start();
    scheduler = created;
    LOG.info(
        "Quartz scheduler {} started with {} jobs ({} had run before)",
        created.getSchedulerInstanceId(),
        tasks.size(),
        latest.size());
  }

  @Override
  public void stop() throws SchedulerException {
    Scheduler s = scheduler;
    scheduler = null;
    if (s != null) {
      s.shutdown(true);
    }
  }

  /** The jobs this replica schedules, with their triggers' state and last runs. */
  public List<JobView> jobs() throws SchedulerException {
    Scheduler s = running();
    Map<String, JobRun> latest = runLog.latest();
    List<String> executing = new ArrayList<>();
    for (var context : s.getCurrentlyExecutingJobs()) {
      executing.add(context.getJobDetail().getKey().getName());
    }
    List<JobView> views = new ArrayList<>();
    for (ScheduledTask task : tasks.values()) {
      Trigger trigger = s.getTrigger(triggerKey(task.name()));
      JobRun last = latest.get(task.name());
      views.add(
          new JobView(
              task.name(),
              task.description(),
              task.schedule().describe(),
              task.schedule().misfire().wireName(),
              instant(trigger == null ? null : trigger.getNextFireTime()),
              instant(trigger == null ? null : trigger.getPreviousFireTime()),
              trigger == null ? "none" : s.getTriggerState(trigger.getKey()).name().toLowerCase(),
              executing.contains(task.name()) || (last != null && "running".equals(last.outcome())),
              last));
    }
    return views;
  }

  public Optional<ScheduledTask> task(String name) {
    return Optional.ofNullable(tasks.get(name));
  }

  /** Runs a job now, on whichever replica picks it up first; false for an unknown job. */
  public boolean triggerNow(String name) throws SchedulerException {
    if (!tasks.containsKey(name)) {
      return false;
    }
    Scheduler s = running();
    s.scheduleJob(
        TriggerBuilder.newTrigger()
            .withIdentity(name + "-" + UUID.randomUUID(), MANUAL_GROUP)
            .forJob(jobKey(name))
            .startNow()
            .withSchedule(
                SimpleScheduleBuilder.simpleSchedule().withMisfireHandlingInstructionFireNow())
            .build());
    return true;
  }

  private Scheduler running() throws SchedulerException {
    Scheduler s = scheduler;
    if (s == null) {
      throw new SchedulerException("the scheduler is not running");
    }
    return s;
  }

  private void schedule(Scheduler s, ScheduledTask task) throws SchedulerException {
    JobDetail job =
        JobBuilder.newJob(TaskJob.class)
            .withIdentity(jobKey(task.name()))
            .withDescription(task.description())
            .storeDurably()
            .requestRecovery(task.recover())
            .build();
    Trigger wanted = trigger(task);
    Trigger existing = s.getTrigger(wanted.getKey());
    if (existing != null && sameSchedule(existing, wanted) && s.checkExists(job.getKey())) {
      return;
    }
    try {
      s.scheduleJob(job, java.util.Set.of(wanted), true);
    } catch (ObjectAlreadyExistsException e) {
      LOG.debug("job {} was scheduled by another replica meanwhile", task.name());
    }
  }

  private static Trigger trigger(ScheduledTask task) {
    JobSchedule schedule = task.schedule();
    TriggerBuilder<Trigger> builder =
        TriggerBuilder.newTrigger()
            .withIdentity(triggerKey(task.name()))
            .forJob(jobKey(task.name()))
            .withDescription(schedule.describe());
    if (schedule.cron() != null) {
      CronScheduleBuilder cron =
          CronScheduleBuilder.cronSchedule(schedule.cron())
              .inTimeZone(java.util.TimeZone.getTimeZone("UTC"));
      cron =
          schedule.misfire() == MisfirePolicy.FIRE_ONCE_NOW
              ? cron.withMisfireHandlingInstructionFireAndProceed()
              : cron.withMisfireHandlingInstructionDoNothing();
      return builder.withSchedule(cron).build();
    }
    SimpleScheduleBuilder simple =
        SimpleScheduleBuilder.simpleSchedule()
            .withIntervalInMilliseconds(schedule.interval().toMillis())
            .repeatForever();
    simple =
        schedule.misfire() == MisfirePolicy.FIRE_ONCE_NOW
            ? simple.withMisfireHandlingInstructionNowWithRemainingCount()
            : simple.withMisfireHandlingInstructionNextWithRemainingCount();
    // the first run one interval after start: a replica restart does not run everything at once
    return builder
        .startAt(Date.from(Instant.now().plus(schedule.interval())))
        .withSchedule(simple)
        .build();
  }

  private static boolean sameSchedule(Trigger existing, Trigger wanted) {
    if (existing.getMisfireInstruction() != wanted.getMisfireInstruction()) {
      return false;
    }
    if (existing instanceof CronTrigger a && wanted instanceof CronTrigger b) {
      return a.getCronExpression().equals(b.getCronExpression());
    }
    if (existing instanceof SimpleTrigger a && wanted instanceof SimpleTrigger b) {
      return a.getRepeatInterval() == b.getRepeatInterval();
    }
    return false;
  }

  private Properties properties(String dataSourceName) {
    Properties p = new Properties();
    p.setProperty(StdSchedulerFactory.PROP_SCHED_INSTANCE_NAME, config.getSchedulerName());
    p.setProperty(
        StdSchedulerFactory.PROP_SCHED_INSTANCE_ID, StdSchedulerFactory.AUTO_GENERATE_INSTANCE_ID);
    p.setProperty(
        StdSchedulerFactory.PROP_SCHED_INSTANCE_ID_GENERATOR_CLASS,
        UniqueInstanceIdGenerator.class.getName());
    p.setProperty(StdSchedulerFactory.PROP_SCHED_MAKE_SCHEDULER_THREAD_DAEMON, "true");
    p.setProperty(StdSchedulerFactory.PROP_SCHED_INTERRUPT_JOBS_ON_SHUTDOWN, "false");
    p.setProperty("org.quartz.threadPool.class", "org.quartz.simpl.SimpleThreadPool");
    p.setProperty("org.quartz.threadPool.threadCount", Integer.toString(config.getThreadCount()));
    p.setProperty("org.quartz.threadPool.makeThreadsDaemons", "true");
    p.setProperty("org.quartz.jobStore.class", "org.quartz.impl.jdbcjobstore.JobStoreTX");
    p.setProperty(
        "org.quartz.jobStore.driverDelegateClass",
        "org.quartz.impl.jdbcjobstore.PostgreSQLDelegate");
    p.setProperty("org.quartz.jobStore.dataSource", dataSourceName);
    p.setProperty("org.quartz.jobStore.tablePrefix", "QRTZ_");
    p.setProperty("org.quartz.jobStore.isClustered", "true");
    p.setProperty(
        "org.quartz.jobStore.clusterCheckinInterval",
        Long.toString(config.getClusterCheckinInterval().toMilliseconds()));
    p.setProperty(
        "org.quartz.jobStore.misfireThreshold",
        Long.toString(config.getMisfireThreshold().toMilliseconds()));
    p.setProperty("org.quartz.jobStore.useProperties", "true");
    p.setProperty(
        "org.quartz.scheduler.idleWaitTime", Long.toString(config.getIdleWait().toMilliseconds()));
    return p;
  }

  static JobKey jobKey(String name) {
    return JobKey.jobKey(name, GROUP);
  }

  static TriggerKey triggerKey(String name) {
    return TriggerKey.triggerKey(name, GROUP);
  }

  private static Instant instant(Date date) {
    return date == null ? null : date.toInstant();
  }
}
