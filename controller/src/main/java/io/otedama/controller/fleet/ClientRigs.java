package io.otedama.controller.fleet;

import io.otedama.controller.auth.Roles;
import io.otedama.controller.auth.User;
import org.jdbi.v3.core.Jdbi;

/** The link between a hosting client's account and the rigs it may see ({@code client_rigs}). */
public class ClientRigs {
  private final Jdbi jdbi;

  public ClientRigs(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  /** The account a caller is limited to, or null for staff, who see every rig. */
  public static Long scopeOf(User user) {
    if (!user.hasRole(Roles.CLIENT)) {
      return null;
    }
    // a client without an account sees nothing: no account matches -1
    return user.accountId() == null ? -1L : user.accountId();
  }

  /** Whether {@code user} may see {@code rigId} (staff always; clients only their account's). */
  public boolean visible(User user, String rigId) {
    Long account = scopeOf(user);
    if (account == null) {
      return true;
    }
    return jdbi.withHandle(h ->
        h.createQuery(
                    "SELECT count(*) FROM client_rigs WHERE account_id = :account AND rig_id = :rig")
                .bind("account", account)
                .bind("rig", rigId)
                .mapTo(Long.class)
                .one()
            > 0);
  }

  /** Links a rig to an account; true if the link is new. */
  public boolean assign(long accountId, String rigId) {
    return jdbi.withHandle(h ->
        h.createUpdate(
                    "INSERT INTO client_rigs (account_id, rig_id) VALUES (:account, :rig)"
                        + " ON CONFLICT DO NOTHING")
                .bind("account", accountId)
                .bind("rig", rigId)
                .execute()
            > 0);
  }

  /** Removes the link; true if there was one. */
  public boolean unassign(long accountId, String rigId) {
    return jdbi.withHandle(h ->
        h.createUpdate("DELETE FROM client_rigs WHERE account_id = :account AND rig_id = :rig")
                .bind("account", accountId)
                .bind("rig", rigId)
                .execute()
            > 0);
  }
}
