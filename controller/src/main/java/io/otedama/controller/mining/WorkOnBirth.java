package io.otedama.controller.mining;

import io.otedama.controller.fleet.RigBirth;
import io.otedama.controller.fleet.RigPresenceSink;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The fleet's presence sink with one addition: a birth also puts the rig on work, and so does
 * telemetry from a rig without work (after a controller restart behind an external broker the
 * agents stay connected and send no new birth). The assignment reads the rig's group from the
 * database, so it runs on its own virtual thread and the ingest thread returns at once.
 */
final class WorkOnBirth implements RigPresenceSink {
  private final RigPresenceSink fleet;
  private final AgentRigWork agents;
  private final Set<String> pending = ConcurrentHashMap.newKeySet();

  WorkOnBirth(RigPresenceSink fleet, AgentRigWork agents) {
    this.fleet = fleet;
    this.agents = agents;
  }

  @Override
  public void birth(String rigId, RigBirth birth) {
    fleet.birth(rigId, birth);
    assignLater(rigId);
  }

  private void assignLater(String rigId) {
    if (pending.add(rigId)) {
      Thread.ofVirtual()
          .name("work-for-" + rigId)
          .start(() -> {
            try {
              agents.ensureAssigned(rigId);
            } finally {
              pending.remove(rigId);
            }
          });
    }
  }

  @Override
  public void statusReported(String rigId, boolean online, String reason, Instant at) {
    fleet.statusReported(rigId, online, reason, at);
  }

  @Override
  public void telemetrySeen(String rigId, Instant at) {
    fleet.telemetrySeen(rigId, at);
    if (!agents.isAssigned(rigId)) {
      assignLater(rigId);
    }
  }
}
