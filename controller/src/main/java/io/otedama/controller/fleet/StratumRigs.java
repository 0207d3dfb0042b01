package io.otedama.controller.fleet;

import io.otedama.controller.stratum.StratumRig;
import io.otedama.controller.stratum.StratumRigRegistry;
import java.time.Clock;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Jdbi;

/**
 * The fleet's side of the Stratum server: a miner authorizing as {@code <account>.<worker>} is the
 * rig named so, with source {@code stratum}, created on first use (its hardware id is {@code
 * stratum:<account>.<worker>}, so the same name always finds the same rig). The account is taken as
 * given: it is what the shares are credited to in the share log.
 */
public final class StratumRigs implements StratumRigRegistry {
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_\\-]{1,64}");
  private static final Pattern WORKER = Pattern.compile("[A-Za-z0-9_.\\-]{0,64}");

  private final Jdbi jdbi;
  private final Clock clock;

  public StratumRigs(Jdbi jdbi, Clock clock) {
    this.jdbi = jdbi;
    this.clock = clock;
  }

  @Override
  public Optional<StratumRig> resolve(String account, String worker) {
    if (account == null || !NAME.matcher(account).matches()) {
      return Optional.empty();
    }
    String w = worker == null ? "" : worker;
    if (!WORKER.matcher(w).matches()) {
      return Optional.empty();
    }
    String name = w.isEmpty() ? account : account + "." + w;
    return Optional.of(
        jdbi.withHandle(h ->
            h.createQuery(
                    "INSERT INTO rigs (id, name, hardware_id, source, status, last_seen,"
                        + " status_changed_at, created_at)"
                        + " VALUES (:id, :name, :hw, 'stratum', 'online', :now, :now, :now)"
                        + " ON CONFLICT (hardware_id) DO UPDATE SET status = 'online',"
                        + " last_seen = EXCLUDED.last_seen,"
                        + " status_changed_at = CASE WHEN rigs.status = 'online'"
                        + " THEN rigs.status_changed_at ELSE EXCLUDED.status_changed_at END"
                        + " RETURNING id, group_id")
                .bind("id", RigIds.newId())
                .bind("name", name)
                .bind("hw", "stratum:" + name)
                .bind("now", clock.instant())
                .map((rs, ctx) ->
                    new StratumRig(
                        rs.getString("id"), account, (Long) rs.getObject("group_id", Long.class)))
                .one()));
  }

  @Override
  public void disconnected(StratumRig rig) {
    jdbi.useHandle(h ->
        h.createUpdate(
                "UPDATE rigs SET status = 'offline', status_changed_at = :now"
                    + " WHERE id = :id AND source = 'stratum'")
            .bind("id", rig.rigId())
            .bind("now", clock.instant())
            .execute());
  }
}
