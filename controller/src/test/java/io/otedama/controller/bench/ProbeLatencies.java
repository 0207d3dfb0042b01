package io.otedama.controller.bench;

import io.otedama.controller.shares.AcceptedShare;
import io.otedama.controller.shares.ShareLogWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * Rig publish → committed latency of the probe rigs only, exact (every share kept): the probes run
 * in a simulator JVM of their own at normal priority while the rest of the fleet loads the
 * controller from a simulator that yields its CPU, so the probes' figures are what a rig on a
 * machine of its own sees, and the load generator's own scheduling does not enter them.
 */
final class ProbeLatencies implements ShareLogWriter.CommitListener {
  private volatile Set<String> probes = Set.of();
  private volatile boolean recording;
  private long[] millis = new long[1 << 14];
  private int count;

  void watch(Set<String> probeRigIds) {
    probes = Set.copyOf(probeRigIds);
  }

  void start() {
    recording = true;
  }

  void end() {
    recording = false;
  }

  @Override
  public void committed(List<AcceptedShare> shares, Instant committedAt) {
    if (!recording) {
      return;
    }
    Set<String> watched = probes;
    for (AcceptedShare share : shares) {
      if (share.submittedAt() != null && watched.contains(share.rigId())) {
        add(Math.max(0, Duration.between(share.submittedAt(), committedAt).toMillis()));
      }
    }
  }

  private synchronized void add(long value) {
    if (count == millis.length) {
      millis = Arrays.copyOf(millis, count * 2);
    }
    millis[count++] = value;
  }

  synchronized int count() {
    return count;
  }

  /** The value at {@code quantile} of the recorded latencies (nearest rank), in ms. */
  synchronized long percentile(double quantile) {
    if (count == 0) {
      return 0;
    }
    long[] sorted = Arrays.copyOf(millis, count);
    Arrays.sort(sorted);
    int rank = (int) Math.ceil(quantile * count);
    return sorted[Math.min(count, Math.max(1, rank)) - 1];
  }

  synchronized double fractionAtOrUnder(long limitMillis) {
    long n = 0;
    for (int i = 0; i < count; i++) {
      if (millis[i] <= limitMillis) {
        n++;
      }
    }
    return count == 0 ? 0 : (double) n / count;
  }
}
