package io.otedama.protocol.message;

import java.util.List;

/**
 * Published every telemetry interval on {@code .../telemetry}.
 *
 * @param hashrateHs the rig's hashrate in hashes per second, >= 0
 * @param temperatureC the maximum over the devices in °C, -50..200, or null without sensors
 * @param fanRpm the fastest fan in RPM, or null without fan sensors
 * @param powerW the rig's power draw in watts, or null when unknown
 * @param accepted shares accepted since the agent started, >= 0
 * @param rejected shares rejected since the agent started, >= 0
 * @param uptimeS agent uptime in seconds, >= 0
 * @param devices per-device figures, at most 256, possibly empty
 * @param host host figures, or null
 */
public record TelemetryMessage(
    int v,
    long ts,
    double hashrateHs,
    Double temperatureC,
    Integer fanRpm,
    Double powerW,
    long accepted,
    long rejected,
    long uptimeS,
    List<DeviceTelemetry> devices,
    HostTelemetry host)
    implements RigMessage {
  public TelemetryMessage {
    devices = List.copyOf(devices);
  }

  /** A telemetry message with the current schema version. */
  public TelemetryMessage(
      long ts,
      double hashrateHs,
      Double temperatureC,
      Integer fanRpm,
      Double powerW,
      long accepted,
      long rejected,
      long uptimeS,
      List<DeviceTelemetry> devices,
      HostTelemetry host) {
    this(
        VERSION,
        ts,
        hashrateHs,
        temperatureC,
        fanRpm,
        powerW,
        accepted,
        rejected,
        uptimeS,
        devices,
        host);
  }
}
