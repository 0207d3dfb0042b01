package io.otedama.controller.work;

/** Which feed a rig of a group mines for (its group's work profile, or the default one). */
@FunctionalInterface
public interface FeedDirectory {
  /**
   * @param groupId the rig's group, or null for rigs in no group
   * @throws IllegalStateException when the profile cannot be served (no such profile)
   */
  WorkFeed feedFor(Long groupId);
}
