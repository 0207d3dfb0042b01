package io.otedama.controller.stratum;

import io.otedama.controller.fleet.RigIds;
import io.otedama.controller.fleet.RigPresenceSink;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Jdbi;

/**
 * A {@link StratumRigRegistry} on the fleet's {@code rigs} table: {@code <account>.<worker>} is a
 * rig with source {@code stratum} and hardware id {@code stratum:<account>.<worker>}, created on
 * first authorize (so it appears in the rig list and can be put in a group like any rig), found
 * again on every later one. A new rig works for the client account of that name if there is one
 * ({@code rigs.account_id}); any other well-formed account name mines as the farm's own rig.
 *
 * <p>Liveness goes to the fleet's {@link RigPresenceSink}: online at authorize, a heartbeat with
 * every share, offline when the rig's last connection closes.
 */
public final class StratumRigs implements StratumRigRegistry {
  private static final Pattern ACCOUNT = Pattern.compile("[A-Za-z0-9_-]{1,64}");
  private static final Pattern WORKER = Pattern.compile("[A-Za-z0-9_.-]{0,64}");

  private final Jdbi jdbi;
  private final RigPresenceSink presence;
  private final Clock clock;
  private final Map<String, Integer> connections = new ConcurrentHashMap<>();

  public StratumRigs(Jdbi jdbi, RigPresenceSink presence, Clock clock) {
    this.jdbi = jdbi;
    this.presence = presence;
    this.clock = clock;
  }

  @Override
  public void active(StratumRig rig) {
    presence.telemetrySeen(rig.rigId(), clock.instant());
  }

  @Override
  public void disconnected(StratumRig rig) {
    Integer left = connections.computeIfPresent(rig.rigId(), (id, n) -> n <= 1 ? null : n - 1);
    if (left == null) {
      presence.statusReported(rig.rigId(), false, "stratum connection closed", clock.instant());
    }
  }

  @Override
  public Optional<StratumRig> resolve(String account, String worker) {
    if (!ACCOUNT.matcher(account).matches() || !WORKER.matcher(worker).matches()) {
      return Optional.empty();
    }
    String name = worker.isEmpty() ? account : account + "." + worker;
    Optional<StratumRig> rig =
        jdbi.withHandle(h ->
            h.createQuery(
                    "INSERT INTO rigs (id, name, hardware_id, source, account_id) VALUES (:id, :name,"
                        + " :hw, 'stratum', (SELECT id FROM client_accounts WHERE name = :account))"
                        + " ON CONFLICT (hardware_id) DO UPDATE SET source = rigs.source"
                        + " RETURNING id, group_id")
                .bind("id", RigIds.newId())
                .bind("name", name)
                .bind("hw", "stratum:" + name)
                .bind("account", account)
                .map((rs, ctx) -> {
                  long group = rs.getLong("group_id");
                  return new StratumRig(rs.getString("id"), account, rs.wasNull() ? null : group);
                })
                .findOne());
    rig.ifPresent(r -> {
      connections.merge(r.rigId(), 1, Integer::sum);
      presence.statusReported(r.rigId(), true, "stratum miner authorized", clock.instant());
    });
    return rig;
  }
}
