package io.otedama.controller.payouts;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import org.jdbi.v3.core.Handle;

/**
 * Measures the energy each client account's rigs used in a period from their telemetry power
 * samples ({@code telemetry.power_w}, V1).
 *
 * <p>Power between two consecutive samples of a rig is taken as linear (the trapezoid rule: {@code
 * (t2 - t1)·(p1 + p2)/2}), and each interval belongs to the period holding its later sample, so
 * consecutive periods bill every interval exactly once. Samples further apart than the gap limit
 * bound no interval: a rig that stopped reporting is not billed for the silence. Arithmetic is
 * PostgreSQL {@code numeric} (exact); power is a {@code real} column, converted at its 6
 * significant digits. A rig counts for the account it is assigned to when the run happens.
 */
public final class EnergyMeter {
  private final Duration maxGap;

  public EnergyMeter(Duration maxGap) {
    this.maxGap = maxGap;
  }

  /** Watt-seconds per client account in {@code period}; accounts without samples are absent. */
  public Map<Long, BigDecimal> energyByAccount(Handle handle, AccountingPeriod period) {
    Map<Long, BigDecimal> energy = new TreeMap<>();
    handle
        .createQuery(
            """
            WITH samples AS (
              SELECT r.account_id, t.ts,
                     greatest(t.power_w, 0)::numeric AS p,
                     lag(t.ts) OVER w AS prev_ts,
                     lag(greatest(t.power_w, 0)::numeric) OVER w AS prev_p
                FROM telemetry t
                JOIN rigs r ON r.id = t.rig_id
               WHERE r.account_id IS NOT NULL
                 AND t.power_w IS NOT NULL
                 AND t.ts >= :from AND t.ts < :end
              WINDOW w AS (PARTITION BY t.rig_id ORDER BY t.ts)
            )
            SELECT account_id,
                   sum(extract(epoch FROM ts - prev_ts) * (p + prev_p) * 0.5) AS energy_ws
              FROM samples
             WHERE ts >= :start
               AND prev_ts IS NOT NULL
               AND extract(epoch FROM ts - prev_ts) <= :maxGapSeconds
             GROUP BY account_id\
            """)
        .bind("from", period.start().minus(maxGap))
        .bind("start", period.start())
        .bind("end", period.end())
        .bind("maxGapSeconds", BigDecimal.valueOf(maxGap.toNanos(), 9))
        .map((rs, ctx) -> Map.entry(rs.getLong("account_id"), rs.getBigDecimal("energy_ws")))
        .forEach(e -> energy.put(e.getKey(), e.getValue()));
    return energy;
  }
}
