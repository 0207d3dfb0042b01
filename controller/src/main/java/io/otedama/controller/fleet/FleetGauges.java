package io.otedama.controller.fleet;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.otedama.controller.metrics.GaugeRows;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The fleet gauges of CONTRACTS §7, refreshed from the rigs table on a schedule (two queries per
 * refresh), so a scrape reads memory and never queries the database: {@code otedama_rigs{status}},
 * {@code otedama_fleet_hashrate_hs}, {@code otedama_fleet_power_watts}, and per rig {@code
 * otedama_rig_hashrate_hs{rig}}, {@code otedama_rig_temperature_celsius{rig}}, {@code
 * otedama_rig_power_watts{rig}} and {@code otedama_rig_fan_rpm{rig}} (the Rig detail dashboard),
 * and {@code otedama_rig_hashrate_gap_ratio{rig}}: the hashrate estimated from the rig's accepted
 * shares over the reported one, less 1 (for rigs that are not offline, report a hashrate and have
 * an estimate).
 */
public class FleetGauges {
  private static final Logger LOG = LoggerFactory.getLogger(FleetGauges.class);
  private final Jdbi jdbi;
  private final RigQueries queries;
  private final Map<String, Double> rigsByStatus = new ConcurrentHashMap<>();
  private final AtomicReference<FleetSummary> summary = new AtomicReference<>();
  private final GaugeRows rigHashrate;
  private final GaugeRows rigTemperature;
  private final GaugeRows rigPower;
  private final GaugeRows rigFans;
  private final GaugeRows rigHashrateGap;

  public FleetGauges(Jdbi jdbi, RigQueries queries, MeterRegistry registry) {
    this.jdbi = jdbi;
    this.queries = queries;
    for (String status : List.of(RigStatus.ONLINE, RigStatus.STALE, RigStatus.OFFLINE)) {
      rigsByStatus.put(status, 0.0);
      Gauge.builder("otedama.rigs", rigsByStatus, m -> m.getOrDefault(status, 0.0))
          .tag("status", status)
          .description("Rigs by liveness status")
          .register(registry);
    }
    Gauge.builder(
            "otedama.fleet.hashrate.hs", summary, s -> s.get() == null ? 0 : s.get().hashrateHs())
        .description("Hashrate of all rigs that are not offline, hashes per second")
        .register(registry);
    Gauge.builder("otedama.fleet.power.watts", summary, s -> s.get() == null ? 0 : s.get().powerW())
        .description("Power drawn by all rigs that are not offline, watts")
        .register(registry);
    rigHashrate =
        new GaugeRows(
            registry,
            "otedama.rig.hashrate.hs",
            "Hashrate of each rig (0 when offline), hashes per second",
            null);
    rigTemperature =
        new GaugeRows(
            registry,
            "otedama.rig.temperature.celsius",
            "Hottest device temperature of each rig that is not offline",
            null);
    rigPower =
        new GaugeRows(
            registry,
            "otedama.rig.power.watts",
            "Power drawn by each rig that is not offline, watts",
            null);
    rigFans =
        new GaugeRows(
            registry,
            "otedama.rig.fan.rpm",
            "Fan speed reported by each rig that is not offline, revolutions per minute",
            null);
    rigHashrateGap =
        new GaugeRows(
            registry,
            "otedama.rig.hashrate.gap.ratio",
            "Hashrate estimated from a rig's accepted shares divided by the hashrate it reports,"
                + " less 1 (negative: its shares show less than it reports)",
            null);
  }

  public void refresh() {
    try {
      FleetSummary s = queries.summary(null);
      summary.set(s);
      rigsByStatus.put(RigStatus.ONLINE, (double) s.rigsOnline());
      rigsByStatus.put(RigStatus.STALE, (double) s.rigsStale());
      rigsByStatus.put(RigStatus.OFFLINE, (double) s.rigsOffline());
      Map<Tags, Double> hashrates = new HashMap<>();
      Map<Tags, Double> temperatures = new HashMap<>();
      Map<Tags, Double> powers = new HashMap<>();
      Map<Tags, Double> fans = new HashMap<>();
      Map<Tags, Double> gaps = new HashMap<>();
      RigHashrateEstimates estimates = queries.estimates();
      jdbi.useHandle(h ->
          h.createQuery("SELECT id, status, hashrate_hs, temperature_c, power_w, fan_rpm FROM rigs")
              .map((rs, ctx) -> {
                String id = rs.getString(1);
                boolean offline = RigStatus.OFFLINE.equals(rs.getString(2));
                double reported = rs.getDouble(3);
                Tags rig = Tags.of("rig", id);
                hashrates.put(rig, offline ? 0 : reported);
                if (!offline && reported > 0) {
                  java.util.OptionalDouble estimated = estimates.estimatedHashrateHs(id);
                  if (estimated.isPresent()) {
                    gaps.put(rig, estimated.getAsDouble() / reported - 1);
                  }
                }
                float t = rs.getFloat(4);
                if (!rs.wasNull() && !offline) {
                  temperatures.put(rig, (double) t);
                }
                float w = rs.getFloat(5);
                if (!rs.wasNull() && !offline) {
                  powers.put(rig, (double) w);
                }
                int rpm = rs.getInt(6);
                if (!rs.wasNull() && !offline) {
                  fans.put(rig, (double) rpm);
                }
                return null;
              })
              .list());
      rigHashrate.set(hashrates);
      rigTemperature.set(temperatures);
      rigPower.set(powers);
      rigFans.set(fans);
      rigHashrateGap.set(gaps);
    } catch (RuntimeException e) {
      LOG.warn("Could not refresh the fleet gauges: {}", e.toString());
    }
  }
}
