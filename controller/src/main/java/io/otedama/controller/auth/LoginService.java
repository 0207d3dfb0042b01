package io.otedama.controller.auth;

import io.otedama.controller.api.ApiException;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** Exchanges a username and password for a bearer token, with lockout. */
public class LoginService {
  private final Jdbi jdbi;
  private final PasswordHasher hasher;
  private final LoginThrottle throttle;
  private final TokenService tokens;

  public LoginService(
      Jdbi jdbi, PasswordHasher hasher, LoginThrottle throttle, TokenService tokens) {
    this.jdbi = jdbi;
    this.hasher = hasher;
    this.throttle = throttle;
    this.tokens = tokens;
  }

  public IssuedToken login(String username, String password, String remoteAddress) {
    if (throttle.isLocked(username)) {
      // refused even with the right password: otherwise lockout would not slow guessing
      throw new ApiException(
          429,
          "Too many failed logins for this user; try again in "
              + throttle.window().toMinutes()
              + " minutes or ask an admin.");
    }
    Optional<UserRow> row = jdbi.withExtension(UserDao.class, dao -> dao.findByUsername(username));
    boolean ok;
    if (row.isPresent()) {
      ok = hasher.matches(password, row.get().passwordHash());
    } else {
      hasher.burnEquivalentTime(password);
      ok = false;
    }
    if (!ok) {
      throttle.recordFailure(username, remoteAddress);
      throw ApiException.unauthorized("Wrong username or password.");
    }
    throttle.clear(username);
    return tokens.issue(row.get().toUser());
  }
}
