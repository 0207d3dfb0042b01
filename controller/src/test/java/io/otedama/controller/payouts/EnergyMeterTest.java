package io.otedama.controller.payouts;

import static org.assertj.core.api.Assertions.assertThat;

import io.otedama.controller.payouts.testing.PayoutTestDatabase;
import io.otedama.controller.payouts.testing.TestDatabase;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Energy from telemetry power samples: trapezoids, gaps, period edges, rig ownership. */
class EnergyMeterTest {
  private static final Instant T = Instant.parse("2025-03-01T00:00:00Z");
  private static TestDatabase db;
  private static final EnergyMeter METER = new EnergyMeter(Duration.ofMinutes(5));

  @BeforeAll
  static void database() {
    db = PayoutTestDatabase.create();
    db.sql(
        "INSERT INTO client_accounts (name, scheme, pool_fee_bps, hosting_fee_bps,"
            + " payout_threshold_sats) VALUES ('one', 'pplns', 0, 0, 1000), ('two', 'pps', 0, 0,"
            + " 1000)");
    for (String rig : new String[] {"r1", "r2", "r3", "r4", "farm"}) {
      db.insertRig(rig);
    }
    db.sql(
        "UPDATE rigs SET account_id = 1 WHERE id IN ('r1', 'r2')",
        "UPDATE rigs SET account_id = 2 WHERE id IN ('r3', 'r4')");
  }

  private static void sample(String rig, Instant ts, String powerW) {
    db.sql(
        "INSERT INTO telemetry (rig_id, ts, received_at, hashrate_hs, power_w) VALUES ('"
            + rig
            + "', '"
            + ts
            + "', now(), 0, "
            + powerW
            + ")");
  }

  private static Map<Long, BigDecimal> energy(Instant start, Instant end) {
    return db.jdbi().withHandle(h -> METER.energyByAccount(h, new AccountingPeriod(start, end)));
  }

  @Test
  void integratesPowerOverTimeAcrossRigsAndLeavesGapsUnbilled() {
    Instant day = T;
    // r1: 1000 W then 2000 W a minute later: 60 s * 1500 W = 90 000 Ws;
    // then 3000 W ten minutes later: a gap over the 5-minute limit, not billed
    sample("r1", day, "1000");
    sample("r1", day.plusSeconds(60), "2000");
    sample("r1", day.plusSeconds(660), "3000");
    // r2 (same account): 1234.5 W held for 30 s = 37 035 Ws
    sample("r2", day.plusSeconds(100), "1234.5");
    sample("r2", day.plusSeconds(130), "1234.5");
    // r2 also reports a sample without power: it is skipped, not read as 0 W
    db.sql(
        "INSERT INTO telemetry (rig_id, ts, received_at, hashrate_hs) VALUES ('r2', '"
            + day.plusSeconds(115)
            + "', now(), 0)");
    // the farm's own rig is nobody's electricity
    sample("farm", day, "5000");
    sample("farm", day.plusSeconds(60), "5000");

    Map<Long, BigDecimal> energy = energy(day, day.plus(Duration.ofHours(1)));
    assertThat(energy).containsOnlyKeys(1L);
    assertThat(energy.get(1L)).isEqualByComparingTo("127035");
  }

  @Test
  void anIntervalBelongsToThePeriodOfItsLaterSampleSoNothingIsBilledTwice() {
    Instant edge = T.plus(Duration.ofDays(1));
    // r3: samples 30 s either side of midnight, and another 60 s later
    sample("r3", edge.minusSeconds(30), "1000");
    sample("r3", edge.plusSeconds(30), "3000");
    sample("r3", edge.plusSeconds(90), "3000");
    Map<Long, BigDecimal> before = energy(edge.minus(Duration.ofHours(1)), edge);
    Map<Long, BigDecimal> after = energy(edge, edge.plus(Duration.ofHours(1)));
    // the interval across midnight (60 s, 1000 -> 3000 W: 120 000 Ws) is the later period's,
    // with the following one (60 s at 3000 W: 180 000 Ws)
    assertThat(before).doesNotContainKey(2L);
    assertThat(after.get(2L)).isEqualByComparingTo("300000");
  }

  @Test
  void reassigningARigMovesItsEnergyToTheNewAccountFromTheNextRun() {
    Instant start = T.plus(Duration.ofDays(3));
    sample("r4", start, "100");
    sample("r4", start.plusSeconds(10), "100");
    assertThat(energy(start, start.plusSeconds(60)).get(2L)).isEqualByComparingTo("1000");
    db.sql("UPDATE rigs SET account_id = 1 WHERE id = 'r4'");
    assertThat(energy(start, start.plusSeconds(60))).containsOnlyKeys(1L);
    db.sql("UPDATE rigs SET account_id = 2 WHERE id = 'r4'");
  }
}
