package io.otedama.controller.bench;

import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.CountAtBucket;
import io.micrometer.core.instrument.distribution.HistogramSnapshot;
import java.util.concurrent.TimeUnit;

/**
 * Percentiles of a Micrometer timer over a time window, from the difference of two snapshots of its
 * percentile histogram (about 10% wide buckets): the warm-up stays out of the figures. Values are
 * interpolated linearly inside the bucket that holds the percentile.
 */
final class LatencyWindow {

  private final Timer timer;
  private HistogramSnapshot start;
  private HistogramSnapshot end;

  LatencyWindow(Timer timer) {
    this.timer = timer;
  }

  void start() {
    start = timer.takeSnapshot();
  }

  void end() {
    end = timer.takeSnapshot();
  }

  long count() {
    return end.count() - start.count();
  }

  double meanMillis() {
    long n = count();
    return n == 0 ? 0 : (end.total(TimeUnit.MILLISECONDS) - start.total(TimeUnit.MILLISECONDS)) / n;
  }

  double maxMillisOfRecentWindow() {
    return end.max(TimeUnit.MILLISECONDS);
  }

  /** Fraction of the window's samples at or under {@code millis} (must be a bucket boundary). */
  double fractionAtOrUnder(double millis) {
    CountAtBucket[] a = start.histogramCounts();
    CountAtBucket[] b = end.histogramCounts();
    long total = count();
    for (int i = 0; i < b.length; i++) {
      if (Math.abs(b[i].bucket(TimeUnit.MILLISECONDS) - millis) < 1e-6) {
        return total == 0 ? 1 : (b[i].count() - a[i].count()) / total;
      }
    }
    throw new IllegalArgumentException(millis + " ms is not a bucket boundary");
  }

  double percentileMillis(double p) {
    CountAtBucket[] a = start.histogramCounts();
    CountAtBucket[] b = end.histogramCounts();
    long total = count();
    if (total == 0) {
      return 0;
    }
    double rank = p * total;
    double previousBound = 0;
    double previousCount = 0;
    for (int i = 0; i < b.length; i++) {
      double bound = b[i].bucket(TimeUnit.MILLISECONDS);
      double cumulative = b[i].count() - a[i].count();
      if (cumulative >= rank) {
        double inBucket = cumulative - previousCount;
        double fraction = inBucket == 0 ? 1 : (rank - previousCount) / inBucket;
        return previousBound + (bound - previousBound) * fraction;
      }
      previousBound = bound;
      previousCount = cumulative;
    }
    return Double.POSITIVE_INFINITY;
  }
}
