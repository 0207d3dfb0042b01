package io.otedama.controller.auth;

import io.otedama.controller.api.ApiException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jdbi.v3.core.Jdbi;

/**
 * Named API tokens (admin): long-lived bearer tokens for scripts and dashboards, each acting with a
 * role no higher than its user's. The token is returned once, at creation; only its SHA-256 is
 * kept, so a lost token is revoked and replaced, never shown again.
 */
public class ApiTokens {
  public static final int MAX_DAYS = 3650;
  private static final Map<String, Set<String>> GRANTABLE =
      Map.of(
          Roles.ADMIN, Set.of(Roles.ADMIN, Roles.OPERATOR, Roles.VIEWER),
          Roles.OPERATOR, Set.of(Roles.OPERATOR, Roles.VIEWER),
          Roles.VIEWER, Set.of(Roles.VIEWER),
          Roles.CLIENT, Set.of(Roles.CLIENT));
  private final Jdbi jdbi;
  private final Clock clock;

  public ApiTokens(Jdbi jdbi, Clock clock) {
    this.jdbi = jdbi;
    this.clock = clock;
  }

  /** A named token as listed (never the token). */
  public record ApiToken(
      long id,
      String name,
      String username,
      String role,
      String createdBy,
      Instant createdAt,
      Instant expiresAt) {}

  /** A token just created: the only time {@code token} is shown. */
  public record CreatedApiToken(
      long id, String name, String username, String role, String token, Instant expiresAt) {}

  public CreatedApiToken create(
      String username, String name, String role, Integer days, String createdBy) {
    if (name == null || name.isBlank() || name.strip().length() > 100) {
      throw ApiException.badRequest("A token needs a name of 1 to 100 characters.");
    }
    int validDays = days == null ? 365 : days;
    if (validDays < 1 || validDays > MAX_DAYS) {
      throw ApiException.badRequest("expiresInDays must be from 1 to " + MAX_DAYS + ".");
    }
    UserRow user =
        jdbi.withExtension(UserDao.class, dao -> dao.findByUsername(username))
            .orElseThrow(() -> ApiException.badRequest("There is no user '" + username + "'."));
    String tokenRole = role == null || role.isBlank() ? user.role() : role;
    if (!GRANTABLE.get(user.role()).contains(tokenRole)) {
      throw ApiException.badRequest(
          "A token of "
              + user.role()
              + " user '"
              + username
              + "' may act as "
              + String.join(" or ", GRANTABLE.get(user.role()).stream().sorted().toList())
              + ", not as '"
              + tokenRole
              + "'.");
    }
    String token = SecretTokens.newToken();
    Instant now = clock.instant();
    Instant expiresAt = now.plus(Duration.ofDays(validDays));
    long id =
        jdbi.withHandle(h ->
            h.createQuery(
                    "INSERT INTO api_tokens (token_sha256, user_id, created_at, expires_at, name,"
                        + " role, created_by) VALUES (:hash, :user, :now, :expires, :name, :role,"
                        + " :by) RETURNING id")
                .bind("hash", SecretTokens.sha256(token))
                .bind("user", user.id())
                .bind("now", now)
                .bind("expires", expiresAt)
                .bind("name", name.strip())
                .bind("role", tokenRole)
                .bind("by", createdBy)
                .mapTo(Long.class)
                .one());
    return new CreatedApiToken(id, name.strip(), username, tokenRole, token, expiresAt);
  }

  /** Every named token that has not expired, newest first. */
  public List<ApiToken> list() {
    return jdbi.withHandle(h ->
        h.createQuery(
                "SELECT t.id, t.name, u.username, t.role, t.created_by, t.created_at,"
                    + " t.expires_at FROM api_tokens t JOIN users u ON u.id = t.user_id"
                    + " WHERE t.name IS NOT NULL AND t.expires_at > :now"
                    + " ORDER BY t.created_at DESC, t.id DESC")
            .bind("now", clock.instant())
            .map((rs, ctx) ->
                new ApiToken(
                    rs.getLong("id"),
                    rs.getString("name"),
                    rs.getString("username"),
                    rs.getString("role"),
                    rs.getString("created_by"),
                    instant(rs.getTimestamp("created_at")),
                    instant(rs.getTimestamp("expires_at"))))
            .list());
  }

  /** Revokes a named token at once; returns its name. */
  public String revoke(long id) {
    return jdbi.withHandle(h ->
            h.createQuery(
                    "DELETE FROM api_tokens WHERE id = :id AND name IS NOT NULL RETURNING name")
                .bind("id", id)
                .mapTo(String.class)
                .findOne())
        .orElseThrow(() -> ApiException.notFound("There is no API token with id " + id + "."));
  }

  private static Instant instant(Timestamp ts) {
    return ts == null ? null : ts.toInstant();
  }
}
