package io.otedama.controller.fleet;

import io.otedama.controller.api.ApiException;
import io.otedama.controller.auth.SecretTokens;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.jdbi.v3.core.Jdbi;

/** Creates enrollment tokens: random, single- or N-use, expiring, stored as SHA-256 only. */
public class EnrollmentTokens {
  private final Jdbi jdbi;
  private final Clock clock;

  public EnrollmentTokens(Jdbi jdbi, Clock clock) {
    this.jdbi = jdbi;
    this.clock = clock;
  }

  public record Created(long id, String token, Instant expiresAt, int uses, Long groupId) {}

  public Created create(int uses, Duration ttl, Long groupId, String createdBy) {
    if (groupId != null && !GroupService.exists(jdbi, groupId)) {
      throw ApiException.badRequest("There is no group with id " + groupId + ".");
    }
    String token = SecretTokens.newToken();
    Instant now = clock.instant();
    Instant expiresAt = now.plus(ttl);
    long id =
        jdbi.withHandle(h ->
            h.createUpdate(
                    "INSERT INTO enrollment_tokens"
                        + " (token_sha256, uses_total, uses_left, group_id, expires_at,"
                        + " created_by, created_at)"
                        + " VALUES (:hash, :uses, :uses, :group, :expires, :by, :now)")
                .bind("hash", SecretTokens.sha256(token))
                .bind("uses", uses)
                .bind("group", groupId)
                .bind("expires", expiresAt)
                .bind("by", createdBy)
                .bind("now", now)
                .executeAndReturnGeneratedKeys("id")
                .mapTo(Long.class)
                .one());
    return new Created(id, token, expiresAt, uses, groupId);
  }
}
