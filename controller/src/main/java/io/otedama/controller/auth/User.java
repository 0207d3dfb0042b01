package io.otedama.controller.auth;

import java.security.Principal;

/**
 * The authenticated caller. {@code accountId} ties a client user to the account whose rigs and
 * payouts it may see; null for staff.
 */
public record User(long id, String username, String role, Long accountId) implements Principal {
  @Override
  public String getName() {
    return username;
  }

  public boolean hasRole(String wanted) {
    return role.equals(wanted);
  }
}
