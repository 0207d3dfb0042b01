package io.otedama.controller.work;

/**
 * Gets a rig's work to the rig: the MQTT work topic for agents ({@link AgentAssignments}), the
 * connection for Stratum miners. Called on the feed's thread for every new job (fan-out), and on
 * the retarget thread when the rig's difficulty changes: must not block.
 */
public interface WorkSubscriber {
  /** The rig should now mine {@code job} in {@code slice} at {@code difficulty}. */
  void deliver(RigWork rig, IssuedJob job, WorkSlice slice, double difficulty);

  /**
   * The rig has no work any more (its feed has no room for it, or it was released); {@code why} is
   * a sentence for the log.
   */
  default void withdrawn(RigWork rig, String why) {}
}
