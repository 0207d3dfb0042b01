package io.otedama.dashboards;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dashboards against the real thing: the controller's {@code demo} (embedded PostgreSQL and
 * broker, three simulated rigs on the real agent code) runs as a process, a real Prometheus scrapes
 * its admin {@code /prometheus} every second under the scrape job the dashboards expect, and {@link
 * DemoFarmSetup} gives the demo what a farm has (a PDU and a switch on SNMP, rigs on outlets, a
 * curtailment event, an upstream pool profile that fails over, quick payout jobs and one failed job
 * run). A command goes to one rig through the API, and then every query of every panel of every
 * dashboard must return data, each {@code $variable} resolved by its own {@code label_values}
 * query: no panel is exempt. The same scrape checks docs/metrics.md against what the controller
 * registers.
 */
class DashboardsAgainstDemoTest {

  private static final int RIGS = 3;

  @TempDir static Path workDir;
  private static DemoFarmSetup farm;
  private static DemoController demo;
  private static PrometheusServer prometheus;
  private static List<GrafanaDashboard> dashboards;

  @BeforeAll
  static void startTheDemoAndPrometheus() throws IOException {
    dashboards = GrafanaDashboard.loadAll(RepositoryLayout.dashboardJsonDir());
    farm = DemoFarmSetup.start();
    demo = DemoController.start(workDir, RIGS, DemoFarmSetup.SETTINGS);
    prometheus =
        PrometheusServer.start(
            workDir,
            List.of(ScrapeTarget.controller(demo.adminHostPort())),
            List.of(RepositoryLayout.alertRules()));
    List<String> rigs = demo.awaitRigsOnline(RIGS, Duration.ofSeconds(60));
    // A command through the real path (API, queue, MQTT, the simulated rig's answer) so the
    // command panel has something to count.
    JsonNode command =
        demo.post(
            "/api/v1/rigs/" + rigs.get(0) + "/commands",
            Map.of("type", "blink-led", "args", Map.of("seconds", 1)),
            202);
    assertThat(command.path("id").asText()).isNotEmpty();
    farm.power(demo, rigs);
    farm.upstreamPools(demo, rigs.get(RIGS - 1));
    farm.failOneJobRun(demo);
    prometheus.awaitScrapes(ScrapeTarget.CONTROLLER_JOB, 3, Duration.ofSeconds(30));
  }

  @AfterAll
  static void stop() throws IOException {
    if (demo != null && System.getenv("OTEDAMA_KEEP_DEMO_LOG") != null) {
      java.nio.file.Files.writeString(
          Path.of(System.getenv("OTEDAMA_KEEP_DEMO_LOG")), demo.logText());
    }
    if (prometheus != null) {
      prometheus.close();
    }
    if (demo != null) {
      demo.close();
    }
    if (farm != null) {
      farm.close();
    }
  }

  @Test
  void everyPanelOfEveryDashboardReturnsData() {
    PanelDataCheck check = new PanelDataCheck(prometheus);
    List<PanelCheckFailure> failures = new ArrayList<>();
    long started = System.nanoTime();
    List<String> waitingFor = new ArrayList<>();
    try {
      // Rates need two samples of a moving counter and the rigs' first shares take a few
      // seconds: poll until every panel has data.
      // Generous for a loaded CI machine; on a quiet one every panel has data within ~25 s.
      await("every panel with data")
          .atMost(Duration.ofSeconds(90))
          .pollInterval(Duration.ofSeconds(2))
          .until(() -> {
            failures.clear();
            failures.addAll(check.check(dashboards));
            List<String> now = failures.stream().map(f -> f.query().where()).toList();
            if (!now.equals(waitingFor)) {
              System.out.printf(
                  "%.1f s: waiting for %s%n", (System.nanoTime() - started) / 1e9, now);
              waitingFor.clear();
              waitingFor.addAll(now);
            }
            return failures.isEmpty();
          });
    } catch (ConditionTimeoutException e) {
      assertThat(failures)
          .as(
              "panels without data against the demo"
                  + (demo.isAlive() ? "" : " (the demo exited:\n" + demo.logText() + ")"))
          .isEmpty();
    }
    int queries = dashboards.stream().mapToInt(d -> d.queries().size()).sum();
    assertThat(queries).as("panel queries checked").isGreaterThan(50);
  }

