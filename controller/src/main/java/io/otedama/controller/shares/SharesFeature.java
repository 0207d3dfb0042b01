package io.otedama.controller.shares;

import io.dropwizard.core.setup.Environment;
import io.dropwizard.lifecycle.Managed;
import io.micrometer.core.instrument.MeterRegistry;
import io.otedama.controller.work.WorkFeature;
import java.time.Clock;
import java.time.Duration;
import org.jdbi.v3.core.Jdbi;

/**
 * Wires the share path: validator, metrics, the share log writer (started and stopped with the
 * server, flushing what is queued on stop) and {@code GET /api/v1/shares/summary}. The MQTT edge
 * hands agents' share batches to {@link #processor()}{@code .ingest(rigId, batch)}.
 */
public final class SharesFeature {
  private final ShareProcessor processor;
  private final ShareMetrics metrics;
  private final ShareLogWriter log;

  private SharesFeature(ShareProcessor processor, ShareMetrics metrics, ShareLogWriter log) {
    this.processor = processor;
    this.metrics = metrics;
    this.log = log;
  }

  public static SharesFeature install(
      WorkFeature work, Jdbi jdbi, Clock clock, MeterRegistry registry, Environment environment) {
    ShareLogWriter log =
        new ShareLogWriter(jdbi, clock, registry, 1000, Duration.ofSeconds(1), 1_000_000);
    ShareMetrics metrics = new ShareMetrics(registry, clock);
    ShareProcessor processor =
        new ShareProcessor(
            new ShareValidator(
                Duration.ofMillis(work.config().getStaleGrace().toMilliseconds()),
                Duration.ofSeconds(10)),
            work.assignments(),
            log,
            metrics,
            clock);
    environment
        .lifecycle()
        .manage(
            new Managed() {
              @Override
              public void start() {
                log.start();
              }

              @Override
              public void stop() {
                log.close();
              }
            });
    environment.jersey().register(new ShareSummaryResource(new ShareSummaryQuery(jdbi), clock));
    return new SharesFeature(processor, metrics, log);
  }

  public ShareProcessor processor() {
    return processor;
  }

  public ShareMetrics metrics() {
    return metrics;
  }

  public ShareLogWriter log() {
    return log;
  }
}
