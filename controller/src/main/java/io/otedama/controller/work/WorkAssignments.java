package io.otedama.controller.work;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every rig's work: puts a rig on the feed of its group's profile, moves a group's rigs at once
 * when the group gets another profile, releases rigs, and retargets vardiff (delivering the job
 * again at the new difficulty). Observes each retarget in {@code otedama_vardiff_difficulty}.
 */
public final class WorkAssignments {
  private static final Logger LOG = LoggerFactory.getLogger(WorkAssignments.class);

  private final FeedDirectory feeds;
  private final Clock clock;
  private final Map<String, RigWork> rigs = new ConcurrentHashMap<>();
  private final DistributionSummary assignedDifficulty;

  public WorkAssignments(FeedDirectory feeds, Clock clock, MeterRegistry registry) {
    this.feeds = Objects.requireNonNull(feeds, "feeds");
    this.clock = Objects.requireNonNull(clock, "clock");
    double[] buckets = new double[22];
    for (int i = 0; i < buckets.length; i++) {
      buckets[i] = Math.pow(4, i - 5);
    }
    this.assignedDifficulty =
        DistributionSummary.builder("otedama_vardiff_difficulty")
            .description("Share difficulty assigned by vardiff, observed at every retarget")
            .serviceLevelObjectives(buckets)
            .register(registry);
  }

  /**
   * Puts the rig on its group's feed (replacing an earlier registration under the same key) and
   * delivers the current job.
   *
   * @throws SliceExhaustedException when the feed has no free slice
   */
  public RigWork assign(RigWork rig) throws SliceExhaustedException {
    RigWork previous = rigs.put(rig.key(), rig);
    if (previous != null && previous != rig && previous.feed() != null) {
      previous.feed().detach(previous);
    }
    try {
      feeds.feedFor(rig.groupId()).attach(rig);
    } catch (SliceExhaustedException | RuntimeException e) {
      rigs.remove(rig.key(), rig);
      throw e;
    }
    return rig;
  }

  /** Takes the rig off its feed. */
  public void release(String key) {
    RigWork rig = rigs.remove(key);
    if (rig != null && rig.feed() != null) {
      rig.feed().detach(rig);
    }
  }

  public Optional<RigWork> find(String key) {
    return Optional.ofNullable(rigs.get(key));
  }

  public Collection<RigWork> all() {
    return rigs.values();
  }

  /**
   * Moves the rigs of a group whose profile changed onto their new feed at once, each with the new
   * feed's current job. Returns how many moved.
   */
  public int moveGroup(Long groupId) {
    return rehome(rig -> Objects.equals(rig.groupId(), groupId));
  }

  /** Moves the rigs of a feed that is being replaced onto their group's feed now. */
  public int moveFeed(WorkFeed old) {
    return rehome(rig -> rig.feed() == old);
  }

  /**
   * Moves one rig to the feed of its group's profile if it is on another one; returns whether it
   * moved.
   */
  public boolean rehome(RigWork rig) {
    return rehome(r -> r == rig) > 0;
  }

  private int rehome(java.util.function.Predicate<RigWork> which) {
    int moved = 0;
    for (RigWork rig : rigs.values()) {
      if (!which.test(rig)) {
        continue;
      }
      WorkFeed target = feeds.feedFor(rig.groupId());
      if (rig.feed() == target) {
        continue;
      }
      WorkFeed old = rig.feed();
      if (old != null) {
        old.detach(rig);
      }
      try {
        target.attach(rig);
        moved++;
      } catch (SliceExhaustedException e) {
        LOG.warn("{}", e.getMessage());
        rig.subscriber().withdrawn(rig, e.getMessage());
      }
    }
    if (moved > 0) {
      LOG.info("moved {} rigs to their profile's feed", moved);
    }
    return moved;
  }

  /** Runs vardiff for every rig; rigs whose difficulty changed get their job again. */
  public int retargetAll() {
    Instant now = clock.instant();
    int changed = 0;
    for (RigWork rig : rigs.values()) {
      if (retarget(rig, now)) {
        changed++;
      }
    }
    return changed;
  }

  /** Runs vardiff for one rig; returns whether its difficulty changed (and was delivered). */
  public boolean retarget(RigWork rig, Instant now) {
    double d = rig.vardiff().retarget(now);
    if (Double.isNaN(d)) {
      return false;
    }
    assignedDifficulty.record(d);
    rig.redeliver();
    return true;
  }
}
