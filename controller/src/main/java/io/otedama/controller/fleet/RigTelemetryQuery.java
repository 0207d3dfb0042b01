package io.otedama.controller.fleet;

import io.otedama.controller.api.ApiException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Jdbi;

/**
 * Reads a rig's telemetry series from the {@code telemetry} table, bucketed in SQL with {@code
 * date_bin} (PostgreSQL 14+). Defaults: the last hour in 1-minute steps; at most {@value
 * #MAX_POINTS} buckets per request.
 */
public class RigTelemetryQuery {
  public static final int MAX_POINTS = 5000;
  private static final Pattern SHORT_DURATION = Pattern.compile("(\\d{1,9})(ms|s|m|h|d)");
  private final Jdbi jdbi;
  private final Clock clock;

  public RigTelemetryQuery(Jdbi jdbi, Clock clock) {
    this.jdbi = jdbi;
    this.clock = clock;
  }

  public TelemetrySeries series(String rigId, String fromParam, String toParam, String stepParam) {
    Instant to = toParam == null || toParam.isBlank() ? clock.instant() : instant("to", toParam);
    Instant from =
        fromParam == null || fromParam.isBlank()
            ? to.minus(Duration.ofHours(1))
            : instant("from", fromParam);
    Duration step =
        stepParam == null || stepParam.isBlank() ? Duration.ofMinutes(1) : duration(stepParam);
    if (!from.isBefore(to)) {
      throw ApiException.badRequest("'from' must be before 'to'.");
    }
    if (step.compareTo(Duration.ofSeconds(1)) < 0) {
      throw ApiException.badRequest("'step' must be at least 1 second.");
    }
    long points = Duration.between(from, to).dividedBy(step) + 1;
    if (points > MAX_POINTS) {
      throw ApiException.badRequest(
          "That range in steps of "
              + step
              + " is "
              + points
              + " points; at most "
              + MAX_POINTS
              + " are allowed: use a larger step or a shorter range.");
    }
    if (!RigQueries.exists(jdbi, rigId)) {
      throw ApiException.notFound("There is no rig with id '" + rigId + "'.");
    }
    var list =
        jdbi.withHandle(h ->
            h.createQuery(
                    "SELECT date_bin(CAST(:step AS interval), ts, CAST(:origin AS timestamptz))"
                        + " AS bucket,"
                        + " avg(hashrate_hs) AS hashrate_hs,"
                        + " CAST(max(temperature_c) AS float8) AS temperature_c,"
                        + " CAST(avg(fan_rpm) AS float8) AS fan_rpm,"
                        + " CAST(avg(power_w) AS float8) AS power_w,"
                        + " max(accepted) AS accepted, max(rejected) AS rejected,"
                        + " count(*) AS samples"
                        + " FROM telemetry WHERE rig_id = :rig AND ts >= :from AND ts < :to"
                        + " GROUP BY bucket ORDER BY bucket")
                .bind("step", step.toMillis() + " milliseconds")
                .bind("origin", from)
                .bind("rig", rigId)
                .bind("from", from)
                .bind("to", to)
                .map((rs, ctx) -> point(rs))
                .list());
    return new TelemetrySeries(rigId, from, to, step, list);
  }

  private static TelemetrySeries.Point point(ResultSet rs) throws SQLException {
    return new TelemetrySeries.Point(
        rs.getTimestamp("bucket").toInstant(),
        rs.getDouble("hashrate_hs"),
        (Double) rs.getObject("temperature_c", Double.class),
        (Double) rs.getObject("fan_rpm", Double.class),
        (Double) rs.getObject("power_w", Double.class),
        (Long) rs.getObject("accepted", Long.class),
        (Long) rs.getObject("rejected", Long.class),
        rs.getLong("samples"));
  }

  private static Instant instant(String name, String value) {
    try {
      return Instant.parse(value);
    } catch (DateTimeParseException e) {
      try {
        return Instant.ofEpochMilli(Long.parseLong(value));
      } catch (NumberFormatException ignored) {
        throw ApiException.badRequest(
            "'"
                + name
                + "' must be an ISO-8601 instant (2026-01-31T12:00:00Z) or epoch milliseconds.");
      }
    }
  }

  /** ISO-8601 ({@code PT5M}) or short ({@code 30s}, {@code 5m}, {@code 1h}, {@code 1d}). */
  static Duration duration(String value) {
    Matcher m = SHORT_DURATION.matcher(value.strip().toLowerCase(Locale.ROOT));
    if (m.matches()) {
      long n = Long.parseLong(m.group(1));
      return switch (m.group(2)) {
        case "ms" -> Duration.ofMillis(n);
        case "s" -> Duration.ofSeconds(n);
        case "m" -> Duration.ofMinutes(n);
        case "h" -> Duration.ofHours(n);
        default -> Duration.ofDays(n);
      };
    }
    try {
      return Duration.parse(value.strip());
    } catch (DateTimeParseException e) {
      throw ApiException.badRequest(
          "'step' must be a duration like 30s, 5m, 1h, 1d or ISO-8601 PT5M.");
    }
  }
}