  /** The series the farm setup exists for carry what really happened, not only their zeros. */
  @Test
  void theFarmsEventsShowInTheSeries() {
    Map<String, String> expectations =
        Map.of(
            "max(otedama_pool_failovers_total{profile=\"" + DemoFarmSetup.PROFILE + "\"}) >= 1",
            "the upstream profile failed over",
            "max(otedama_pool_shares_total{pool=\""
                + DemoFarmSetup.BACKUP_POOL
                + "\",result=\"accepted\"}) > 0",
            "the backup pool accepted forwarded shares",
            "max(otedama_pool_shares_total{pool=\""
                + DemoFarmSetup.PRIMARY_POOL
                + "\",result=\"accepted\"}) > 0",
            "the primary pool accepted shares before it went down",
            "sum(otedama_quartz_job_runs_total{outcome=\"failure\"}) >= 1",
            "a job run failed (its query cancelled)",
            "sum(otedama_quartz_job_runs_total{quartz_job=\"payout\",outcome=\"success\"}) >= 1",
            "the payout job ran",
            "sum(otedama_payouts_total) >= 1",
            "a payout batch was made",
            "min(otedama_pdu_up) == 1",
            "the PDU and switch answer",
            "count(otedama_pdu_outlet_on == 1) >= 3",
            "the rigs' outlets are on",
            "sum(otedama_power_actions_total) >= 1",
            "the operator's outlet action counted",
            "max(otedama_power_curtailment_active) == 1",
            "the curtailment event runs");
    Map<String, Boolean> holds = new java.util.TreeMap<>();
    try {
      await("the farm's events in Prometheus")
          .atMost(Duration.ofSeconds(60))
          .pollInterval(Duration.ofSeconds(1))
          .until(() -> {
            expectations.forEach(
                (query, what) -> holds.put(what, !prometheus.query(query).results().isEmpty()));
            return !holds.containsValue(false);
          });
    } catch (ConditionTimeoutException e) {
      assertThat(holds).as("what the farm did, as Prometheus sees it").doesNotContainValue(false);
    }
  }

  @Test
  void theAlertRulesEvaluateAgainstTheControllersMetricsAndAHealthyDemoRaisesNoLivenessAlert() {
    List<String> rules = new ArrayList<>();
    try {
      await("every alerting rule evaluated without error")
          .atMost(Duration.ofSeconds(30))
          .pollInterval(Duration.ofMillis(500))
          .until(() -> {
            rules.clear();
            boolean allOk = true;
            for (JsonNode group : prometheus.api("/api/v1/rules?type=alert").path("groups")) {
              for (JsonNode rule : group.path("rules")) {
                rules.add(
                    rule.path("name").asText()
                        + " "
                        + rule.path("health").asText()
                        + " "
                        + rule.path("lastError").asText(""));
                allOk &= "ok".equals(rule.path("health").asText());
              }
            }
            return allOk && rules.size() >= 7;
          });
    } catch (ConditionTimeoutException e) {
      assertThat(rules).as("alerting rules and their health").hasSize(7);
      assertThat(rules).as("alerting rules and their health").allMatch(r -> r.contains(" ok"));
    }
    List<String> active = new ArrayList<>();
    for (JsonNode alert : prometheus.api("/api/v1/alerts").path("alerts")) {
      active.add(alert.path("labels").path("alertname").asText());
    }
    // Deterministic in a healthy demo; latency and hashrate alerts depend on the machine's load.
    assertThat(active).doesNotContain("OtedamaControllerDown", "OtedamaRigsOffline");
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

  @Test
  void everyPanelQueryAndVariableSelectorParses() {
    List<String> refused = new ArrayList<>();
    for (GrafanaDashboard d : dashboards) {
      Map<String, String> values = new HashMap<>();
      d.variables().forEach(v -> values.put(v.name(), "rig-0001"));
      for (PanelQuery q : d.queries()) {
        QueryResponse response = prometheus.query(QueryTemplate.render(q.expr(), values));
        if (!response.succeeded()) {
          refused.add(q.where() + ": " + response.error());
        }
      }
      for (TemplateVariable v : d.variables()) {
        QueryResponse response = prometheus.query(v.selector().orElseThrow());
        if (!response.succeeded()) {
          refused.add(d.uid() + " $" + v.name() + ": " + response.error());
        }
      }
    }
    assertThat(refused).as("queries Prometheus refused").isEmpty();
    QueryResponse broken = prometheus.query("sum by (rig) (rate(otedama_rig_shares_total[1m])");
    assertThat(broken.isParseError()).as(broken.body().toString()).isTrue();
  }

  @Test
  void everyMetricTheControllerRegistersIsDocumentedAndEveryDocumentedOneIsRegistered()
      throws IOException {
    MetricCatalog catalog = MetricCatalog.read(RepositoryLayout.metricsDoc());
    TreeSet<String> missing = new TreeSet<>();
    List<String> scraped = new ArrayList<>();
    try {
      // Some series come with the rigs' first telemetry or the farm's first polls and job runs,
      // which a loaded machine delays: wait for them rather than race them.
      await("every documented metric exposed")
          .atMost(Duration.ofSeconds(90))
          .pollInterval(Duration.ofSeconds(2))
          .until(() -> {
            scraped.clear();
            scraped.addAll(prometheus.metricNames());
            missing.clear();
            for (DocumentedMetric metric : catalog.metrics()) {
              if (!scraped.contains(metric.requiredSeriesName())) {
                missing.add(metric.name());
              }
            }
            return missing.isEmpty();
          });
    } catch (ConditionTimeoutException e) {
      assertThat(missing).as("documented metrics the demo controller does not expose").isEmpty();
    }
    TreeSet<String> undocumented = new TreeSet<>();
    for (String series : scraped) {
      if (series.startsWith("otedama_") && catalog.owner(series).isEmpty()) {
        undocumented.add(series);
      }
    }
    assertThat(undocumented).as("otedama_ series missing from docs/metrics.md").isEmpty();
    for (String name : MetricCatalog.CONTRACT_NAMES) {
      assertThat(catalog.find(name)).as("CONTRACTS §7 name " + name + " documented").isPresent();
    }
  }
}
