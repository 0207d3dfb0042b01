package io.otedama.controller.work;

import io.otedama.controller.fleet.RigBirth;
import io.otedama.controller.fleet.RigPresenceSink;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts agent rigs to work as they come and go: passes every liveness event on to the fleet, and on
 * a birth assigns the rig work on its group's profile (its account is the client account the rig
 * works for, if any); when the rig reports itself offline (status or Last Will) its slice is
 * released. The MQTT edge gets this in place of the fleet's sink.
 */
public final class AgentWorkPresence implements RigPresenceSink {
  private static final Logger LOG = LoggerFactory.getLogger(AgentWorkPresence.class);

  private final RigPresenceSink fleet;
  private final WorkFeature work;
  private final Jdbi jdbi;
  private final double startDifficulty;

  /**
   * @param startDifficulty an agent's first share difficulty, until vardiff moves it
   */
  public AgentWorkPresence(
      RigPresenceSink fleet, WorkFeature work, Jdbi jdbi, double startDifficulty) {
    this.fleet = fleet;
    this.work = work;
    this.jdbi = jdbi;
    this.startDifficulty = startDifficulty;
  }

  @Override
  public void birth(String rigId, RigBirth birth) {
    fleet.birth(rigId, birth);
    try {
      Optional<Map<String, Object>> rig =
          jdbi.withHandle(h ->
              h.createQuery(
                      "SELECT r.group_id, a.name AS account FROM rigs r"
                          + " LEFT JOIN client_accounts a ON a.id = r.account_id"
                          + " WHERE r.id = :id")
                  .bind("id", rigId)
                  .mapToMap()
                  .findOne());
      if (rig.isEmpty()) {
        return;
      }
      Object group = rig.get().get("group_id");
      work.assignAgent(
          rigId,
          (String) rig.get().get("account"),
          group == null ? null : ((Number) group).longValue(),
          startDifficulty);
    } catch (SliceExhaustedException e) {
      LOG.warn("rig {} gets no work: {}", rigId, e.getMessage());
    } catch (RuntimeException e) {
      LOG.warn("assigning work to rig {} failed", rigId, e);
    }
  }

  @Override
  public void statusReported(String rigId, boolean online, String reason, Instant at) {
    fleet.statusReported(rigId, online, reason, at);
    if (!online) {
      work.releaseAgent(rigId);
    }
  }

  @Override
  public void telemetrySeen(String rigId, Instant at) {
    fleet.telemetrySeen(rigId, at);
  }
}
