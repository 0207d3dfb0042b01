package io.otedama.controller.telemetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.otedama.controller.testing.GatedDataSource;
import io.otedama.controller.testing.Rigs;
import io.otedama.controller.testing.Sql;
import io.otedama.controller.testing.TestDatabase;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The COPY batch writer against real PostgreSQL with the real migrations. */
class TelemetryBatchWriterTest {

  static DataSource database;

  SimpleMeterRegistry registry = new SimpleMeterRegistry();
  TelemetryBatchWriter writer;

  @BeforeAll
  static void migrate() throws Exception {
    database = TestDatabase.newMigratedDatabase();
    new TelemetryPartitionMaintainer(database, new TelemetryConfiguration()).ensurePartitions();
  }

  @BeforeEach
  void clean() throws Exception {
    try (var c = database.getConnection();
        var s = c.createStatement()) {
      s.execute("TRUNCATE telemetry");
      s.execute("DELETE FROM rigs");
    }
    Rigs.insert(database, "rig-1", "rig-2", "rig-3");
  }

  @AfterEach
  void stopWriter() throws Exception {
    if (writer != null) {
      writer.stop();
    }
  }

  private TelemetryBatchWriter start(DataSource source, int queueCapacity) {
    return start(source, queueCapacity, new TelemetryConfiguration().getBatchSize());
  }

  private TelemetryBatchWriter start(DataSource source, int queueCapacity, int batchSize) {
    TelemetryConfiguration config = new TelemetryConfiguration();
    config.setQueueCapacity(queueCapacity);
    config.setBatchSize(batchSize);
    writer = new TelemetryBatchWriter(source, config, registry);
    writer.start();
    return writer;
  }

  private static TelemetryRow row(String rig, long ts, double hashrate, String devicesJson) {
    return new TelemetryRow(
        rig,
        ts,
        System.currentTimeMillis(),
        System.nanoTime(),
        hashrate,
        61.5,
        4200,
        1350.0,
        10,
        1,
        3600,
        devicesJson);
  }

  private long rowsIn(String rig) {
    return Sql.count(database, "SELECT count(*) FROM telemetry WHERE rig_id = '" + rig + "'");
  }

  @Test
  void writesRowsAndTheLatestFiguresOfEachRig() throws Exception {
    start(database, 1000);
    long now = System.currentTimeMillis();
    writer.enqueue(row("rig-1", now - 2000, 100e12, "[]"));
    writer.enqueue(row("rig-1", now - 1000, 110e12, "[]"));
    writer.enqueue(row("rig-2", now - 1000, 50e12, null));

    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> rowsIn("rig-1") == 2 && rowsIn("rig-2") == 1);
    Map<String, Object> rig1 =
        Sql.rows(
                database,
                "SELECT hashrate_hs, temperature_c, fan_rpm, power_w, accepted_shares,"
                    + " rejected_shares, uptime_s, extract(epoch from last_telemetry_at) * 1000 AS"
                    + " ts_ms, last_seen FROM rigs WHERE id = 'rig-1'")
            .get(0);
    assertThat(rig1.get("hashrate_hs")).isEqualTo(110e12);
    assertThat(rig1.get("temperature_c")).isEqualTo(61.5f);
    assertThat(rig1.get("fan_rpm")).isEqualTo(4200);
    assertThat(rig1.get("power_w")).isEqualTo(1350.0f);
    assertThat(rig1.get("accepted_shares")).isEqualTo(10L);
    assertThat(rig1.get("rejected_shares")).isEqualTo(1L);
    assertThat(rig1.get("uptime_s")).isEqualTo(3600L);
    assertThat(((Number) rig1.get("ts_ms")).longValue()).isEqualTo(now - 1000);
    assertThat(rig1.get("last_seen")).isNotNull();
    assertThat(
            Sql.count(
                database, "SELECT count(*) FROM rigs WHERE id = 'rig-3' AND last_seen IS NULL"))
        .isEqualTo(1);

    // a late, older message (a spool replay) is stored but does not roll the figures back
    writer.enqueue(row("rig-1", now - 5000, 1.0, "[]"));
    await().atMost(Duration.ofSeconds(10)).until(() -> rowsIn("rig-1") == 3);
    assertThat(Sql.rows(database, "SELECT hashrate_hs FROM rigs WHERE id = 'rig-1'").get(0))
        .containsEntry("hashrate_hs", 110e12);

