package io.otedama.controller.maintenance;

import java.util.List;
import org.jdbi.v3.core.Jdbi;

/**
 * {@code ANALYZE} on the tables that grow fastest, so the planner's statistics follow them between
 * autovacuum's own passes (a partitioned parent such as {@code telemetry} is never analysed by
 * autovacuum at all, only its partitions are).
 */
public final class TableAnalyzer {
  static final List<String> TABLES =
      List.of(
          "telemetry",
          "telemetry_1m",
          "telemetry_1h",
          "shares",
          "share_counts",
          "ledger_entries",
          "payout_credits",
          "rig_events",
          "audit_log");

  private final Jdbi jdbi;

  public TableAnalyzer(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  public String run() {
    jdbi.useHandle(h -> {
      for (String table : TABLES) {
        h.execute("ANALYZE " + table);
      }
    });
    return "analyzed " + String.join(", ", TABLES);
  }
}
