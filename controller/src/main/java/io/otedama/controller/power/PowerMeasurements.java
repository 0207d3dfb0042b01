package io.otedama.controller.power;

import java.util.List;
import java.util.Optional;

/**
 * Measured power per rig, by preference: the PDU outlet (metered and read in the last poll), then
 * what the rig reports in telemetry, then its nameplate. Offline rigs whose outlet is off draw
 * nothing, whatever their last report said.
 */
public final class PowerMeasurements {
  private final RigPowerQueries rigs;
  private final PowerReadings readings;

  public PowerMeasurements(RigPowerQueries rigs, PowerReadings readings) {
    this.rigs = rigs;
    this.readings = readings;
  }

  public List<RigPower> all() {
    return rigs.all().stream().map(this::measure).toList();
  }

  public Optional<RigPower> rig(String rigId) {
    return rigs.rig(rigId).map(this::measure);
  }

  public RigPower measure(RigPowerFacts f) {
    OutletMapping m = f.mapping();
    OutletReading outlet =
        m == null ? null : readings.outlet(m.deviceId(), m.outletIndex()).orElse(null);
    Double outletW = outlet == null ? null : outlet.powerW();
    Double nameplate = m == null ? null : m.nameplateW();
    Double reported = "online".equals(f.status()) ? f.reportedPowerW() : null;
    Double watts;
    String source;
    if (outlet != null && "off".equals(outlet.state())) {
      watts = 0.0;
      source = "pdu";
    } else if (outletW != null) {
      watts = outletW;
      source = "pdu";
    } else if (reported != null) {
      watts = reported;
      source = "reported";
    } else if (nameplate != null && "online".equals(f.status())) {
      watts = nameplate;
      source = "nameplate";
    } else {
      watts = null;
      source = null;
    }
    double hashrate = "online".equals(f.status()) ? f.hashrateHs() : 0;
    return new RigPower(
        f.rigId(),
        f.name(),
        f.status(),
        hashrate,
        watts,
        source,
        outletW,
        f.reportedPowerW(),
        nameplate,
        RigPower.efficiency(watts, hashrate),
        m == null ? null : m.deviceId(),
        m == null ? null : m.outletIndex(),
        outlet == null ? null : outlet.state(),
        f.powerModes());
  }
}
