package io.otedama.controller.support;

import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.ResourceHelpers;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.otedama.controller.OtedamaConfiguration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Builds the app extension every API test class uses: its own fresh database, random ports. */
public final class TestApps {
  private TestApps() {}

  public static DropwizardAppExtension<OtedamaConfiguration> app(ConfigOverride... overrides) {
    List<ConfigOverride> all = new ArrayList<>();
    all.add(ConfigOverride.config("database.url", SharedPostgres::newDatabaseUrl));
    all.add(ConfigOverride.config("database.user", "postgres"));
    all.addAll(Arrays.asList(overrides));
    return new DropwizardAppExtension<>(
        TestApp.class,
        ResourceHelpers.resourceFilePath("test-config.yml"),
        all.toArray(ConfigOverride[]::new));
  }

  public static TestApp testApp(DropwizardAppExtension<OtedamaConfiguration> app) {
    return (TestApp) app.getApplication();
  }
}
