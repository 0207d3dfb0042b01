package io.otedama.controller.work;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Work profiles and which groups mine on which, with one running feed per profile in use. A group
 * without a profile mines on the default profile. Pointing a group at another profile moves its
 * rigs at once ({@link WorkAssignments#moveGroup}); saving a profile's pools restarts its source
 * and moves its rigs to the new one.
 *
 * <p>Implements {@link FeedDirectory} for {@link WorkAssignments}; call {@link #bind} once with it.
 */
public final class WorkProfiles implements FeedDirectory, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(WorkProfiles.class);

  private final WorkProfileStore store;
  private final WorkSourceFactory sources;
  private final FeedFactory feeds;
  private final String defaultProfile;
  private final Map<Long, String> groupProfiles = new ConcurrentHashMap<>();
  private final Map<String, WorkFeed> running = new ConcurrentHashMap<>();
  private volatile WorkAssignments assignments;

  /** Makes a feed around a started source. */
  @FunctionalInterface
  public interface FeedFactory {
    WorkFeed create(WorkSource source);
  }

  /**
   * @param defaultProfile the profile of rigs in no group or in a group without a profile; it must
   *     exist in the store
   */
  public WorkProfiles(
      WorkProfileStore store, WorkSourceFactory sources, FeedFactory feeds, String defaultProfile) {
    this.store = Objects.requireNonNull(store, "store");
    this.sources = Objects.requireNonNull(sources, "sources");
    this.feeds = Objects.requireNonNull(feeds, "feeds");
    this.defaultProfile = Objects.requireNonNull(defaultProfile, "defaultProfile");
    groupProfiles.putAll(store.groupProfiles());
  }

  /** The assignments to move rigs in when groups or profiles change. */
  public void bind(WorkAssignments assignments) {
    this.assignments = assignments;
  }

  public String defaultProfile() {
    return defaultProfile;
  }

  /** The profile name of a group (the default one for null or unassigned groups). */
  public String profileOf(Long groupId) {
    return groupId == null ? defaultProfile : groupProfiles.getOrDefault(groupId, defaultProfile);
  }

  @Override
  public WorkFeed feedFor(Long groupId) {
    return feed(profileOf(groupId));
  }

  /** The running feed of a profile, started on first use. */
  public WorkFeed feed(String profileName) {
    return running.computeIfAbsent(profileName, this::startFeed);
  }

  /** The feeds running now. */
  public Map<String, WorkFeed> runningFeeds() {
    return Map.copyOf(running);
  }

  private WorkFeed startFeed(String name) {
    WorkProfile profile =
        store
            .find(name)
            .orElseThrow(
                () -> new IllegalStateException("there is no work profile '" + name + "'"));
    WorkSource source = sources.create(profile);
    WorkFeed feed = feeds.create(source);
    source.start();
    LOG.info("work profile {} started: {}", name, source);
    return feed;
  }

  /**
   * Points a group at a profile and moves its rigs there at once.
   *
   * @throws IllegalArgumentException when there is no such profile
   */
  public void assignGroup(long groupId, String profileName) {
    if (!store.assignGroup(groupId, profileName)) {
      throw new IllegalArgumentException("there is no work profile '" + profileName + "'");
    }
    groupProfiles.put(groupId, profileName);
    WorkAssignments a = assignments;
    if (a != null) {
      a.moveGroup(groupId);
    }
  }

  /** Sends a group back to the default profile, moving its rigs. */
  public void unassignGroup(long groupId) {
    store.unassignGroup(groupId);
    groupProfiles.remove(groupId);
    WorkAssignments a = assignments;
    if (a != null) {
      a.moveGroup(groupId);
    }
  }

  /** Saves a profile; if it was running, its source restarts and its rigs move to the new one. */
  public void save(WorkProfile profile) {
    store.save(profile);
    WorkFeed old = running.remove(profile.name());
    if (old != null) {
      WorkAssignments a = assignments;
      if (a != null) {
        a.moveFeed(old);
      }
      old.source().close();
    }
  }

  public Optional<WorkProfile> find(String name) {
    return store.find(name);
  }

  public java.util.List<WorkProfile> all() {
    return store.all();
  }

  /** Every group with a profile of its own: group id to profile name. */
  public Map<Long, String> groupProfiles() {
    return Map.copyOf(groupProfiles);
  }

  /**
   * Deletes a profile no group uses and stops its source.
   *
   * @throws IllegalStateException for the default profile or one that groups still use
   * @throws IllegalArgumentException when there is no such profile
   */
  public void delete(String name) {
    if (name.equals(defaultProfile)) {
      throw new IllegalStateException(
          "'" + name + "' is the default work profile; it cannot be deleted");
    }
    java.util.List<Long> users =
        groupProfiles.entrySet().stream()
            .filter(e -> e.getValue().equals(name))
            .map(Map.Entry::getKey)
            .sorted()
            .toList();
    if (!users.isEmpty()) {
      throw new IllegalStateException(
          "work profile '"
              + name
              + "' is used by groups "
              + users
              + "; point them elsewhere first");
    }
    if (!store.delete(name)) {
      throw new IllegalArgumentException("there is no work profile '" + name + "'");
    }
    WorkFeed old = running.remove(name);
    if (old != null) {
      old.source().close();
    }
  }

  /**
   * Moves a rig's work to the feed of its new group's profile (it was moved to {@code groupId});
   * returns whether any of its work moved. Rigs without work yet get the right feed when they
   * start.
   */
  public boolean regroup(String rigId, Long groupId) {
    WorkAssignments a = assignments;
    if (a == null) {
      return false;
    }
    boolean moved = false;
    for (RigWork rig : a.all()) {
      if (rig.rigId().equals(rigId)) {
        rig.identify(rig.rigId(), rig.account(), groupId);
        moved |= a.rehome(rig);
      }
    }
    return moved;
  }

  /**
   * A group was deleted: forgets its profile, and its rigs (in no group now) move to the default
   * profile's work at once. Returns how many rigs' work moved.
   */
  public int groupDeleted(long groupId) {
    groupProfiles.remove(groupId);
    WorkAssignments a = assignments;
    if (a == null) {
      return 0;
    }
    for (RigWork rig : a.all()) {
      if (java.util.Objects.equals(rig.groupId(), groupId)) {
        rig.identify(rig.rigId(), rig.account(), null);
      }
    }
    // one pass over every rig: the ones now in no group whose feed is not the default's move
    return a.moveGroup(null);
  }

  @Override
  public void close() {
    for (WorkFeed feed : running.values()) {
      feed.source().close();
    }
    running.clear();
  }
}