    assertThat(registry.get("otedama_telemetry_rows_written_total").counter().count()).isEqualTo(4);
    assertThat(registry.get("otedama_telemetry_ingest_seconds").timer().count()).isEqualTo(4);
    assertThat(registry.get("otedama_telemetry_delivery_seconds").timer().count()).isEqualTo(4);
  }

  @Test
  void escapesTextAndKeepsNulls() throws Exception {
    start(database, 1000);
    String devices =
        "[{\"id\":\"a\\\\b\",\"note\":\"tab\\there\\nnew line \\\"quoted\\\" \\u00e9\"}]";
    TelemetryRow nulls =
        new TelemetryRow(
            "rig-3",
            System.currentTimeMillis(),
            System.currentTimeMillis(),
            System.nanoTime(),
            0.0,
            null,
            null,
            null,
            0,
            0,
            0,
            null);
    writer.enqueue(row("rig-2", System.currentTimeMillis(), 1.5e9, devices));
    writer.enqueue(nulls);

    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> rowsIn("rig-2") == 1 && rowsIn("rig-3") == 1);
    Map<String, Object> stored =
        Sql.rows(
                database,
                "SELECT devices->0->>'id' AS id, devices->0->>'note' AS note FROM telemetry"
                    + " WHERE rig_id = 'rig-2'")
            .get(0);
    assertThat(stored.get("id")).isEqualTo("a\\b");
    assertThat(stored.get("note")).isEqualTo("tab\there\nnew line \"quoted\" é");
    assertThat(
            Sql.rows(
                    database,
                    "SELECT temperature_c, fan_rpm, power_w, devices FROM telemetry"
                        + " WHERE rig_id = 'rig-3'")
                .get(0)
                .values())
        .containsOnlyNulls();
  }

  @Test
  void aRowPostgresRefusesIsDroppedCountedAndTheRestOfTheBatchLands() throws Exception {
    GatedDataSource gated = new GatedDataSource(database, false);
    start(gated, 1000);
    long now = System.currentTimeMillis();
    writer.enqueue(row("rig-1", now, 1, "[]"));
    // 1e39 W does not fit PostgreSQL's REAL: the whole COPY fails with 22003
    writer.enqueue(
        new TelemetryRow("rig-2", now, now, System.nanoTime(), 1, null, null, 1e39, 0, 0, 0, null));
    writer.enqueue(row("rig-3", now, 3, "[]"));
    gated.open();

    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> rowsIn("rig-1") == 1 && rowsIn("rig-3") == 1);
    assertThat(rowsIn("rig-2")).isZero();
    assertThat(registry.get("otedama_telemetry_rows_failed_total").counter().count()).isEqualTo(1);
  }

  @Test
  void retriesWhileTheDatabaseIsUnreachable() throws Exception {
    GatedDataSource gated = new GatedDataSource(database, true);
    gated.failNextConnections(2);
    start(gated, 1000);
    writer.enqueue(row("rig-1", System.currentTimeMillis(), 1, "[]"));

    await().atMost(Duration.ofSeconds(10)).until(() -> rowsIn("rig-1") == 1);
    assertThat(registry.get("otedama_telemetry_write_failures_total").counter().count())
        .isEqualTo(2);
    assertThat(registry.get("otedama_telemetry_rows_failed_total").counter().count()).isZero();
  }

  @Test
  void aFullQueueMakesTheProducerWaitAndLosesNothing() throws Exception {
    GatedDataSource gated = new GatedDataSource(database, false);
    // the writer holds at most one batch of 5 while the database is away, the queue 2 more
    start(gated, 2, 5);
    long now = System.currentTimeMillis();
    CompletableFuture<Void> producer =
        CompletableFuture.runAsync(() -> {
          try {
            for (int i = 0; i < 20; i++) {
              writer.enqueue(row("rig-1", now + i, i, "[]"));
            }
          } catch (InterruptedException e) {
            throw new IllegalStateException(e);
          }
        });
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> registry.get("otedama_telemetry_queue_full_total").counter().count() >= 1);
    assertThat(producer).isNotDone();
    assertThat(registry.get("otedama_telemetry_queue_rows").gauge().value()).isEqualTo(2);

    gated.open();
    producer.get();
    await().atMost(Duration.ofSeconds(10)).until(() -> rowsIn("rig-1") == 20);
  }

  @Test
  void refusesRowsWhenNotRunning() throws Exception {
    start(database, 10).stop();
    assertThatThrownBy(() -> writer.enqueue(row("rig-1", 1, 1, null)))
        .isInstanceOf(IllegalStateException.class);
    writer = null;
  }

  @Test
  void stopWritesWhatIsQueued() throws Exception {
    start(database, 1000);
    long now = System.currentTimeMillis();
    for (int i = 0; i < 1200; i++) {
      writer.enqueue(row("rig-" + (1 + i % 3), now - i, i, "[]"));
    }
    writer.stop();
    writer = null;
    assertThat(Sql.count(database, "SELECT count(*) FROM telemetry")).isEqualTo(1200);
    assertThat(registry.get("otedama_telemetry_batch_rows").summary().max())
        .isLessThanOrEqualTo(500);
    assertThat(List.of(rowsIn("rig-1"), rowsIn("rig-2"), rowsIn("rig-3")))
        .containsExactly(400L, 400L, 400L);
  }
}
