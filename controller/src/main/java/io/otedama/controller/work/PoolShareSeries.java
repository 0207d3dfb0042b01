package io.otedama.controller.work;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;

/**
 * Registers {@code otedama_pool_shares_total{pool,result}} at zero for every pool a work source is
 * built for, so the Pools dashboard and the reject-rate alerts see each pool from its first scrape
 * instead of from its first forwarded share (which on the local source is a found block). The
 * shares feature increments the same counters (Micrometer hands back the registered one).
 */
final class PoolShareSeries {
  /** The answers an upstream gives, as {@link UpstreamResult.Status#wireName()} spells them. */
  private static final List<UpstreamResult.Status> RESULTS =
      List.of(
          UpstreamResult.Status.ACCEPTED,
          UpstreamResult.Status.REJECTED,
          UpstreamResult.Status.STALE);

  private PoolShareSeries() {}

  static void register(MeterRegistry registry, String pool) {
    for (UpstreamResult.Status result : RESULTS) {
      Counter.builder("otedama_pool_shares_total")
          .description("Shares forwarded to an upstream pool, by its answer")
          .tag("pool", pool)
          .tag("result", result.wireName())
          .register(registry);
    }
  }
}
