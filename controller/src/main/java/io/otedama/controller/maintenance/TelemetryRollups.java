package io.otedama.controller.maintenance;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Aggregates raw telemetry into {@code telemetry_1m} and those into {@code telemetry_1h} (V133).
 * Each run covers complete minutes from the watermark minus a look-back (rows that arrived up to
 * that late are counted) up to now, at most {@link #MAX_SPAN} per run so a long outage is caught up
 * in bounded transactions. Buckets are upserted: re-running or overlapping runs only recompute
 * them.
 */
public final class TelemetryRollups {
  /** How much raw telemetry one run aggregates at most. */
  static final Duration MAX_SPAN = Duration.ofHours(6);

  private final Jdbi jdbi;
  private final Clock clock;
  private final Duration lookback;
  private final Duration rawRetention;

  public TelemetryRollups(Jdbi jdbi, Clock clock, Duration lookback, Duration rawRetention) {
    this.jdbi = jdbi;
    this.clock = clock;
    this.lookback = lookback;
    this.rawRetention = rawRetention;
  }

  /** What one run did. */
  public record Result(Instant from, Instant to, int minuteBuckets, int hourBuckets) {
    @Override
    public String toString() {
      return "rolled up ["
          + from
          + ", "
          + to
          + "): "
          + minuteBuckets
          + " minute and "
          + hourBuckets
          + " hour buckets";
    }
  }

  public Result run() {
    Instant end = clock.instant().truncatedTo(ChronoUnit.MINUTES);
    return jdbi.inTransaction(h -> {
      Optional<Instant> done = watermark(h);
      Instant from = done.map(d -> d.minus(lookback)).orElseGet(() -> firstRow(h, end));
      Instant to = from.plus(MAX_SPAN).isBefore(end) ? from.plus(MAX_SPAN) : end;
      if (!from.isBefore(to)) {
        return new Result(from, to, 0, 0);
      }
      int minutes =
          h.createUpdate(
                  """
                  INSERT INTO telemetry_1m AS r (rig_id, bucket, samples, hashrate_avg_hs,
                      hashrate_max_hs, temperature_max_c, fan_rpm_avg, power_avg_w,
                      accepted_last, rejected_last)
                  SELECT rig_id, date_trunc('minute', ts), count(*), avg(hashrate_hs),
                         max(hashrate_hs), max(temperature_c), avg(fan_rpm), avg(power_w),
                         (array_agg(accepted ORDER BY ts DESC))[1],
                         (array_agg(rejected ORDER BY ts DESC))[1]
                    FROM telemetry
                   WHERE ts >= :from AND ts < :to
                   GROUP BY rig_id, date_trunc('minute', ts)
                  ON CONFLICT (rig_id, bucket) DO UPDATE SET
                      samples = EXCLUDED.samples, hashrate_avg_hs = EXCLUDED.hashrate_avg_hs,
                      hashrate_max_hs = EXCLUDED.hashrate_max_hs,
                      temperature_max_c = EXCLUDED.temperature_max_c,
                      fan_rpm_avg = EXCLUDED.fan_rpm_avg, power_avg_w = EXCLUDED.power_avg_w,
                      accepted_last = EXCLUDED.accepted_last,
                      rejected_last = EXCLUDED.rejected_last\
                  """)
              .bind("from", from)
              .bind("to", to)
              .execute();
      Instant hourFrom = from.truncatedTo(ChronoUnit.HOURS);
      Instant hourTo = to.truncatedTo(ChronoUnit.HOURS);
      int hours = 0;
      if (hourFrom.isBefore(hourTo)) {
        hours =
            h.createUpdate(
                    """
                    INSERT INTO telemetry_1h AS r (rig_id, bucket, samples, hashrate_avg_hs,
                        hashrate_max_hs, temperature_max_c, fan_rpm_avg, power_avg_w,
                        accepted_last, rejected_last)
                    SELECT rig_id, date_trunc('hour', bucket), sum(samples),
                           sum(hashrate_avg_hs * samples) / sum(samples),
                           max(hashrate_max_hs), max(temperature_max_c),
                           sum(fan_rpm_avg * samples)
                             / nullif(sum(samples) FILTER (WHERE fan_rpm_avg IS NOT NULL), 0),
                           sum(power_avg_w * samples)
                             / nullif(sum(samples) FILTER (WHERE power_avg_w IS NOT NULL), 0),
                           (array_agg(accepted_last ORDER BY bucket DESC))[1],
                           (array_agg(rejected_last ORDER BY bucket DESC))[1]
                      FROM telemetry_1m
                     WHERE bucket >= :from AND bucket < :to
                     GROUP BY rig_id, date_trunc('hour', bucket)
                    ON CONFLICT (rig_id, bucket) DO UPDATE SET
                        samples = EXCLUDED.samples, hashrate_avg_hs = EXCLUDED.hashrate_avg_hs,
                        hashrate_max_hs = EXCLUDED.hashrate_max_hs,
                        temperature_max_c = EXCLUDED.temperature_max_c,
                        fan_rpm_avg = EXCLUDED.fan_rpm_avg, power_avg_w = EXCLUDED.power_avg_w,
                        accepted_last = EXCLUDED.accepted_last,
                        rejected_last = EXCLUDED.rejected_last\
                    """)
                .bind("from", hourFrom)
                .bind("to", hourTo)
                .execute();
      }
      Instant newMark = done.filter(d -> d.isAfter(to)).orElse(to);
      h.createUpdate(
              """
              INSERT INTO telemetry_rollup_state (rollup, done_until) VALUES ('1m', :to)
              ON CONFLICT (rollup) DO UPDATE SET done_until = EXCLUDED.done_until\
              """)
          .bind("to", newMark)
          .execute();
      return new Result(from, to, minutes, hours);
    });
  }

  /** Until when raw telemetry is rolled up (raw rows before it may go). */
  public Optional<Instant> doneUntil() {
    return jdbi.withHandle(TelemetryRollups::watermark);
  }

  /**
   * Where a first run starts: the minute of the oldest raw row still kept, so a fresh install does
   * not walk days of empty time in {@link #MAX_SPAN} steps.
   */
  private Instant firstRow(Handle h, Instant end) {
    Instant oldest = end.minus(rawRetention);
    return h.createQuery("SELECT date_trunc('minute', min(ts)) FROM telemetry WHERE ts >= :oldest")
        .bind("oldest", oldest)
        .mapTo(Instant.class)
        .findOne()
        .orElse(end);
  }

  private static Optional<Instant> watermark(Handle h) {
    return h.createQuery("SELECT done_until FROM telemetry_rollup_state WHERE rollup = '1m'")
        .mapTo(Instant.class)
        .findOne();
  }
}
