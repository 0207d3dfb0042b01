package io.otedama.controller.power;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A rig's power as the controller measures it: {@code powerW} is the outlet's reading when its PDU
 * meters outlets, else what the rig reports, else its nameplate ({@code source} says which); {@code
 * joulesPerTerahash} is that power over the hashrate.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RigPower(
    String rigId,
    String name,
    String status,
    double hashrateHs,
    Double powerW,
    String source,
    Double outletPowerW,
    Double reportedPowerW,
    Double nameplateW,
    Double joulesPerTerahash,
    String deviceId,
    Integer outletIndex,
    String outletState,
    boolean powerModes) {

  /** Joules per terahash: watts over TH/s; null when nothing hashes or nothing is measured. */
  public static Double efficiency(Double watts, double hashrateHs) {
    if (watts == null || hashrateHs <= 0) {
      return null;
    }
    return Math.round(watts / (hashrateHs / 1e12) * 100.0) / 100.0;
  }
}
