package io.otedama.controller.maintenance;

import static org.assertj.core.api.Assertions.assertThat;

import io.otedama.controller.payouts.ShareLogPruning;
import io.otedama.controller.support.MigratedDatabase;
import io.otedama.controller.support.MutableClock;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The housekeeping jobs' work on a real database, with time moved by hand. */
class MaintenanceJobsTest {
  private static final Instant T0 = Instant.parse("2031-05-10T10:00:00Z");
  private static Jdbi jdbi;

  @BeforeAll
  static void database() {
    jdbi = MigratedDatabase.create();
  }

  @Test
  void rollupsAggregateMinutesAndHoursAndPickUpLateRows() {
    MutableClock clock = new MutableClock(T0.plusSeconds(150)); // 10:02:30
    // rig-r: 10:00:00 and 10:00:30 in one minute, 10:01:15 in the next, 10:02:10 still open
    telemetry("rig-r", T0, 100, 50, 1000);
    telemetry("rig-r", T0.plusSeconds(30), 300, 60, 1200);
    telemetry("rig-r", T0.plusSeconds(75), 200, 55, null);
    telemetry("rig-r", T0.plusSeconds(130), 999, 99, 999);
    TelemetryRollups rollups =
        new TelemetryRollups(jdbi, clock, Duration.ofMinutes(10), Duration.ofMinutes(30));

    TelemetryRollups.Result first = rollups.run();
    assertThat(first.minuteBuckets()).isEqualTo(2);
    Map<String, Object> m0 = row("telemetry_1m", "rig-r", T0);
    assertThat(m0.get("samples")).isEqualTo(2);
    assertThat((Double) m0.get("hashrate_avg_hs")).isEqualTo(200.0);
    assertThat((Double) m0.get("hashrate_max_hs")).isEqualTo(300.0);
    assertThat((Float) m0.get("temperature_max_c")).isEqualTo(60f);
    assertThat((Float) m0.get("power_avg_w")).isEqualTo(1100f);
    assertThat(row("telemetry_1m", "rig-r", T0.plusSeconds(60)).get("power_avg_w")).isNull();
    assertThat(rollups.doneUntil()).contains(T0.plusSeconds(120));

    // a late row for 10:01 arrives within the look-back; the next run recomputes that minute
    telemetry("rig-r", T0.plusSeconds(90), 400, 50, 800);
    clock.advance(Duration.ofMinutes(5));
    rollups.run();
    // an hour later the hour 10:00-11:00 closes
    clock.advance(Duration.ofHours(1));
    TelemetryRollups.Result second = rollups.run();
    assertThat(second.hourBuckets()).isEqualTo(1);
    Map<String, Object> m1 = row("telemetry_1m", "rig-r", T0.plusSeconds(60));
    assertThat(m1.get("samples")).isEqualTo(2);
    assertThat((Double) m1.get("hashrate_avg_hs")).isEqualTo(300.0);
    Map<String, Object> h0 = row("telemetry_1h", "rig-r", T0);
    assertThat(h0.get("samples")).isEqualTo(5);
    // hourly average weighted by samples: (100+300+200+400+999)/5
    assertThat((Double) h0.get("hashrate_avg_hs")).isEqualTo(399.8);
    assertThat((Float) h0.get("temperature_max_c")).isEqualTo(99f);

    // running again changes nothing
    rollups.run();
    assertThat(row("telemetry_1h", "rig-r", T0).get("samples")).isEqualTo(5);
  }

  @Test
  void retentionDropsOldRawDaysOnlyOnceRolledUpAndKeepsRollupsLonger() {
    Instant now = Instant.parse("2031-06-20T12:00:00Z");
    MutableClock clock = new MutableClock(now);
    jdbi.useHandle(h -> {
      h.execute(
          "CREATE TABLE telemetry_p20310601 PARTITION OF telemetry"
              + " FOR VALUES FROM ('2031-06-01T00:00:00Z') TO ('2031-06-02T00:00:00Z')");
      h.execute(
          "CREATE TABLE telemetry_p20310618 PARTITION OF telemetry"
              + " FOR VALUES FROM ('2031-06-18T00:00:00Z') TO ('2031-06-19T00:00:00Z')");
      h.execute(
          "INSERT INTO telemetry_1m (rig_id, bucket, samples, hashrate_avg_hs, hashrate_max_hs)"
              + " VALUES ('rig-old', '2031-01-01T00:00:00Z', 1, 1, 1),"
              + " ('rig-new', '2031-06-01T00:00:00Z', 1, 1, 1)");
    });
    TelemetryRollups rollups =
        new TelemetryRollups(jdbi, clock, Duration.ofMinutes(10), Duration.ofDays(7));
    TelemetryRetention retention =
        new TelemetryRetention(
            jdbi, clock, rollups, Duration.ofDays(7), Duration.ofDays(90), Duration.ofDays(730));
    jdbi.useHandle(h -> h.execute("DELETE FROM telemetry_rollup_state"));

    // nothing is rolled up yet: no raw day may go
    assertThat(retention.run().droppedPartitions()).isEmpty();
    assertThat(exists("telemetry_p20310601")).isTrue();

    jdbi.useHandle(h ->
        h.execute(
            "INSERT INTO telemetry_rollup_state VALUES ('1m', '2031-06-20T11:59:00Z')"
                + " ON CONFLICT (rollup) DO UPDATE SET done_until = EXCLUDED.done_until"));
    TelemetryRetention.Result result = retention.run();
    assertThat(result.droppedPartitions()).containsExactly("telemetry_p20310601");
    assertThat(exists("telemetry_p20310601")).isFalse();
    assertThat(exists("telemetry_p20310618")).isTrue();
    // the minute rollups are kept 90 days: 2031-01-01 went, 06-01 stays
    java.util.List<String> kept =
        jdbi.withHandle(h ->
            h.createQuery("SELECT rig_id FROM telemetry_1m WHERE rig_id IN ('rig-old', 'rig-new')")
                .mapTo(String.class)
                .list());
    assertThat(kept).containsExactly("rig-new");
  }

