package io.otedama.dashboards;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the files under test live, found from the module directory the tests run in. */
final class RepositoryLayout {

  private RepositoryLayout() {}

  /** The {@code dashboards/} module directory. */
  static Path module() {
    Path dir = Path.of(System.getProperty("basedir", System.getProperty("user.dir")));
    if (!Files.isDirectory(dir.resolve("prometheus"))) {
      throw new IllegalStateException(dir + " is not the dashboards module directory");
    }
    return dir.toAbsolutePath().normalize();
  }

  static Path repositoryRoot() {
    return module().getParent();
  }

  static Path dashboardJsonDir() {
    return module().resolve("provisioning/dashboards/otedama");
  }

  static Path dashboardProvider() {
    return module().resolve("provisioning/dashboards/otedama.yaml");
  }

  static Path datasource() {
    return module().resolve("provisioning/datasources/prometheus.yaml");
  }

  static Path prometheusDir() {
    return module().resolve("prometheus");
  }

  static Path alertRules() {
    return prometheusDir().resolve("otedama-rules.yml");
  }

  static Path alertRuleTests() {
    return prometheusDir().resolve("otedama-rules.test.yml");
  }

  static Path sampleScrapeConfig() {
    return prometheusDir().resolve("prometheus.yml");
  }

  static Path metricsDoc() {
    return repositoryRoot().resolve("docs/metrics.md");
  }

  static Path operationsDoc() {
    return repositoryRoot().resolve("docs/operations.md");
  }
}
