package io.otedama.controller.scheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.otedama.controller.db.JdbiDataSource;
import io.otedama.controller.support.MigratedDatabase;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two clustered Quartz schedulers (two replicas) on one database, each with the same jobs: every
 * fire time of a job runs once in the whole cluster, a manual run runs once, and both replicas see
 * the same run log.
 */
class ClusteredSchedulerTest {
  private static final Map<Instant, AtomicInteger> TICKS = new ConcurrentHashMap<>();
  private static final Map<String, AtomicInteger> TICKS_BY_REPLICA = new ConcurrentHashMap<>();
  private static final AtomicInteger MANUAL = new AtomicInteger();
  private static Jdbi jdbi;
  private static QuartzScheduler replicaA;
  private static QuartzScheduler replicaB;
  private static SimpleMeterRegistry metricsA;
  private static SimpleMeterRegistry metricsB;

  @BeforeAll
  static void cluster() throws Exception {
    jdbi = MigratedDatabase.create();
    metricsA = new SimpleMeterRegistry();
    metricsB = new SimpleMeterRegistry();
    replicaA = replica("a", metricsA);
    replicaB = replica("b", metricsB);
    replicaA.start();
    replicaB.start();
  }

  @AfterAll
  static void stop() throws Exception {
    replicaA.stop();
    replicaB.stop();
  }

  private static QuartzScheduler replica(String name, SimpleMeterRegistry metrics) {
    SchedulingConfiguration config = new SchedulingConfiguration();
    config.setClusterCheckinInterval(io.dropwizard.util.Duration.seconds(1));
    config.setIdleWait(io.dropwizard.util.Duration.seconds(1));
    config.setThreadCount(2);
    ScheduledTask tick =
        new ScheduledTask(
            "tick",
            "counts its fire times",
            JobSchedule.every(Duration.ofMillis(1000), MisfirePolicy.FIRE_ONCE_NOW),
            false,
            at -> {
              TICKS.computeIfAbsent(at, t -> new AtomicInteger()).incrementAndGet();
              TICKS_BY_REPLICA.computeIfAbsent(name, t -> new AtomicInteger()).incrementAndGet();
              return "tick " + at + " on " + name;
            });
    ScheduledTask manual =
        new ScheduledTask(
            "manual",
            "runs only when triggered",
            JobSchedule.cron("0 0 0 1 1 ? 2099", MisfirePolicy.SKIP_TO_NEXT),
            false,
            at -> "manual run " + MANUAL.incrementAndGet());
    ScheduledTask failing =
        new ScheduledTask(
            "failing",
            "always fails",
            JobSchedule.cron("0 0 0 1 1 ? 2099", MisfirePolicy.SKIP_TO_NEXT),
            false,
            at -> {
              throw new IllegalStateException("the upstream is down");
            });
    return new QuartzScheduler(
        config,
        new JdbiDataSource(jdbi),
        List.of(tick, manual, failing),
        List.of(),
        new JobRunLog(jdbi, Clock.systemUTC()),
        new JobMetrics(metrics));
  }

  @Test
  void eachFireTimeRunsOnceAcrossTheCluster() {
    await().atMost(Duration.ofSeconds(20)).until(() -> TICKS.size() >= 6);
    assertThat(TICKS.values()).allSatisfy(count -> assertThat(count.get()).isEqualTo(1));
    long logged =
        jdbi.withHandle(h ->
            h.createQuery("SELECT count(*) FROM scheduled_job_runs WHERE job = 'tick'")
                .mapTo(Long.class)
                .one());
    int ran = TICKS.values().stream().mapToInt(AtomicInteger::get).sum();
    assertThat(logged).isGreaterThanOrEqualTo(ran);
    double counted =
        metricsA
                .counter("otedama_quartz_job_runs", "quartz_job", "tick", "outcome", "success")
                .count()
            + metricsB
                .counter("otedama_quartz_job_runs", "quartz_job", "tick", "outcome", "success")
                .count();
    assertThat(counted).isGreaterThanOrEqualTo(6);
  }

  @Test
  void aManualRunRunsOnceAndBothReplicasSeeItsOutcome() throws Exception {
    assertThat(replicaB.triggerNow("manual")).isTrue();
    assertThat(replicaB.triggerNow("no-such-job")).isFalse();
    await()
        .atMost(Duration.ofSeconds(15))
        .until(() -> outcome(replicaA, "manual").equals("success"));
    JobView seenByB =
        replicaB.jobs().stream().filter(j -> j.name().equals("manual")).findFirst().orElseThrow();
    assertThat(seenByB.lastRun().manual()).isTrue();
    assertThat(seenByB.lastRun().detail()).isEqualTo("manual run 1");
    assertThat(seenByB.nextRun()).isEqualTo(Instant.parse("2099-01-01T00:00:00Z"));
    assertThat(MANUAL.get()).isEqualTo(1);
  }

  @Test
  void aFailureIsLoggedAndCounted() throws Exception {
    replicaA.triggerNow("failing");
    await()
        .atMost(Duration.ofSeconds(15))
        .until(() -> outcome(replicaB, "failing").equals("failure"));
    JobView failing =
        replicaA.jobs().stream().filter(j -> j.name().equals("failing")).findFirst().orElseThrow();
    assertThat(failing.lastRun().detail()).isEqualTo("the upstream is down");
    assertThat(failing.misfirePolicy()).isEqualTo("skip_to_next");
    double failures =
        metricsA
                .counter("otedama_quartz_job_runs", "quartz_job", "failing", "outcome", "failure")
                .count()
            + metricsB
                .counter("otedama_quartz_job_runs", "quartz_job", "failing", "outcome", "failure")
                .count();
    assertThat(failures).isEqualTo(1);
    double lastFailure =
        metricsA
                .get("otedama_quartz_job_last_failure_timestamp_seconds")
                .tag("quartz_job", "failing")
                .gauge()
                .value()
            + metricsB
                .get("otedama_quartz_job_last_failure_timestamp_seconds")
                .tag("quartz_job", "failing")
                .gauge()
                .value();
    assertThat(lastFailure).isPositive();
  }

  private static String outcome(QuartzScheduler replica, String job) throws Exception {
    return replica.jobs().stream()
        .filter(j -> j.name().equals(job))
        .findFirst()
        .map(j -> j.lastRun() == null ? "none" : j.lastRun().outcome())
        .orElse("none");
  }
}
