package io.otedama.controller.shares;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The share metrics of docs/metrics.md: {@code otedama_shares_total{result,reason}} (every reason
 * registered at zero up front), {@code otedama_rig_shares_total{rig,result}} and {@code
 * otedama_rig_estimated_hashrate_hs{rig}} per rig (removed by {@link #forgetRig}), and {@code
 * otedama_pool_shares_total{pool,result}} for forwarded shares.
 */
public final class ShareMetrics {
  /** The estimate's window: 10 minutes in 60 buckets. */
  public static final Duration HASHRATE_WINDOW = Duration.ofMinutes(10);

  private final MeterRegistry registry;
  private final Clock clock;
  private final Counter accepted;
  private final Map<RejectReason, Counter> rejected = new EnumMap<>(RejectReason.class);
  private final Map<String, RigMeters> rigs = new ConcurrentHashMap<>();
  private final Map<String, Counter> poolCounters = new ConcurrentHashMap<>();
  private final Timer ingestWait;

  private final class RigMeters {
    final Counter accepted;
    final Counter rejected;
    final HashrateEstimate hashrate = new HashrateEstimate(HASHRATE_WINDOW, 60);
    final Gauge gauge;

    RigMeters(String rigId) {
      accepted = rigCounter(rigId, "accepted");
      rejected = rigCounter(rigId, "rejected");
      gauge =
          Gauge.builder(
                  "otedama_rig_estimated_hashrate_hs",
                  hashrate,
                  h -> h.hashesPerSecond(clock.instant()))
              .description("Hashrate estimated from the difficulty of accepted shares")
              .tag("rig", rigId)
              .register(registry);
    }

    List<Meter> meters() {
      List<Meter> list = new ArrayList<>();
      list.add(accepted);
      list.add(rejected);
      list.add(gauge);
      return list;
    }
  }

  public ShareMetrics(MeterRegistry registry, Clock clock) {
    this.registry = registry;
    this.clock = clock;
    this.accepted = sharesCounter("accepted", "none");
    for (RejectReason reason : RejectReason.values()) {
      rejected.put(reason, sharesCounter("rejected", reason.wireName()));
    }
    this.ingestWait =
        Timer.builder("otedama_share_ingest_wait_seconds")
            .description(
                "From a share batch's arrival at the controller's MQTT client to the share path"
                    + " taking it (the inbound dispatch queue)")
            .publishPercentileHistogram()
            .minimumExpectedValue(Duration.ofNanos(500_000))
            .maximumExpectedValue(Duration.ofSeconds(60))
            .serviceLevelObjectives(
                Duration.ofMillis(1),
                Duration.ofMillis(5),
                Duration.ofMillis(10),
                Duration.ofMillis(25),
                Duration.ofMillis(50),
                Duration.ofMillis(100),
                Duration.ofMillis(250),
                Duration.ofSeconds(1))
            .register(registry);
  }

  /** Records how long a share batch waited between arrival and the share path taking it. */
  public void ingestWait(Duration waited) {
    ingestWait.record(waited.isNegative() ? Duration.ZERO : waited);
  }

  private Counter sharesCounter(String result, String reason) {
    return Counter.builder("otedama_shares_total")
        .description("Shares validated by the controller")
        .tag("result", result)
        .tag("reason", reason)
        .register(registry);
  }

  private Counter rigCounter(String rigId, String result) {
    return Counter.builder("otedama_rig_shares_total")
        .description("Shares validated per rig")
        .tag("rig", rigId)
        .tag("result", result)
        .register(registry);
  }

  /** Counts an accepted share and feeds the rig's hashrate estimate. */
  public void accepted(String rigId, double creditedDifficulty, Instant at) {
    accepted.increment();
    RigMeters m = rig(rigId);
    m.accepted.increment();
    m.hashrate.add(creditedDifficulty, at);
  }

  /** Counts a rejected share. */
  public void rejected(String rigId, RejectReason reason) {
    rejected.get(reason).increment();
    if (rigId != null) {
      rig(rigId).rejected.increment();
    }
  }

  /** Counts a forwarded share by the upstream's answer. */
  public void upstream(String pool, String result) {
    poolCounters
        .computeIfAbsent(
            pool + '\u0000' + result,
            k ->
                Counter.builder("otedama_pool_shares_total")
                    .description("Shares forwarded to an upstream pool, by its answer")
                    .tag("pool", pool)
                    .tag("result", result)
                    .register(registry))
        .increment();
  }

  /** The rig's current estimate in H/s (0 for an unknown rig). */
  public double estimatedHashrate(String rigId) {
    RigMeters m = rigs.get(rigId);
    return m == null ? 0 : m.hashrate.hashesPerSecond(clock.instant());
  }

  /**
   * The rig's current estimate in H/s, or empty when no accepted share of it has been seen since
   * the controller started (or since its series were removed).
   */
  public java.util.OptionalDouble estimate(String rigId) {
    RigMeters m = rigs.get(rigId);
    return m == null
        ? java.util.OptionalDouble.empty()
        : java.util.OptionalDouble.of(m.hashrate.hashesPerSecond(clock.instant()));
  }

  /** Removes a rig's series (when it goes offline or is released). */
  public void forgetRig(String rigId) {
    RigMeters m = rigs.remove(rigId);
    if (m != null) {
      m.meters().forEach(registry::remove);
    }
  }

  private RigMeters rig(String rigId) {
    return rigs.computeIfAbsent(rigId, RigMeters::new);
  }
}
