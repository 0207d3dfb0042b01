package io.otedama.controller.support;

import static org.awaitility.Awaitility.await;

import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.ResourceHelpers;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.otedama.controller.OtedamaApplication;
import io.otedama.controller.OtedamaConfiguration;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Builds the app extension every API test class uses: its own fresh database, random ports. {@link
 * #app} is the {@link TestApp} with its seams (hand-moved clock, recording transport); {@link
 * #withBroker} is the production application with its real MQTT transport.
 */
public final class TestApps {
  private TestApps() {}

  public static DropwizardAppExtension<OtedamaConfiguration> app(ConfigOverride... overrides) {
    return extension(TestApp.class, Arrays.asList(overrides));
  }

  public static TestApp testApp(DropwizardAppExtension<OtedamaConfiguration> app) {
    return (TestApp) app.getApplication();
  }

  /**
   * The production application (real clock, real transport) with the embedded HiveMQ broker on
   * loopback port {@code mqttPort} (its own temp data dir), which enrolling rigs are told to use.
   * Wait for {@link #awaitMqttEdge} before talking MQTT.
   */
  public static DropwizardAppExtension<OtedamaConfiguration> withBroker(
      int mqttPort, ConfigOverride... overrides) {
    List<ConfigOverride> all = new ArrayList<>();
    all.add(ConfigOverride.config("mqtt.embeddedPort", Integer.toString(mqttPort)));
    all.add(ConfigOverride.config("mqtt.embeddedBindAddress", "127.0.0.1"));
    all.add(ConfigOverride.config("mqtt.embeddedDataDir", TestApps::brokerDir));
    all.add(ConfigOverride.config("fleet.advertisedMqttUrl", "tcp://127.0.0.1:" + mqttPort));
    all.addAll(Arrays.asList(overrides));
    return extension(OtedamaApplication.class, all);
  }

  /** Waits until the app's own MQTT client is connected to its broker (it connects after start). */
  public static void awaitMqttEdge(DropwizardAppExtension<OtedamaConfiguration> app) {
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> ((OtedamaApplication) app.getApplication()).mqttEdge().client().isConnected());
  }

  private static DropwizardAppExtension<OtedamaConfiguration> extension(
      Class<? extends OtedamaApplication> application, List<ConfigOverride> overrides) {
    List<ConfigOverride> all = new ArrayList<>();
    all.add(ConfigOverride.config("database.url", SharedPostgres::newDatabaseUrl));
    all.add(ConfigOverride.config("database.user", "postgres"));
    all.addAll(overrides);
    return new DropwizardAppExtension<>(
        application,
        ResourceHelpers.resourceFilePath("test-config.yml"),
        all.toArray(ConfigOverride[]::new));
  }

  private static String brokerDir() {
    try {
      return Files.createTempDirectory("otedama-hivemq-").toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
