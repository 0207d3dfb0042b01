package io.otedama.controller.scheduling;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * The {@code scheduled_job_runs} table (V131): one row per run, written by the replica running it.
 */
public final class JobRunLog {
  /** The run log keeps the summary short: it is for people, not for storage of results. */
  static final int MAX_DETAIL = 2000;

  private final Jdbi jdbi;
  private final Clock clock;

  public JobRunLog(Jdbi jdbi, Clock clock) {
    this.jdbi = jdbi;
    this.clock = clock;
  }

  long started(String job, String instance, boolean manual, Instant scheduledAt) {
    return jdbi.withHandle(h ->
        h.createUpdate(
                """
                INSERT INTO scheduled_job_runs
                  (job, instance, manual, scheduled_at, started_at, outcome)
                VALUES (:job, :instance, :manual, :scheduledAt, :now, 'running')\
                """)
            .bind("job", job)
            .bind("instance", instance)
            .bind("manual", manual)
            .bind("scheduledAt", scheduledAt)
            .bind("now", clock.instant())
            .executeAndReturnGeneratedKeys("id")
            .mapTo(Long.class)
            .one());
  }

  Instant finished(long runId, boolean success, String detail) {
    Instant now = clock.instant();
    String text = detail == null ? null : detail.strip();
    if (text != null && text.length() > MAX_DETAIL) {
      text = text.substring(0, MAX_DETAIL - 1) + "…";
    }
    String stored = text;
    jdbi.useHandle(h ->
        h.createUpdate(
                "UPDATE scheduled_job_runs SET finished_at = :now, outcome = :outcome,"
                    + " detail = :detail WHERE id = :id")
            .bind("now", now)
            .bind("outcome", success ? "success" : "failure")
            .bind("detail", stored)
            .bind("id", runId)
            .execute());
    return now;
  }

  /** The newest run of each job. */
  public Map<String, JobRun> latest() {
    Map<String, JobRun> runs = new HashMap<>();
    jdbi.useHandle(h ->
        h.createQuery(
                """
                SELECT DISTINCT ON (job) * FROM scheduled_job_runs ORDER BY job, id DESC\
                """)
            .map((rs, ctx) -> run(rs))
            .forEach(r -> runs.put(r.job(), r)));
    return runs;
  }

  /** When the job last finished with {@code outcome} ('success' or 'failure'). */
  public Optional<Instant> lastFinished(String job, String outcome) {
    return jdbi.withHandle(h ->
        h.createQuery(
                "SELECT max(finished_at) FROM scheduled_job_runs WHERE job = :job"
                    + " AND outcome = :outcome")
            .bind("job", job)
            .bind("outcome", outcome)
            .mapTo(Instant.class)
            .findOne());
  }

  private static JobRun run(java.sql.ResultSet rs) throws java.sql.SQLException {
    java.sql.Timestamp finished = rs.getTimestamp("finished_at");
    return new JobRun(
        rs.getLong("id"),
        rs.getString("job"),
        rs.getString("instance"),
        rs.getBoolean("manual"),
        rs.getTimestamp("scheduled_at").toInstant(),
        rs.getTimestamp("started_at").toInstant(),
        finished == null ? null : finished.toInstant(),
        rs.getString("outcome"),
        rs.getString("detail"));
  }
}
