package io.otedama.controller.telemetry;

import io.dropwizard.lifecycle.Managed;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps daily partitions {@code telemetry_pYYYYMMDD} (UTC days) of the {@code telemetry} table in
 * place from yesterday to {@code partitionDaysAhead} days ahead: at start, then periodically by the
 * Quartz job {@code telemetry-partitions} (or its own timer if {@code
 * partitionCheckIntervalSeconds} is set, for replicas without scheduling).
 *
 * <p>Rows for a day without a partition land in {@code telemetry_default} (migration V51). When a
 * day's partition is created while such rows exist, PostgreSQL would refuse it; they are moved into
 * the new partition in the same transaction, so nothing is lost and the default stays small.
 */
public final class TelemetryPartitionMaintainer implements Managed {

  private static final Logger log = LoggerFactory.getLogger(TelemetryPartitionMaintainer.class);
  private static final DateTimeFormatter SUFFIX = DateTimeFormatter.ofPattern("yyyyMMdd");

  private final DataSource dataSource;
  private final int daysAhead;
  private final long checkIntervalSeconds;
  private final Clock clock;
  private ScheduledExecutorService scheduler;

  public TelemetryPartitionMaintainer(DataSource dataSource, TelemetryConfiguration config) {
    this(
        dataSource,
        config.getPartitionDaysAhead(),
        config.getPartitionCheckIntervalSeconds(),
        Clock.systemUTC());
  }

  TelemetryPartitionMaintainer(
      DataSource dataSource, int daysAhead, long checkIntervalSeconds, Clock clock) {
    this.dataSource = dataSource;
    this.daysAhead = daysAhead;
    this.checkIntervalSeconds = checkIntervalSeconds;
    this.clock = clock;
  }

  public static String partitionName(LocalDate day) {
    return "telemetry_p" + SUFFIX.format(day);
  }

  @Override
  public void start() throws SQLException {
    ensurePartitions();
    if (checkIntervalSeconds <= 0) {
      return; // the Quartz job telemetry-partitions re-checks (scheduling, one replica at a time)
    }
    scheduler =
        Executors.newSingleThreadScheduledExecutor(r -> {
          Thread t = new Thread(r, "telemetry-partitions");
          t.setDaemon(true);
          return t;
        });
    scheduler.scheduleWithFixedDelay(
        this::ensureQuietly, checkIntervalSeconds, checkIntervalSeconds, TimeUnit.SECONDS);
  }

  @Override
  public void stop() {
    if (scheduler != null) {
      scheduler.shutdownNow();
    }
  }

  /** Creates the missing partitions; returns the names of those it created. */
  public synchronized List<String> ensurePartitions() throws SQLException {
    LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
    List<String> created = new ArrayList<>();
    try (Connection c = dataSource.getConnection()) {
      for (LocalDate day = today.minusDays(1);
          !day.isAfter(today.plusDays(daysAhead));
          day = day.plusDays(1)) {
        if (createIfMissing(c, day)) {
          created.add(partitionName(day));
        }
      }
    }
    if (!created.isEmpty()) {
      log.info("Created telemetry partitions {}", created);
    }
    return created;
  }

  private void ensureQuietly() {
    try {
      ensurePartitions();
    } catch (Exception e) {
      log.warn("Could not create telemetry partitions: {}", e.toString());
    }
  }

  private static boolean createIfMissing(Connection c, LocalDate day) throws SQLException {
    String name = partitionName(day);
    if (exists(c, name)) {
      return false;
    }
    String from = day.atStartOfDay(ZoneOffset.UTC).toInstant().toString();
    String to = day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().toString();
    boolean autoCommit = c.getAutoCommit();
    c.setAutoCommit(false);
    try (Statement s = c.createStatement()) {
      // Serialize with other replicas doing the same; the lock ends with the transaction.
      s.execute("SELECT pg_advisory_xact_lock(hashtext('otedama.telemetry_partitions'))");
      if (exists(c, name)) {
        c.rollback();
        return false;
      }
      String range = "ts >= '" + from + "' AND ts < '" + to + "'";
      boolean stragglers;
      try (ResultSet r =
          s.executeQuery("SELECT EXISTS (SELECT 1 FROM telemetry_default WHERE " + range + ")")) {
        stragglers = r.next() && r.getBoolean(1);
      }
      if (stragglers) {
        s.execute("CREATE TABLE " + name + " (LIKE telemetry INCLUDING DEFAULTS)");
        s.execute(
            "WITH moved AS (DELETE FROM telemetry_default WHERE "
                + range
                + " RETURNING *) INSERT INTO "
                + name
                + " SELECT * FROM moved");
        s.execute(
            "ALTER TABLE telemetry ATTACH PARTITION "
                + name
                + " FOR VALUES FROM ('"
                + from
                + "') TO ('"
                + to
                + "')");
      } else {
        s.execute(
            "CREATE TABLE "
                + name
                + " PARTITION OF telemetry FOR VALUES FROM ('"
                + from
                + "') TO ('"
                + to
                + "')");
      }
      c.commit();
      return true;
    } catch (SQLException e) {
      c.rollback();
      throw e;
    } finally {
      c.setAutoCommit(autoCommit);
    }
  }

  private static boolean exists(Connection c, String table) throws SQLException {
    try (PreparedStatement q = c.prepareStatement("SELECT to_regclass(?) IS NOT NULL")) {
      q.setString(1, table);
      try (ResultSet r = q.executeQuery()) {
        return r.next() && r.getBoolean(1);
      }
    }
  }
}
