package io.otedama.controller.auth;

import java.time.Instant;

/** A user as the API shows it (never the password hash). */
public record UserView(long id, String username, String role, Long accountId, Instant createdAt) {
  static UserView of(UserRow row) {
    return new UserView(row.id(), row.username(), row.role(), row.accountId(), row.createdAt());
  }
}
