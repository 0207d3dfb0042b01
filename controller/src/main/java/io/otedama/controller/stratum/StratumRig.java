package io.otedama.controller.stratum;

import java.util.Objects;

/**
 * The rig a Stratum miner mines as.
 *
 * @param rigId the rig's id (as for agents)
 * @param account the account its shares are credited to
 * @param groupId its group (which picks the work profile), or null
 */
public record StratumRig(String rigId, String account, Long groupId) {
  public StratumRig {
    Objects.requireNonNull(rigId, "rigId");
    Objects.requireNonNull(account, "account");
  }
}
