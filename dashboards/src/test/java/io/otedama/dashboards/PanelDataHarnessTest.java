package io.otedama.dashboards;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The data harness end to end: a real Prometheus scrapes a loopback server that serves a realistic
 * controller exposition (fixture-metrics.txt, counters advancing) under the controller's scrape job
 * name, and every panel of every dashboard must return data. The same {@link PanelDataCheck} is
 * meant to be pointed at the running controller's admin port once the controller's demo lands.
 */
class PanelDataHarnessTest {

  @TempDir static Path workDir;
  private static MetricsFixtureServer fixture;
  private static PrometheusServer prometheus;
  private static String exposition;

  @BeforeAll
  static void startPrometheusScrapingTheFixture() throws IOException {
    try (InputStream in = PanelDataHarnessTest.class.getResourceAsStream("/fixture-metrics.txt")) {
      exposition = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    fixture = new MetricsFixtureServer(new AdvancingExposition(exposition));
    prometheus =
        PrometheusServer.start(workDir, List.of(ScrapeTarget.controller(fixture.hostPort())));
    // rate() needs two samples in its window; three scrapes leave no doubt.
    prometheus.awaitScrapes(ScrapeTarget.CONTROLLER_JOB, 3, Duration.ofSeconds(30));
  }

  @AfterAll
  static void stop() {
    if (prometheus != null) {
      prometheus.close();
    }
    if (fixture != null) {
      fixture.close();
    }
  }

  @Test
  void theFixtureIsAValidExpositionByPromtoolsLint() {
    ProcessOutcome outcome =
        ExternalProcess.runWithInput(
            Duration.ofSeconds(30), List.of("promtool", "check", "metrics"), exposition);
    assertThat(outcome.exitCode()).as(outcome.describe()).isZero();
  }

  @Test
  void theFixtureCarriesEveryAgreedMetricName() throws IOException {
    MetricCatalog catalog = MetricCatalog.read(RepositoryLayout.metricsDoc());
    List<String> scraped = prometheus.metricNames();
    for (DocumentedMetric metric : catalog.metrics()) {
      assertThat(scraped).as("scraped series names").contains(metric.requiredSeriesName());
    }
    for (String name : MetricCatalog.CONTRACT_NAMES) {
      DocumentedMetric metric = catalog.find(name).orElseThrow();
      assertThat(scraped).contains(metric.requiredSeriesName());
    }
  }

  @Test
  void everyPanelOfEveryDashboardReturnsData() throws IOException {
    List<GrafanaDashboard> dashboards =
        GrafanaDashboard.loadAll(RepositoryLayout.dashboardJsonDir());
    List<PanelCheckFailure> failures = new PanelDataCheck(prometheus).check(dashboards);
    assertThat(failures).as("panels without data").isEmpty();
    assertThat(fixture.scrapes()).isGreaterThanOrEqualTo(3);
  }

  @Test
  void theHarnessReportsAPanelWhoseLabelValueIsMistyped() throws IOException {
    GrafanaDashboard broken =
        new GrafanaDashboard(
            Path.of("broken.json"),
            new ObjectMapper()
                .readTree(
                    """
                    {"uid": "broken", "templating": {"list": []}, "panels": [
                      {"id": 1, "type": "stat", "title": "typo",
                       "targets": [{"refId": "A", "expr": "max(otedama_rigs{status=\\"onlin\\"})"}]},
                      {"id": 2, "type": "stat", "title": "fine",
                       "targets": [{"refId": "A", "expr": "max(otedama_rigs{status=\\"online\\"})"}]}
                    ]}
                    """));
    List<PanelCheckFailure> failures = new PanelDataCheck(prometheus).check(List.of(broken));
    assertThat(failures).hasSize(1);
    assertThat(failures.get(0).query().panelTitle()).isEqualTo("typo");
    assertThat(failures.get(0).problem()).isEqualTo("returned no series");
  }
}
