package io.otedama.controller.support;

import io.otedama.agent.sim.FleetSimulator;
import java.net.URI;
import java.time.Duration;

/** Simulated fleets for tests against a running app. */
public final class TestFleets {
  private TestFleets() {}

  /**
   * A fleet that is quick to observe: telemetry every second, no failure modes, every rig
   * connecting at once; tests add their hash rate, reconnect timing, keys and clock.
   */
  public static FleetSimulator.Options quick(int appPort, String token, int rigs, String name) {
    return FleetSimulator.Options.defaults(URI.create("http://127.0.0.1:" + appPort), token, rigs)
        .withFleetName(name)
        .withFailureShare(0)
        .withTelemetryInterval(Duration.ofSeconds(1))
        .withRamp(Duration.ZERO);
  }
}
