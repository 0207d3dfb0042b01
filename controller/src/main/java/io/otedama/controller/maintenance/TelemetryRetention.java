package io.otedama.controller.maintenance;

import io.otedama.controller.telemetry.TelemetryPartitionMaintainer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drops raw telemetry partitions ({@code telemetry_pYYYYMMDD}) older than the raw retention, and
 * deletes rollup rows older than theirs. A raw day is dropped only when it is also rolled up (the
 * 1-minute watermark is past it) and accounted (no accounting run still needs its power samples for
 * electricity): retention never destroys what has not been summarised or billed.
 */
public final class TelemetryRetention {
  private static final Logger LOG = LoggerFactory.getLogger(TelemetryRetention.class);
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd");

  private final Jdbi jdbi;
  private final Clock clock;
  private final TelemetryRollups rollups;
  private final Duration raw;
  private final Duration minutes;
  private final Duration hours;

  public TelemetryRetention(
      Jdbi jdbi,
      Clock clock,
      TelemetryRollups rollups,
      Duration raw,
      Duration minutes,
      Duration hours) {
    this.jdbi = jdbi;
    this.clock = clock;
    this.rollups = rollups;
    this.raw = raw;
    this.minutes = minutes;
    this.hours = hours;
  }

  /** What one run removed. */
  public record Result(
      List<String> droppedPartitions,
      int defaultRows,
      int minuteRows,
      int hourRows,
      Instant rawCutoff) {
    @Override
    public String toString() {
      return "dropped "
          + droppedPartitions.size()
          + " raw partitions "
          + droppedPartitions
          + " (raw kept from "
          + rawCutoff
          + "), "
          + defaultRows
          + " stragglers, "
          + minuteRows
          + " minute and "
          + hourRows
          + " hour rollup rows";
    }
  }

  public Result run() {
    Instant now = clock.instant();
    Instant cutoff =
        now.minus(raw)
            .atZone(ZoneOffset.UTC)
            .toLocalDate()
            .atStartOfDay(ZoneOffset.UTC)
            .toInstant();
    Instant rolledUp = rollups.doneUntil().orElse(Instant.EPOCH);
    if (rolledUp.isBefore(cutoff)) {
      cutoff = rolledUp;
    }
    Optional<Instant> accounted = accountedUntil();
    if (accounted.isPresent() && accounted.get().isBefore(cutoff)) {
      cutoff = accounted.get();
    }
    Instant rawCutoff = cutoff;
    List<String> dropped = new ArrayList<>();
    for (String partition : partitions()) {
      Optional<LocalDate> day = dayOf(partition);
      if (day.isEmpty()) {
        continue;
      }
      Instant dayEnd = day.get().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
      if (!dayEnd.isAfter(rawCutoff)) {
        jdbi.useHandle(h -> h.execute("DROP TABLE IF EXISTS " + partition));
        dropped.add(partition);
      }
    }
    if (!dropped.isEmpty()) {
      LOG.info("dropped raw telemetry partitions {}", dropped);
    }
    return jdbi.withHandle(h -> {
      int stragglers =
          h.createUpdate("DELETE FROM telemetry_default WHERE ts < :cutoff")
              .bind("cutoff", rawCutoff)
              .execute();
      int m =
          h.createUpdate("DELETE FROM telemetry_1m WHERE bucket < :cutoff")
              .bind("cutoff", now.minus(minutes))
              .execute();
      int hr =
          h.createUpdate("DELETE FROM telemetry_1h WHERE bucket < :cutoff")
              .bind("cutoff", now.minus(hours))
              .execute();
      return new Result(dropped, stragglers, m, hr, rawCutoff);
    });
  }

  /**
   * Until when electricity is billed, if anything bills it: the newest accounting run's end while
   * some client account has a site; nothing while none does.
   */
  private Optional<Instant> accountedUntil() {
    return jdbi.withHandle(h -> {
      boolean billing =
          h.createQuery("SELECT EXISTS (SELECT 1 FROM client_accounts WHERE site IS NOT NULL)")
              .mapTo(Boolean.class)
              .one();
      if (!billing) {
        return Optional.empty();
      }
      return Optional.of(
          h.createQuery("SELECT coalesce(max(period_end), 'epoch') FROM accounting_runs")
              .mapTo(Instant.class)
              .one());
    });
  }

  private List<String> partitions() {
    return jdbi.withHandle(h ->
        h.createQuery(
                """
                SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
                 WHERE i.inhparent = 'telemetry'::regclass ORDER BY c.relname\
                """)
            .mapTo(String.class)
            .list());
  }

  private static Optional<LocalDate> dayOf(String partition) {
    String prefix = TelemetryPartitionMaintainer.partitionName(LocalDate.EPOCH).substring(0, 11);
    if (!partition.startsWith(prefix) || partition.length() != prefix.length() + 8) {
      return Optional.empty();
    }
    try {
      return Optional.of(LocalDate.parse(partition.substring(prefix.length()), DAY));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }
}
