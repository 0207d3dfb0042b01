package io.otedama.controller.fleet;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** A rig's telemetry between {@code from} and {@code to}, aggregated into {@code step} buckets. */
public record TelemetrySeries(
    String rigId, Instant from, Instant to, Duration step, List<Point> points) {

  /**
   * One bucket: averages of hashrate, fan and power, the hottest temperature, the highest share
   * counters seen, and how many samples it holds.
   */
  public record Point(
      Instant ts,
      double hashrateHs,
      Double temperatureC,
      Double fanRpm,
      Double powerW,
      Long accepted,
      Long rejected,
      long samples) {}
}
