package io.otedama.controller.bench;

import io.micrometer.core.instrument.Timer;
import io.otedama.controller.shares.AcceptedShare;
import io.otedama.controller.shares.ShareLogWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Where in the window the slow shares were: per second, the shares committed and those that took
 * over 50 ms from arrival, next to the seconds in which a job's fan-out to every rig finished, so a
 * tail can be tied to (or cleared of) the job changes.
 */
final class SlowShareTimeline implements ShareLogWriter.CommitListener {
  private static final long SLOW_MILLIS = 50;

  private final Timer fanout;
  private volatile long startMillis;
  private volatile boolean recording;
  private final long[][] seconds = new long[3600][2];
  private final List<Long> fanoutEnds = new ArrayList<>();
  private java.util.concurrent.ScheduledExecutorService poller;
  private long fanoutsSeen;

  SlowShareTimeline(Timer fanout) {
    this.fanout = fanout;
  }

  void start() {
    startMillis = System.currentTimeMillis();
    fanoutsSeen = fanout.count();
    recording = true;
    poller = java.util.concurrent.Executors.newSingleThreadScheduledExecutor();
    poller.scheduleAtFixedRate(this::noteFanouts, 100, 100, TimeUnit.MILLISECONDS);
  }

  /** The fan-out timer records when a job has reached every rig: note the second it did. */
  private void noteFanouts() {
    long now = fanout.count();
    if (now != fanoutsSeen) {
      fanoutsSeen = now;
      synchronized (fanoutEnds) {
        fanoutEnds.add((System.currentTimeMillis() - startMillis) / 1000);
      }
    }
  }

  void end() throws InterruptedException {
    recording = false;
    poller.shutdown();
    poller.awaitTermination(2, TimeUnit.SECONDS);
  }

  @Override
  public void committed(List<AcceptedShare> shares, Instant committedAt) {
    if (!recording) {
      return;
    }
    int second = (int) ((committedAt.toEpochMilli() - startMillis) / 1000);
    if (second < 0 || second >= seconds.length) {
      return;
    }
    long slow = 0;
    for (AcceptedShare share : shares) {
      if (Duration.between(share.ts(), committedAt).toMillis() > SLOW_MILLIS) {
        slow++;
      }
    }
    synchronized (seconds) {
      seconds[second][0] += shares.size();
      seconds[second][1] += slow;
    }
  }

  /** One line per second that had a slow share or a fan-out end. */
  void print() {
    List<Long> ends;
    synchronized (fanoutEnds) {
      ends = List.copyOf(fanoutEnds);
    }
    System.out.println(
        "slow shares by second (arrival -> logged over 50 ms; 'fan-out' = a job reached every"
            + " rig in that second):");
    long totalSlow = 0;
    synchronized (seconds) {
      for (int s = 0; s < seconds.length; s++) {
        boolean fanoutEnd = ends.contains((long) s);
        if (seconds[s][1] > 0 || fanoutEnd) {
          System.out.printf(
              "  t=%3d s  %5d of %5d shares slow%s%n",
              s, seconds[s][1], seconds[s][0], fanoutEnd ? "   fan-out" : "");
        }
        totalSlow += seconds[s][1];
      }
    }
    System.out.printf("  %d slow shares in all%n", totalSlow);
  }
}
