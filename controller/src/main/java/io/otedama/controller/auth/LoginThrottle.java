package io.otedama.controller.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.jdbi.v3.core.Jdbi;

/**
 * Locks a username after {@code maxFailures} failed logins within {@code window}, counted in the
 * database so every replica sees the same count. A success clears the failures. Unknown usernames
 * are counted too, so lockout does not reveal which names exist.
 */
public class LoginThrottle {
  private final Jdbi jdbi;
  private final Clock clock;
  private final int maxFailures;
  private final Duration window;

  public LoginThrottle(Jdbi jdbi, Clock clock, int maxFailures, Duration window) {
    this.jdbi = jdbi;
    this.clock = clock;
    this.maxFailures = maxFailures;
    this.window = window;
  }

  public boolean isLocked(String username) {
    Instant since = clock.instant().minus(window);
    long failures =
        jdbi.withHandle(h ->
            h.createQuery("SELECT count(*) FROM login_failures WHERE username = :u AND at > :since")
                .bind("u", username)
                .bind("since", since)
                .mapTo(Long.class)
                .one());
    return failures >= maxFailures;
  }

  public void recordFailure(String username, String remoteAddress) {
    Instant now = clock.instant();
    jdbi.useHandle(h -> {
      h.createUpdate(
              "INSERT INTO login_failures (username, at, remote_address) VALUES (:u, :at, :r)")
          .bind("u", username)
          .bind("at", now)
          .bind("r", remoteAddress)
          .execute();
      // keep the table small: older failures no longer count
      h.createUpdate("DELETE FROM login_failures WHERE username = :u AND at <= :old")
          .bind("u", username)
          .bind("old", now.minus(window))
          .execute();
    });
  }

  public void clear(String username) {
    jdbi.useHandle(h ->
        h.createUpdate("DELETE FROM login_failures WHERE username = :u")
            .bind("u", username)
            .execute());
  }

  public Duration window() {
    return window;
  }
}
