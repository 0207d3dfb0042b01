package io.otedama.controller.mining;

import io.otedama.controller.work.RigWork;
import io.otedama.controller.work.SliceExhaustedException;
import io.otedama.controller.work.Vardiff;
import io.otedama.controller.work.VardiffSettings;
import io.otedama.controller.work.WorkAssignments;
import io.otedama.controller.work.WorkConfiguration;
import io.otedama.controller.work.WorkSubscriber;
import java.time.Clock;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts an agent rig on its group's work when it comes online. A rig keeps its assignment while it
 * is offline (its retained work stays at the broker and the shares it spooled still match their
 * jobs when it comes back); a birth of a rig that already has work changes nothing.
 */
final class AgentRigWork {
  private static final Logger LOG = LoggerFactory.getLogger(AgentRigWork.class);

  private final Jdbi jdbi;
  private final WorkAssignments assignments;
  private final WorkSubscriber subscriber;
  private final WorkConfiguration config;
  private final Clock clock;

  AgentRigWork(
      Jdbi jdbi,
      WorkAssignments assignments,
      WorkSubscriber subscriber,
      WorkConfiguration config,
      Clock clock) {
    this.jdbi = jdbi;
    this.assignments = assignments;
    this.subscriber = subscriber;
    this.config = config;
    this.clock = clock;
  }

  boolean isAssigned(String rigId) {
    return assignments.find(rigId).isPresent();
  }

  /** Assigns work to the rig unless it has some; false when it has none afterwards. */
  boolean ensureAssigned(String rigId) {
    if (assignments.find(rigId).isPresent()) {
      return true;
    }
    Optional<Long> group = groupOf(rigId);
    RigWork rig =
        new RigWork(
            rigId,
            rigId,
            null,
            RigWork.Kind.AGENT,
            group.orElse(null),
            Vardiff.variable(
                VardiffSettings.DEFAULTS, config.getAgentStartDifficulty(), clock.instant()),
            subscriber);
    try {
      assignments.assign(rig);
      return true;
    } catch (SliceExhaustedException | RuntimeException e) {
      LOG.warn("No work for rig {}: {}", rigId, e.getMessage());
      return false;
    }
  }

  private Optional<Long> groupOf(String rigId) {
    return jdbi.withHandle(h ->
        h.createQuery("SELECT group_id FROM rigs WHERE id = :id")
            .bind("id", rigId)
            .map((rs, ctx) -> (Long) rs.getObject(1, Long.class))
            .findOne()
            .flatMap(Optional::ofNullable));
  }
}
