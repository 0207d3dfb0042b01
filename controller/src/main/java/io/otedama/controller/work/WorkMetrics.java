package io.otedama.controller.work;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;

/**
 * The work feature's own meters: blocks the local source found, assignments the rig transport could
 * not take, and how long a new job takes to reach every rig of a feed. (Vardiff and failover meters
 * live with {@link WorkAssignments} and {@link FailoverWorkSource}.)
 */
public final class WorkMetrics {
  private final MeterRegistry registry;
  private final Counter publishFailed;

  public WorkMetrics(MeterRegistry registry) {
    this.registry = registry;
    this.publishFailed =
        Counter.builder("otedama_work_publish_failed_total")
            .description("Work assignments the rig transport (MQTT) refused or failed to take")
            .register(registry);
  }

  /** Counts a block found on a profile's source. */
  public void blockFound(String profile) {
    Counter.builder("otedama_blocks_found_total")
        .description("Blocks found: shares that met the network target of the local source")
        .tag("profile", profile)
        .register(registry)
        .increment();
  }

  /** Creates the block counter of a profile at 0, so the first block is seen by increase(). */
  void registerProfile(String profile) {
    Counter.builder("otedama_blocks_found_total")
        .description("Blocks found: shares that met the network target of the local source")
        .tag("profile", profile)
        .register(registry);
  }

  void publishFailed() {
    publishFailed.increment();
  }

  /** The fan-out timer of one feed (profile). */
  Timer fanout(String profile) {
    return Timer.builder("otedama_work_fanout_seconds")
        .description(
            "From a new job arriving from the work source to its assignment handed to the rig"
                + " transport (or the Stratum connection) for every rig of the feed")
        .tag("profile", profile)
        .publishPercentiles(0.5, 0.99)
        .publishPercentileHistogram()
        .minimumExpectedValue(Duration.ofMillis(1))
        .maximumExpectedValue(Duration.ofSeconds(60))
        .register(registry);
  }

  /** Records one fan-out. */
  static void record(Timer timer, Duration took) {
    if (timer != null) {
      timer.record(took);
    }
  }
}
