package io.otedama.controller.demo;

import io.dropwizard.core.setup.Environment;
import io.otedama.controller.OtedamaApplication;
import io.otedama.controller.OtedamaConfiguration;

/**
 * The controller plus the demo's simulated rigs. The fleet is registered last, so on shutdown
 * (Ctrl-C: Jetty's shutdown hook stops the managed objects in reverse order) the rigs stop before
 * the MQTT edge, the share log and the database.
 */
final class DemoApplication extends OtedamaApplication {
  private final int rigs;
  private final int port;
  private final String adminPassword;
  private final DemoReleaseKey releaseKey;

  DemoApplication(int rigs, int port, String adminPassword, DemoReleaseKey releaseKey) {
    this.rigs = rigs;
    this.port = port;
    this.adminPassword = adminPassword;
    this.releaseKey = releaseKey;
  }

  @Override
  public void run(OtedamaConfiguration config, Environment environment) {
    super.run(config, environment);
    DemoFleet fleet =
        new DemoFleet(rigs, port, adminPassword, releaseKey, environment.getObjectMapper());
    environment.lifecycle().manage(fleet);
    environment.lifecycle().addServerLifecycleListener(server -> fleet.launch());
  }
}
