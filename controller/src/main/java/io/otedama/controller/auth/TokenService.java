package io.otedama.controller.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * Issues, checks and revokes opaque bearer tokens. The same tokens can back a console session
 * cookie: the cookie carries the token, {@link #authenticate} resolves it.
 */
public class TokenService {
  private final Jdbi jdbi;
  private final Clock clock;
  private final Duration ttl;

  public TokenService(Jdbi jdbi, Clock clock, Duration ttl) {
    this.jdbi = jdbi;
    this.clock = clock;
    this.ttl = ttl;
  }

  public IssuedToken issue(User user) {
    String token = SecretTokens.newToken();
    Instant now = clock.instant();
    Instant expiresAt = now.plus(ttl);
    jdbi.useExtension(
        UserDao.class,
        dao -> {
          dao.deleteExpiredTokens(user.id(), now);
          dao.insertToken(SecretTokens.sha256(token), user.id(), now, expiresAt);
        });
    return new IssuedToken(token, expiresAt);
  }

  public Optional<User> authenticate(String token) {
    if (token == null || token.isBlank() || token.length() > 256) {
      return Optional.empty();
    }
    byte[] hash = SecretTokens.sha256(token);
    return jdbi.withExtension(UserDao.class, dao -> dao.findByToken(hash, clock.instant()))
        .map(UserRow::toUser);
  }

  public boolean revoke(String token) {
    return jdbi.withExtension(UserDao.class, dao -> dao.deleteToken(SecretTokens.sha256(token)))
        > 0;
  }
}
