package io.otedama.controller.work;

import io.otedama.controller.api.ApiException;
import io.otedama.controller.fleet.GroupMembershipListener;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.jdbi.v3.core.Jdbi;

/**
 * Groups as work sees them: which profile a group mines on, and which rigs are in it. Both move the
 * affected rigs' work at once (through {@link WorkProfiles}), so a change needs no reconnect. It
 * also follows the fleet's group changes (a rig edited into another group, a group deleted) the
 * same way.
 */
public class GroupWork implements GroupMembershipListener {
  /** Most rigs moved in one request. */
  public static final int MAX_RIGS = 20_000;

  private final Jdbi jdbi;
  private final WorkProfiles profiles;

  public GroupWork(Jdbi jdbi, WorkProfiles profiles) {
    this.jdbi = jdbi;
    this.profiles = profiles;
  }

  /** The outcome of moving rigs into a group: which moved, which ids are unknown. */
  public record Moved(long groupId, int moved, int workMoved, List<String> unknown) {}

  /** Points a group at a profile (null: back to the default), moving its rigs' work. */
  public void pointAt(long groupId, String profile) {
    requireGroup(groupId);
    if (profile == null || profile.isBlank()) {
      profiles.unassignGroup(groupId);
      return;
    }
    try {
      profiles.assignGroup(groupId, profile);
    } catch (IllegalArgumentException e) {
      throw WorkProfileResource.noSuchProfile(profile);
    }
  }

  /** Puts rigs into a group and moves their work to its profile's feed. */
  public Moved addRigs(long groupId, List<String> rigIds) {
    requireGroup(groupId);
    if (rigIds == null || rigIds.isEmpty()) {
      throw ApiException.badRequest("rigIds must list at least one rig id.");
    }
    if (rigIds.size() > MAX_RIGS) {
      throw ApiException.badRequest("At most " + MAX_RIGS + " rigs move in one request.");
    }
    LinkedHashSet<String> wanted = new LinkedHashSet<>(rigIds);
    List<String> moved =
        jdbi.withHandle(h ->
            h.createQuery("UPDATE rigs SET group_id = :group WHERE id IN (<ids>) RETURNING id")
                .bind("group", groupId)
                .bindList("ids", List.copyOf(wanted))
                .mapTo(String.class)
                .list());
    int workMoved = 0;
    for (String id : moved) {
      if (profiles.regroup(id, groupId)) {
        workMoved++;
      }
    }
    List<String> unknown = new ArrayList<>(wanted);
    unknown.removeAll(moved);
    return new Moved(groupId, moved.size(), workMoved, unknown);
  }

  /** A rig edited into another group (or none) through the fleet: its work follows at once. */
  @Override
  public void rigMoved(String rigId, Long groupId) {
    profiles.regroup(rigId, groupId);
  }

  /** A deleted group: its rigs, in no group now, move to the default profile's work. */
  @Override
  public void groupDeleted(long groupId, List<String> formerRigs) {
    profiles.groupDeleted(groupId);
  }

  private void requireGroup(long groupId) {
    boolean exists =
        jdbi.withHandle(h ->
            h.createQuery("SELECT count(*) FROM rig_groups WHERE id = :id")
                    .bind("id", groupId)
                    .mapTo(Long.class)
                    .one()
                > 0);
    if (!exists) {
      throw ApiException.notFound("There is no group with id " + groupId + ".");
    }
  }
}
