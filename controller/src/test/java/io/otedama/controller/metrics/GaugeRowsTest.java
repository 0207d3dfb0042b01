package io.otedama.controller.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GaugeRowsTest {
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final GaugeRows rows = new GaugeRows(registry, "otedama.rig.test", "a test", null);

  private Map<String, Double> exposed() {
    return registry.find("otedama.rig.test").gauges().stream()
        .collect(java.util.stream.Collectors.toMap(g -> g.getId().getTag("rig"), Gauge::value));
  }

  @Test
  void aRefreshUpdatesValuesInPlaceAddsNewRowsAndDropsGoneOnes() {
    rows.set(Map.of(Tags.of("rig", "a"), 1.0, Tags.of("rig", "b"), 2.0));
    assertThat(exposed()).containsExactlyInAnyOrderEntriesOf(Map.of("a", 1.0, "b", 2.0));
    Gauge a = registry.find("otedama.rig.test").tag("rig", "a").gauge();

    rows.set(Map.of(Tags.of("rig", "a"), 5.0, Tags.of("rig", "c"), 3.0));
    assertThat(exposed()).containsExactlyInAnyOrderEntriesOf(Map.of("a", 5.0, "c", 3.0));
    // the row that stayed is the same meter, not a new registration
    assertThat(registry.find("otedama.rig.test").tag("rig", "a").gauge()).isSameAs(a);

    rows.set(Map.of(Tags.of("rig", "b"), 7.0));
    assertThat(exposed()).containsExactlyInAnyOrderEntriesOf(Map.of("b", 7.0));
    Gauge b = registry.find("otedama.rig.test").tag("rig", "b").gauge();
    // the same rows again: only the value changes, on the same meter
    rows.set(Map.of(Tags.of("rig", "b"), 8.0));
    assertThat(exposed()).containsExactlyInAnyOrderEntriesOf(Map.of("b", 8.0));
    assertThat(registry.find("otedama.rig.test").tag("rig", "b").gauge()).isSameAs(b);
    rows.set(Map.of());
    assertThat(exposed()).isEmpty();
  }
}
