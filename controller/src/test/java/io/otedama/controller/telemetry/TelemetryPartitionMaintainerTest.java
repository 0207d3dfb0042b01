package io.otedama.controller.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import io.otedama.controller.testing.Sql;
import io.otedama.controller.testing.TestDatabase;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

class TelemetryPartitionMaintainerTest {

  private static Clock at(String day) {
    return Clock.fixed(Instant.parse(day + "T12:00:00Z"), ZoneOffset.UTC);
  }

  private static long partitionsNamed(DataSource db, String name) {
    return Sql.count(
        db,
        "SELECT count(*) FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid"
            + " WHERE i.inhparent = 'telemetry'::regclass AND c.relname = '"
            + name
            + "'");
  }

  @Test
  void createsYesterdayTodayAndTheDaysAheadOnce() throws Exception {
    DataSource db = TestDatabase.newMigratedDatabase();
    TelemetryPartitionMaintainer maintainer =
        new TelemetryPartitionMaintainer(db, 3, 3600, at("2031-03-10"));

    assertThat(maintainer.ensurePartitions())
        .containsExactly(
            "telemetry_p20310309",
            "telemetry_p20310310",
            "telemetry_p20310311",
            "telemetry_p20310312",
            "telemetry_p20310313");
    assertThat(maintainer.ensurePartitions()).isEmpty();
    assertThat(partitionsNamed(db, "telemetry_p20310313")).isEqualTo(1);
    assertThat(partitionsNamed(db, "telemetry_default")).isEqualTo(1);
    assertThat(
            Sql.count(
                db,
                "SELECT count(*) FROM pg_indexes WHERE tablename = 'telemetry_p20310310'"
                    + " AND indexdef LIKE '%(rig_id, ts)%'"))
        .as("the partition inherits the (rig_id, ts) index")
        .isEqualTo(1);
  }

  @Test
  void rowsWithoutAPartitionWaitInTheDefaultAndMoveWhenTheirDayIsCreated() throws Exception {
    DataSource db = TestDatabase.newMigratedDatabase();
    new TelemetryPartitionMaintainer(db, 1, 3600, at("2031-03-10")).ensurePartitions();
    try (Connection c = db.getConnection();
        Statement s = c.createStatement()) {
      s.execute(
          "INSERT INTO telemetry (rig_id, ts, received_at, hashrate_hs) VALUES"
              + " ('r1', '2031-03-15T08:00:00Z', now(), 1),"
              + " ('r1', '2031-03-15T23:59:59Z', now(), 2),"
              + " ('r1', '2031-03-20T00:00:00Z', now(), 3)");
    }
    assertThat(Sql.count(db, "SELECT count(*) FROM telemetry_default")).isEqualTo(3);

    new TelemetryPartitionMaintainer(db, 1, 3600, at("2031-03-15")).ensurePartitions();

    assertThat(Sql.count(db, "SELECT count(*) FROM telemetry_p20310315")).isEqualTo(2);
    assertThat(Sql.count(db, "SELECT count(*) FROM telemetry_default")).isEqualTo(1);
    assertThat(Sql.count(db, "SELECT count(*) FROM telemetry")).isEqualTo(3);
    assertThat(TelemetryPartitionMaintainer.partitionName(LocalDate.of(2031, 3, 15)))
        .isEqualTo("telemetry_p20310315");
  }
}
