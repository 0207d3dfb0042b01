package io.otedama.controller.auth;

import java.time.Instant;

/** A row of {@code users}, password hash included: public only for Jdbi, not for other features. */
public record UserRow(
    long id, String username, String passwordHash, String role, Long accountId, Instant createdAt) {
  public User toUser() {
    return new User(id, username, role, accountId);
  }
}
