package io.otedama.protocol.message;

import java.util.Objects;

/**
 * A hashing device as the agent announces it at birth.
 *
 * @param id the device id, unique within the rig, required
 * @param kind {@code cpu}, {@code asic}, {@code gpu}, {@code simulated} or a future kind, required
 * @param model device model, or null
 * @param firmware firmware version, or null
 * @param address where the agent reaches it (e.g. an ASIC's {@code 10.0.0.7:4028}), or null
 */
public record DeviceInfo(String id, String kind, String model, String firmware, String address) {
  public DeviceInfo {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(kind, "kind");
  }
}
