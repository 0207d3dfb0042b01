package io.otedama.dashboards;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The alert rules: promtool accepts them and their unit tests pass, every alert is tested both
 * firing and quiet, and each carries what an operator needs (hold time, severity, summary and a
 * runbook section that exists).
 */
class AlertRulesTest {

  private static final YAMLMapper YAML = new YAMLMapper();
  private static final Set<String> REQUIRED_ALERTS =
      Set.of(
          "OtedamaRigsOffline",
          "OtedamaFleetHashrateDrop",
          "OtedamaRigOverheating",
          "OtedamaRejectRateHigh",
          "OtedamaIngestLatencyHigh",
          "OtedamaControllerDown",
          "OtedamaPayoutJobFailing");

  @Test
  void promtoolAcceptsTheRules() {
    ProcessOutcome outcome = promtool("check", "rules", "otedama-rules.yml");
    assertThat(outcome.exitCode()).as(outcome.describe()).isZero();
    assertThat(outcome.stdout()).contains("SUCCESS: " + REQUIRED_ALERTS.size() + " rules found");
  }

  @Test
  void promtoolUnitTestsOfTheAlertsPass() {
    ProcessOutcome outcome = promtool("test", "rules", "otedama-rules.test.yml");
    assertThat(outcome.exitCode()).as(outcome.describe()).isZero();
    assertThat(outcome.stdout() + outcome.stderr()).contains("SUCCESS");
  }

  @Test
  void promtoolAcceptsTheSampleScrapeConfigAndItScrapesTheControllerAdminPort() throws IOException {
    ProcessOutcome outcome = promtool("check", "config", "prometheus.yml");
    assertThat(outcome.exitCode()).as(outcome.describe()).isZero();

    JsonNode config = YAML.readTree(RepositoryLayout.sampleScrapeConfig().toFile());
    JsonNode job = config.path("scrape_configs").path(0);
    assertThat(job.path("job_name").asText()).isEqualTo(ScrapeTarget.CONTROLLER_JOB);
    assertThat(job.path("metrics_path").asText()).isEqualTo("/prometheus");
    assertThat(job.path("static_configs").path(0).path("targets").path(0).asText())
        .isEqualTo("localhost:8081");
    assertThat(config.path("rule_files").path(0).asText()).isEqualTo("otedama-rules.yml");
  }

  @Test
  void theRequiredAlertsAllExist() throws IOException {
    assertThat(alertNames()).containsExactlyInAnyOrderElementsOf(REQUIRED_ALERTS);
  }

  @Test
  void everyAlertHasAHoldTimeASeverityASummaryAndARunbookSectionThatExists() throws IOException {
    Set<String> anchors = markdownAnchors(Files.readString(RepositoryLayout.operationsDoc()));
    for (JsonNode rule : alertRules()) {
      String name = rule.path("alert").asText();
      assertThat(rule.path("for").asText()).as(name + " for").matches("\\d+[smh]");
      assertThat(rule.path("labels").path("severity").asText())
          .as(name + " severity")
          .isIn("warning", "critical");
      assertThat(rule.path("annotations").path("summary").asText())
          .as(name + " summary")
          .isNotBlank();
      String runbook = rule.path("annotations").path("runbook_url").asText();
      assertThat(runbook)
          .as(name + " runbook_url")
          .isEqualTo("docs/operations.md#" + name.toLowerCase(Locale.ROOT));
      assertThat(anchors)
          .as("docs/operations.md headings")
          .contains(runbook.substring(runbook.indexOf('#') + 1));
    }
  }

  @Test
  void everyAlertIsUnitTestedFiringAndQuiet() throws IOException {
    JsonNode tests = YAML.readTree(RepositoryLayout.alertRuleTests().toFile());
    Set<String> firing = new HashSet<>();
    Set<String> quiet = new HashSet<>();
    for (JsonNode test : tests.path("tests")) {
      for (JsonNode check : test.path("alert_rule_test")) {
        String alert = check.path("alertname").asText();
        (check.path("exp_alerts").isEmpty() ? quiet : firing).add(alert);
      }
    }
    assertThat(firing).as("alerts with a firing case").containsAll(REQUIRED_ALERTS);
    assertThat(quiet).as("alerts with a quiet case").containsAll(REQUIRED_ALERTS);
  }

  @Test
  void everyMetricTheRulesReadIsAnAgreedName() throws IOException {
    MetricCatalog catalog = MetricCatalog.read(RepositoryLayout.metricsDoc());
    List<String> unknown = new ArrayList<>();
    for (JsonNode rule : alertRules()) {
      for (String series : MetricCatalog.seriesNamesIn(rule.path("expr").asText())) {
        if (catalog.owner(series).isEmpty()) {
          unknown.add(rule.path("alert").asText() + ": " + series);
        }
      }
    }
    assertThat(unknown).as("series not in docs/metrics.md").isEmpty();
  }

  private static List<JsonNode> alertRules() throws IOException {
    JsonNode rules = YAML.readTree(RepositoryLayout.alertRules().toFile());
    List<JsonNode> alerts = new ArrayList<>();
    for (JsonNode group : rules.path("groups")) {
      for (JsonNode rule : group.path("rules")) {
        if (rule.has("alert")) {
          alerts.add(rule);
        }
      }
    }
    return alerts;
  }

  private static List<String> alertNames() throws IOException {
    return alertRules().stream().map(r -> r.path("alert").asText()).toList();
  }

  /**
   * GitHub-style anchors of the Markdown headings: lower case, punctuation dropped, spaces to -.
   */
  static Set<String> markdownAnchors(String markdown) {
    Set<String> anchors = new HashSet<>();
    Matcher heading = Pattern.compile("(?m)^#{1,6}\\s+(.+?)\\s*$").matcher(markdown);
    while (heading.find()) {
      anchors.add(
          heading
              .group(1)
              .toLowerCase(Locale.ROOT)
              .replaceAll("[^\\p{L}\\p{N} _-]", "")
              .replace(' ', '-'));
    }
    return anchors;
  }

  private static ProcessOutcome promtool(String... args) {
    List<String> command = new ArrayList<>(List.of("promtool"));
    command.addAll(List.of(args));
    return ExternalProcess.run(RepositoryLayout.prometheusDir(), Duration.ofSeconds(60), command);
  }
}
