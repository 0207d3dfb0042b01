package io.otedama.controller.fleet;

import java.util.List;

/**
 * Told when rigs change group through the fleet (a rig edited into another group or out of any, a
 * group deleted), so the rigs' work can follow their new group's profile at once. The work feature
 * implements it; the fleet does not know about work.
 */
public interface GroupMembershipListener {
  GroupMembershipListener NONE =
      new GroupMembershipListener() {
        @Override
        public void rigMoved(String rigId, Long groupId) {}

        @Override
        public void groupDeleted(long groupId, List<String> formerRigs) {}
      };

  /**
   * @param groupId the rig's group now, or null for none
   */
  void rigMoved(String rigId, Long groupId);

  /** The group is gone; {@code formerRigs} are in no group now. */
  void groupDeleted(long groupId, List<String> formerRigs);
}
