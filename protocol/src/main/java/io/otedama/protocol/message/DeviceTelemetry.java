package io.otedama.protocol.message;

import java.util.Objects;

/**
 * One device's figures in a telemetry message.
 *
 * @param id the device id from the birth message, required
 * @param kind the device kind from the birth message, required
 * @param hashrateHs current hashrate in hashes per second, >= 0
 * @param temperatureC hottest sensor of the device in °C, -50..200, or null without a sensor
 * @param fanRpm fastest fan in RPM, >= 0, or null without a fan sensor
 * @param powerW power draw in watts, >= 0, or null when the device does not report it
 * @param accepted shares accepted since the agent started, >= 0
 * @param rejected shares rejected since the agent started, >= 0
 * @param status {@code mining}, {@code idle}, {@code overheat}, {@code hung}, {@code error}, {@code
 *     offline} or a future lower-case word, required
 */
public record DeviceTelemetry(
    String id,
    String kind,
    double hashrateHs,
    Double temperatureC,
    Integer fanRpm,
    Double powerW,
    long accepted,
    long rejected,
    String status) {
  public DeviceTelemetry {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(status, "status");
  }
}
