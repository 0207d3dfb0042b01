package io.otedama.controller.scheduling;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code otedama_quartz_job_runs_total{quartz_job,outcome}} and the last success/failure timestamp
 * gauges of docs/metrics.md. Every series is created at 0 when the job is scheduled, so alerts see
 * the first failure. The gauges start from the run log (cluster-wide), then follow this replica's
 * runs: dashboards take {@code max} over replicas.
 */
final class JobMetrics {
  private final MeterRegistry registry;
  private final Map<String, Counter> successes = new ConcurrentHashMap<>();
  private final Map<String, Counter> failures = new ConcurrentHashMap<>();
  private final Map<String, AtomicLong> lastSuccess = new ConcurrentHashMap<>();
  private final Map<String, AtomicLong> lastFailure = new ConcurrentHashMap<>();

  JobMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  void register(String job, Instant lastSuccessAt, Instant lastFailureAt) {
    successes.computeIfAbsent(job, j -> counter(j, "success"));
    failures.computeIfAbsent(job, j -> counter(j, "failure"));
    gauge("otedama_quartz_job_last_success_timestamp_seconds", job, lastSuccess, lastSuccessAt);
    gauge("otedama_quartz_job_last_failure_timestamp_seconds", job, lastFailure, lastFailureAt);
  }

  void succeeded(String job, Instant at) {
    successes.computeIfAbsent(job, j -> counter(j, "success")).increment();
    lastSuccess.computeIfAbsent(job, j -> new AtomicLong()).set(at.getEpochSecond());
  }

  void failed(String job, Instant at) {
    failures.computeIfAbsent(job, j -> counter(j, "failure")).increment();
    lastFailure.computeIfAbsent(job, j -> new AtomicLong()).set(at.getEpochSecond());
  }

  private Counter counter(String job, String outcome) {
    return Counter.builder("otedama_quartz_job_runs")
        .description("Quartz job executions by outcome")
        .tag("quartz_job", job)
        .tag("outcome", outcome)
        .register(registry);
  }

  private void gauge(String name, String job, Map<String, AtomicLong> values, Instant initial) {
    AtomicLong value =
        values.computeIfAbsent(
            job, j -> new AtomicLong(initial == null ? 0 : initial.getEpochSecond()));
    Gauge.builder(name, value, AtomicLong::doubleValue)
        .tag("quartz_job", job)
        .baseUnit("seconds")
        .register(registry);
  }
}
