package io.otedama.controller.mining;

import io.otedama.controller.fleet.RigBirth;
import io.otedama.controller.fleet.RigPresenceSink;
import java.time.Instant;

/**
 * The fleet's presence sink with one addition: a birth also puts the rig on work. The assignment
 * reads the rig's group from the database, so it runs on its own virtual thread and the ingest
 * thread returns at once.
 */
final class WorkOnBirth implements RigPresenceSink {
  private final RigPresenceSink fleet;
  private final AgentRigWork agents;

  WorkOnBirth(RigPresenceSink fleet, AgentRigWork agents) {
    this.fleet = fleet;
    this.agents = agents;
  }

  @Override
  public void birth(String rigId, RigBirth birth) {
    fleet.birth(rigId, birth);
    Thread.ofVirtual().name("work-on-birth-" + rigId).start(() -> agents.ensureAssigned(rigId));
  }

  @Override
  public void statusReported(String rigId, boolean online, String reason, Instant at) {
    fleet.statusReported(rigId, online, reason, at);
  }

  @Override
  public void telemetrySeen(String rigId, Instant at) {
    fleet.telemetrySeen(rigId, at);
  }
}
