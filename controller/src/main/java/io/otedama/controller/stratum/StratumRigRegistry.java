package io.otedama.controller.stratum;

import java.util.Optional;

/**
 * Finds or creates the rig of a miner authorizing as {@code <account>.<worker>}: the fleet feature
 * implements it (a rig row with source {@code stratum}, auto-created on first use, marked
 * Stratum-connected). Called on the connection's thread; may touch the database.
 */
public interface StratumRigRegistry {
  /**
   * @param account the part of the username before the first dot
   * @param worker the part after it (possibly empty)
   * @return the rig, or empty when this account may not mine here (the miner gets error 24)
   */
  Optional<StratumRig> resolve(String account, String worker);

  /** The miner submitted a share: it is alive (the liveness heartbeat of a Stratum rig). */
  default void active(StratumRig rig) {}

  /** The miner's connection closed (it may come back under the same name). */
  default void disconnected(StratumRig rig) {}
}
