package io.otedama.controller.work;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands one source's jobs to the rigs mining for it. Each job gets a short local id and the slice
 * layout of its session; the feed keeps the recent jobs for share validation (superseding them all
 * on a clean job or a new session, forgetting them after a retention time), gives every attached
 * rig a slot of its own, and delivers every new job to every rig (the fan-out).
 *
 * <p>Thread-safe: jobs arrive on the source's thread, rigs attach and detach from any thread.
 */
public final class WorkFeed implements WorkSourceListener {
  private static final Logger LOG = LoggerFactory.getLogger(WorkFeed.class);

  private final WorkSource source;
  private final FeedSettings settings;
  private final Clock clock;
  private final Map<String, IssuedJob> jobs = new ConcurrentHashMap<>();
  private final Deque<IssuedJob> order = new ArrayDeque<>();
  private final Map<String, RigWork> rigs = new ConcurrentHashMap<>();
  private final BitSet slots = new BitSet();
  private final Map<Long, SliceLayout> layouts = new ConcurrentHashMap<>();
  private final Object lock = new Object();
  private volatile IssuedJob current;
  private long nextJobNumber = 1;
  private final io.micrometer.core.instrument.Timer fanout;

  public WorkFeed(WorkSource source, FeedSettings settings, Clock clock) {
    this(source, settings, clock, null);
  }

  /**
   * @param fanout records how long each job takes to reach every rig ({@code
   *     otedama_work_fanout_seconds}), or null
   */
  public WorkFeed(
      WorkSource source,
      FeedSettings settings,
      Clock clock,
      io.micrometer.core.instrument.Timer fanout) {
    this.source = source;
    this.settings = settings;
    this.clock = clock;
    this.fanout = fanout;
    source.addListener(this);
  }

  public WorkSource source() {
    return source;
  }

  public String name() {
    return source.name();
  }

  /** The latest job, if any. */
  public Optional<IssuedJob> current() {
    return Optional.ofNullable(current);
  }

  /** A job still known under its local id. */
  public Optional<IssuedJob> find(String jobId) {
    return Optional.ofNullable(jobs.get(jobId));
  }

  public int rigCount() {
    return rigs.size();
  }

  /** The rigs attached now. */
  public Collection<RigWork> rigs() {
    return rigs.values();
  }

  /**
   * Gives the rig a slot and delivers the current job to it, if there is one.
   *
   * @throws SliceExhaustedException when every slot of the current layout is taken
   */
  public void attach(RigWork rig) throws SliceExhaustedException {
    int slot;
    synchronized (lock) {
      slot = slots.nextClearBit(0);
      IssuedJob now = current;
      long capacity =
          now == null
              ? settings.plannedRigs()
              : Math.min(settings.plannedRigs(), now.layout().slots());
      if (slot >= capacity) {
        throw new SliceExhaustedException(
            "work feed "
                + name()
                + " has no room for "
                + rig
                + ": all "
                + capacity
                + " slices of its session are taken (add an upstream session to the profile)");
      }
      slots.set(slot);
      rigs.put(rig.key(), rig);
      rig.attached(this, slot);
    }
    IssuedJob now = current;
    if (now != null) {
      rig.deliver(this, now);
    }
  }

  /** Frees the rig's slot; its shares for this feed's jobs are no longer accepted. */
  public void detach(RigWork rig) {
    synchronized (lock) {
      if (rigs.remove(rig.key(), rig)) {
        if (rig.slot() >= 0) {
          slots.clear(rig.slot());
        }
        rig.detached();
      }
    }
  }

  @Override
  public void onJob(SourceJob job) {
    long started = System.nanoTime();
    Instant now = clock.instant();
    IssuedJob issued;
    boolean replacesOthers;
    List<IssuedJob> dropped = new ArrayList<>();
    synchronized (lock) {
      SliceLayout layout =
          layouts.computeIfAbsent(
              job.session().id(),
              id ->
                  SliceLayout.plan(
                      job.session(),
                      settings.plannedRigs(),
                      settings.preferredRollBytes(),
                      settings.minRollVersionBits(),
                      settings.maxNtimeWindowBits()));
      issued = new IssuedJob(nextJobNumber++, job, layout, now, settings.dedupCapacity());
      IssuedJob previous = current;
      boolean newSession = previous != null && previous.session().id() != job.session().id();
      replacesOthers = job.cleanJobs() || newSession || previous == null;
      if (job.cleanJobs() || newSession) {
        for (IssuedJob old : order) {
          old.supersede(now);
        }
      }
      if (newSession) {
        layouts.keySet().removeIf(id -> id != job.session().id());
      }
      order.addLast(issued);
      jobs.put(issued.id(), issued);
      Instant cutoff = now.minus(settings.supersededRetention());
      while (!order.isEmpty()
          && (order.size() > settings.maxJobs()
              || (order.peekFirst().supersededAt() != null
                  && order.peekFirst().supersededAt().isBefore(cutoff)))) {
        IssuedJob old = order.pollFirst();
        jobs.remove(old.id());
        dropped.add(old);
      }
      current = issued;
    }
    if (LOG.isDebugEnabled()) {
      LOG.debug(
          "{}: {} to {} rigs, {} jobs forgotten", name(), issued, rigs.size(), dropped.size());
    }
    List<RigWork> targets = new ArrayList<>(rigs.values());
    int rate = settings.updateFanoutRate();
    if (replacesOthers || rate == 0) {
      // the rigs' current work is void (or there was none): every rig at once
      deliver(issued, targets, 0, targets.size());
      WorkMetrics.record(fanout, java.time.Duration.ofNanos(System.nanoTime() - started));
      return;
    }
    // An update leaves the rigs' current job valid, so it can arrive over a moment: 10,000 rigs
    // at once took both cores of a small controller for half a second, and every share arriving
    // then waited. The first slice goes now, the rest from a thread of its own at the rate.
    int perTick = Math.max(1, rate / TICKS_PER_SECOND);
    int first = Math.min(perTick, targets.size());
    deliver(issued, targets, 0, first);
    if (first == targets.size()) {
      WorkMetrics.record(fanout, java.time.Duration.ofNanos(System.nanoTime() - started));
      return;
    }
    Thread.ofVirtual()
        .name("work-fanout-" + name())
        .start(() -> paced(issued, targets, first, perTick, started));
  }

  private static final int TICKS_PER_SECOND = 100;

  /**
   * Delivers {@code issued} to {@code targets} from {@code from} on, {@code perTick} rigs every
   * tick; stops when a later job is current (it goes to every rig itself).
   */
  private void paced(IssuedJob issued, List<RigWork> targets, int from, int perTick, long started) {
    long tickNanos = 1_000_000_000L / TICKS_PER_SECOND;
    long due = started;
    for (int i = from; i < targets.size(); i += perTick) {
      due += tickNanos;
      long wait = due - System.nanoTime();
      if (wait > 0) {
        java.util.concurrent.locks.LockSupport.parkNanos(wait);
      }
      if (current != issued) {
        return;
      }
      deliver(issued, targets, i, Math.min(targets.size(), i + perTick));
    }
    WorkMetrics.record(fanout, java.time.Duration.ofNanos(System.nanoTime() - started));
  }

  private void deliver(IssuedJob issued, List<RigWork> targets, int from, int to) {
    for (int i = from; i < to; i++) {
      RigWork rig = targets.get(i);
      try {
        rig.deliver(this, issued);
      } catch (RuntimeException e) {
        LOG.warn("{}: delivering {} to {} failed", name(), issued.id(), rig, e);
      }
    }
  }

  @Override
  public String toString() {
    return "work feed " + name();
  }
}
