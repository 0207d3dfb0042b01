package io.otedama.controller.power;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The newest reading of every device, in memory (what the API, metrics and features read). */
public final class PowerReadings {
  private final Map<String, DeviceReading> byDevice = new ConcurrentHashMap<>();

  public void put(DeviceReading reading) {
    byDevice.put(reading.deviceId(), reading);
  }

  public Optional<DeviceReading> get(String deviceId) {
    return Optional.ofNullable(byDevice.get(deviceId));
  }

  public void remove(String deviceId) {
    byDevice.remove(deviceId);
  }

  /** The outlet as last read, when its device answered the last poll. */
  public Optional<OutletReading> outlet(String deviceId, int index) {
    DeviceReading r = byDevice.get(deviceId);
    return r == null || !r.reachable() ? Optional.empty() : Optional.ofNullable(r.outlet(index));
  }

  public Map<String, DeviceReading> snapshot() {
    return Map.copyOf(byDevice);
  }
}
