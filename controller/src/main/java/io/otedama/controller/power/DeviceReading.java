package io.otedama.controller.power;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/**
 * The outcome of one poll: for a PDU its total power and outlets, for a switch its interfaces; an
 * unreachable device has {@code reachable} false and the reason in {@code error}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DeviceReading(
    String deviceId,
    Instant at,
    boolean reachable,
    String error,
    Double powerW,
    List<OutletReading> outlets,
    List<InterfaceReading> interfaces) {

  public static DeviceReading failed(String deviceId, Instant at, String error) {
    return new DeviceReading(deviceId, at, false, error, null, List.of(), List.of());
  }

  public OutletReading outlet(int index) {
    return outlets.stream().filter(o -> o.index() == index).findFirst().orElse(null);
  }
}
