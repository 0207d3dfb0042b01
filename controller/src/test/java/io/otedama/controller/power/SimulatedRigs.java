package io.otedama.controller.power;

import java.time.Instant;
import org.jdbi.v3.core.Jdbi;

/**
 * Puts enrolled rigs into the state their telemetry would leave them in (status, hashrate, reported
 * power, capabilities), the way the telemetry writer and the fleet's liveness sweep update the rigs
 * table, so power tests control exactly what the fleet looks like.
 */
final class SimulatedRigs {
  private final Jdbi jdbi;

  SimulatedRigs(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  void report(
      String rigId,
      String status,
      double hashrateHs,
      Double powerW,
      boolean powerModes,
      Instant statusChangedAt) {
    jdbi.useHandle(h ->
        h.createUpdate(
                "UPDATE rigs SET status = :status, status_changed_at = :since, hashrate_hs = :h,"
                    + " power_w = :p, capabilities = CAST(:caps AS jsonb), last_seen = :since,"
                    + " last_telemetry_at = :since WHERE id = :id")
            .bind("status", status)
            .bind("since", statusChangedAt)
            .bind("h", hashrateHs)
            .bind("p", powerW)
            .bind(
                "caps", powerModes ? "[\"cmd:reboot\",\"cmd:set-power-mode\"]" : "[\"cmd:reboot\"]")
            .bind("id", rigId)
            .execute());
  }

  void power(String rigId, double powerW) {
    jdbi.useHandle(h ->
        h.createUpdate("UPDATE rigs SET power_w = :p WHERE id = :id")
            .bind("p", powerW)
            .bind("id", rigId)
            .execute());
  }
}