  @Test
  void cleanupDeletesExpiredTokensSessionsAndOldJobRuns() {
    Instant now = Instant.parse("2031-07-01T00:00:00Z");
    jdbi.useHandle(h -> {
      long user =
          h.createQuery(
                  "INSERT INTO users (username, password_hash, role) VALUES ('u', 'x', 'viewer')"
                      + " RETURNING id")
              .mapTo(Long.class)
              .one();
      h.createUpdate(
              "INSERT INTO api_tokens (token_sha256, user_id, expires_at) VALUES"
                  + " ('\\x01', :u, '2031-06-30T23:00:00Z'), ('\\x02', :u, '2031-07-01T01:00:00Z')")
          .bind("u", user)
          .execute();
      h.execute(
          "INSERT INTO enrollment_tokens (token_sha256, uses_total, uses_left, expires_at) VALUES"
              + " ('\\x01', 1, 1, '2031-06-29T00:00:00Z'), ('\\x02', 1, 1, '2031-06-30T12:00:00Z')");
      h.execute(
          "INSERT INTO scheduled_job_runs"
              + " (job, instance, manual, scheduled_at, started_at, finished_at, outcome) VALUES"
              + " ('x', 'i', false, '2031-05-01Z', '2031-05-01Z', '2031-05-01Z', 'success'),"
              + " ('x', 'i', false, '2031-06-30Z', '2031-06-30Z', '2031-06-30Z', 'success')");
    });
    ExpiredRowsCleanup.Result result =
        new ExpiredRowsCleanup(jdbi, new MutableClock(now), Duration.ofDays(30)).run();
    assertThat(result.tokens()).isEqualTo(1);
    assertThat(result.enrollmentTokens()).isEqualTo(1); // the other expired under a day ago
    assertThat(result.jobRuns()).isEqualTo(1);
  }

  @Test
  void shareLogPruningKeepsWhatAccountingAndThePplnsWindowStillNeed() {
    Instant t = Instant.parse("2031-08-01T00:00:00Z");
    MutableClock clock = new MutableClock(t.plus(Duration.ofDays(30)));
    ShareLogPruning pruning =
        new ShareLogPruning(jdbi, clock, Duration.ofDays(7), () -> BigDecimal.valueOf(5));
    jdbi.useHandle(h -> {
      for (int i = 0; i < 20; i++) { // one share of difficulty 1 every hour
        h.createUpdate(
                "INSERT INTO shares (rig_id, share_id, source, pool, job_id, difficulty,"
                    + " share_difficulty, upstream, block, ts)"
                    + " VALUES ('r', :id, 'local', 'local', 'j', 1, 1, false, false, :ts)")
            .bind("id", "p" + i)
            .bind("ts", t.plus(Duration.ofHours(i)))
            .execute();
      }
    });
    assertThat(pruning.run().shares()).isZero(); // no accounting run yet

    jdbi.useHandle(h ->
        h.createUpdate(
                "INSERT INTO accounting_runs (period_start, period_end, block_subsidy_sats,"
                    + " expected_fees_per_block_sats, network_difficulty, pplns_window_factor)"
                    + " VALUES (:s, :e, 1, 0, 1, 2)")
            .bind("s", t)
            .bind("e", t.plus(Duration.ofHours(15)))
            .execute());
    ShareLogPruning.Result result = pruning.run();
    // accounted until 15:00; the window of 5 difficulty back from there (15:00 included) starts
    // at 11:00: the 11 shares before it go
    assertThat(result.cutoff()).isEqualTo(t.plus(Duration.ofHours(11)));
    assertThat(result.shares()).isEqualTo(11);
    assertThat(result.reason()).contains("PPLNS window");
  }

  private static void telemetry(
      String rig, Instant ts, double hashrate, float temp, Integer power) {
    jdbi.useHandle(h ->
        h.createUpdate(
                "INSERT INTO telemetry (rig_id, ts, received_at, hashrate_hs, temperature_c,"
                    + " power_w) VALUES (:rig, :ts, :ts, :h, :t, :p)")
            .bind("rig", rig)
            .bind("ts", ts)
            .bind("h", hashrate)
            .bind("t", temp)
            .bind("p", power == null ? null : power.floatValue())
            .execute());
  }

  private static Map<String, Object> row(String table, String rig, Instant bucket) {
    return jdbi.withHandle(h ->
        h.createQuery("SELECT * FROM " + table + " WHERE rig_id = :rig AND bucket = :bucket")
            .bind("rig", rig)
            .bind("bucket", bucket)
            .mapToMap()
            .one());
  }

  private static boolean exists(String table) {
    return jdbi.withHandle(h ->
        h.createQuery("SELECT to_regclass(:t) IS NOT NULL")
            .bind("t", table)
            .mapTo(Boolean.class)
            .one());
  }
}
