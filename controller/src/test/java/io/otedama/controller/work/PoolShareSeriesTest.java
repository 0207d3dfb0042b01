package io.otedama.controller.work;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.otedama.controller.shares.ShareMetrics;
import java.time.Clock;
import org.junit.jupiter.api.Test;

class PoolShareSeriesTest {

  @Test
  void everyAnswerOfAPoolIsRegisteredAtZeroAndTheSharePathCountsIntoTheSameCounter() {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    PoolShareSeries.register(registry, "pool-a");

    for (String result : new String[] {"accepted", "rejected", "stale"}) {
      Counter counter =
          registry
              .get("otedama_pool_shares_total")
              .tag("pool", "pool-a")
              .tag("result", result)
              .counter();
      assertThat(counter.count()).as(result).isZero();
    }
    new ShareMetrics(registry, Clock.systemUTC()).upstream("pool-a", "rejected");
    assertThat(
            registry
                .get("otedama_pool_shares_total")
                .tag("pool", "pool-a")
                .tag("result", "rejected")
                .counter()
                .count())
        .isEqualTo(1);
    assertThat(registry.find("otedama_pool_shares_total").counters()).hasSize(3);
  }
}
