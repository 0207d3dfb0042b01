package io.otedama.controller.maintenance;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.jdbi.v3.core.Jdbi;

/**
 * Deletes what has expired: API tokens and console sessions past their expiry, enrollment tokens a
 * day past theirs (kept a day so an agent retrying with one gets "expired", not "unknown"), failed
 * logins older than a day (the lockout window is minutes), and job runs past their retention.
 */
public final class ExpiredRowsCleanup {
  private final Jdbi jdbi;
  private final Clock clock;
  private final Duration jobRunRetention;

  public ExpiredRowsCleanup(Jdbi jdbi, Clock clock, Duration jobRunRetention) {
    this.jdbi = jdbi;
    this.clock = clock;
    this.jobRunRetention = jobRunRetention;
  }

  public record Result(int tokens, int enrollmentTokens, int loginFailures, int jobRuns) {
    @Override
    public String toString() {
      return "deleted "
          + tokens
          + " expired tokens/sessions, "
          + enrollmentTokens
          + " enrollment tokens, "
          + loginFailures
          + " old failed logins, "
          + jobRuns
          + " old job runs";
    }
  }

  public Result run() {
    Instant now = clock.instant();
    Instant dayAgo = now.minus(Duration.ofDays(1));
    return jdbi.inTransaction(h ->
        new Result(
            h.createUpdate("DELETE FROM api_tokens WHERE expires_at <= :now")
                .bind("now", now)
                .execute(),
            h.createUpdate("DELETE FROM enrollment_tokens WHERE expires_at <= :cutoff")
                .bind("cutoff", dayAgo)
                .execute(),
            h.createUpdate("DELETE FROM login_failures WHERE at <= :cutoff")
                .bind("cutoff", dayAgo)
                .execute(),
            h.createUpdate(
                    "DELETE FROM scheduled_job_runs WHERE finished_at IS NOT NULL"
                        + " AND finished_at <= :cutoff")
                .bind("cutoff", now.minus(jobRunRetention))
                .execute()));
  }
}
