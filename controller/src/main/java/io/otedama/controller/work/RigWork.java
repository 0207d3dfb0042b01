package io.otedama.controller.work;

import java.util.Objects;

/**
 * One rig's work state: who it is, the feed it mines for and its slot there, its vardiff, and how
 * its work reaches it. Created by {@link WorkAssignments}; the share path reads it to validate the
 * rig's shares.
 */
public final class RigWork {
  /** How the rig is connected. */
  public enum Kind {
    AGENT,
    STRATUM
  }

  private final String key;
  private final Kind kind;
  private volatile String rigId;
  private volatile String account;
  private volatile Long groupId;
  private volatile Vardiff vardiff;
  private final WorkSubscriber subscriber;
  private volatile WorkFeed feed;
  private volatile int slot = -1;
  private volatile IssuedJob lastJob;
  private WorkFeed lastJobFeed;
  private volatile CachedSlice cachedSlice;
  // orders deliveries to this rig: the check that a job is not older than the last one and its
  // publication happen together, so a paced fan-out, a clean job and a retarget cannot reorder
  private final Object deliveryLock = new Object();

  private record CachedSlice(SliceLayout layout, int slot, WorkSlice slice) {}

  /**
   * @param key unique among all rigs' work: the rig id for an agent; for a Stratum connection the
   *     rig id and the connection (two miners may use one worker name, each needs its own slice)
   * @param account the account the rig's shares are credited to, or null when it has none yet
   * @param groupId the rig's group (which picks the work profile), or null for the default profile
   */
  public RigWork(
      String key,
      String rigId,
      String account,
      Kind kind,
      Long groupId,
      Vardiff vardiff,
      WorkSubscriber subscriber) {
    this.key = Objects.requireNonNull(key, "key");
    this.rigId = Objects.requireNonNull(rigId, "rigId");
    this.account = account;
    this.kind = Objects.requireNonNull(kind, "kind");
    this.groupId = groupId;
    this.vardiff = Objects.requireNonNull(vardiff, "vardiff");
    this.subscriber = Objects.requireNonNull(subscriber, "subscriber");
  }

  public String key() {
    return key;
  }

  public String rigId() {
    return rigId;
  }

  public String account() {
    return account;
  }

  public Kind kind() {
    return kind;
  }

  public Long groupId() {
    return groupId;
  }

  public Vardiff vardiff() {
    return vardiff;
  }

  /**
   * Sets who the rig is once known (a Stratum miner subscribes, and gets its slice, before it says
   * who it is). Move it with {@link WorkAssignments#rehome} afterwards if its group changed.
   */
  public void identify(String rigId, String account, Long groupId) {
    this.rigId = Objects.requireNonNull(rigId, "rigId");
    this.account = account;
    this.groupId = groupId;
  }

  /** Replaces the vardiff (a Stratum password {@code d=N} fixes the difficulty). */
  public void useVardiff(Vardiff vardiff) {
    this.vardiff = Objects.requireNonNull(vardiff, "vardiff");
  }

  public WorkSubscriber subscriber() {
    return subscriber;
  }

  /** The feed the rig mines for, or null while it has none. */
  public WorkFeed feed() {
    return feed;
  }

  /** The rig's slot in its feed, or -1. */
  public int slot() {
    return slot;
  }

  /** The job last delivered, or null. */
  public IssuedJob lastJob() {
    return lastJob;
  }

  /**
   * This rig's slice for the session of {@code job}, or null when its slot does not fit the
   * session's layout.
   */
  public WorkSlice sliceFor(IssuedJob job) {
    SliceLayout layout = job.layout();
    int s = slot;
    CachedSlice cached = cachedSlice;
    if (cached != null && cached.layout == layout && cached.slot == s) {
      return cached.slice;
    }
    if (s < 0 || s >= layout.slots()) {
      return null;
    }
    WorkSlice slice = layout.slice(s);
    cachedSlice = new CachedSlice(layout, s, slice);
    return slice;
  }

  void attached(WorkFeed feed, int slot) {
    this.feed = feed;
    this.slot = slot;
  }

  void detached() {
    this.feed = null;
    this.slot = -1;
    this.lastJob = null;
  }

  /**
   * Delivers a job of {@code from} at the current difficulty, unless the rig has moved to another
   * feed or already has a later job of that feed (a paced update fan-out reaching the rig after a
   * clean job, or a retarget racing a new job): a rig never goes back to older work.
   */
  void deliver(WorkFeed from, IssuedJob job) {
    boolean outsideSlice;
    synchronized (deliveryLock) {
      if (feed != from) {
        return;
      }
      IssuedJob last = lastJob;
      if (last != null && lastJobFeed == from && job.number() < last.number()) {
        return;
      }
      WorkSlice slice = sliceFor(job);
      outsideSlice = slice == null;
      if (!outsideSlice) {
        lastJob = job;
        lastJobFeed = from;
        subscriber.deliver(this, job, slice, vardiff.difficulty());
      }
    }
    if (outsideSlice) {
      subscriber.withdrawn(
          this,
          "slot " + slot + " does not fit " + job.layout() + " of " + job.session().poolName());
    }
  }

  /** Delivers the last job again (after a difficulty change). */
  void redeliver() {
    IssuedJob job;
    WorkFeed from;
    synchronized (deliveryLock) {
      job = lastJob;
      from = lastJobFeed;
    }
    if (job != null && from != null) {
      deliver(from, job);
    }
  }

  @Override
  public String toString() {
    return kind.name().toLowerCase(java.util.Locale.ROOT) + " rig " + key;
  }
}
