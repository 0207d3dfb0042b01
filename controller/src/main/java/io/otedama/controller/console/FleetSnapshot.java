package io.otedama.controller.console;

import io.otedama.controller.fleet.FleetSummary;
import java.util.List;

/**
 * What the live overview shows: the fleet summary and the hottest rigs that are not offline. Pushed
 * whole on every change, so a client that missed events is current with the next one.
 */
public record FleetSnapshot(FleetSummary summary, List<HotRig> hottest) {
  /** One of the hottest rigs. */
  public record HotRig(String id, String name, String status, Float temperatureC, String group) {}
}
