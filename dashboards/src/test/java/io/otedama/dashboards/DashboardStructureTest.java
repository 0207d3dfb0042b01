package io.otedama.dashboards;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The dashboards as files: what a stock Grafana needs to provision them, and what keeps them
 * maintainable (fixed uids, one datasource by uid, sane layout, every panel querying something,
 * every query using agreed metric names).
 */
class DashboardStructureTest {

  private static final YAMLMapper YAML = new YAMLMapper();
  private static List<GrafanaDashboard> dashboards;
  private static String datasourceUid;

  @BeforeAll
  static void load() throws IOException {
    dashboards = GrafanaDashboard.loadAll(RepositoryLayout.dashboardJsonDir());
    JsonNode datasources = YAML.readTree(RepositoryLayout.datasource().toFile());
    datasourceUid = datasources.path("datasources").path(0).path("uid").asText();
  }

  @Test
  void theFiveDashboardsExistWithFixedUniqueUidsAndTitles() {
    List<String> uids = dashboards.stream().map(GrafanaDashboard::uid).toList();
    assertThat(uids)
        .containsExactlyInAnyOrder(
            "otedama-fleet-overview",
            "otedama-rig-detail",
            "otedama-pools",
            "otedama-payouts",
            "otedama-controller")
        .doesNotHaveDuplicates();
    assertThat(dashboards.stream().map(GrafanaDashboard::title).toList()).doesNotHaveDuplicates();
    for (GrafanaDashboard d : dashboards) {
      assertThat(d.uid().length())
          .as(d.file() + " uid length (Grafana's limit)")
          .isLessThanOrEqualTo(40);
      assertThat(d.json().path("id").isNull())
          .as(d.uid() + ": provisioned dashboards carry id null")
          .isTrue();
      assertThat(d.json().path("schemaVersion").asInt())
          .as(d.uid() + " schemaVersion")
          .isGreaterThanOrEqualTo(39);
      assertThat(d.json().path("tags").toString()).as(d.uid() + " tags").contains("\"otedama\"");
    }
  }

  @Test
  void everyDatasourceReferenceIsTheProvisionedPrometheusByUid() {
    assertThat(datasourceUid).isEqualTo("otedama-prometheus");
    for (GrafanaDashboard d : dashboards) {
      for (JsonNode ref : d.datasourceRefs()) {
        assertThat(ref.path("uid").asText())
            .as(d.uid() + " datasource " + ref)
            .isEqualTo(datasourceUid);
        assertThat(ref.path("type").asText())
            .as(d.uid() + " datasource " + ref)
            .isEqualTo("prometheus");
      }
    }
  }

  @Test
  void everyPanelHasAUniqueIdAGridPositionAndQueriesWithAnExpression() {
    for (GrafanaDashboard d : dashboards) {
      Set<Integer> ids = new HashSet<>();
      for (JsonNode panel : d.panels()) {
        String where = d.uid() + " panel \"" + panel.path("title").asText() + "\"";
        assertThat(panel.path("id").isInt()).as(where + " id").isTrue();
        assertThat(ids.add(panel.path("id").asInt())).as(where + " id is unique").isTrue();
        JsonNode grid = panel.path("gridPos");
        for (String field : List.of("h", "w", "x", "y")) {
          assertThat(grid.path(field).isInt()).as(where + " gridPos." + field).isTrue();
        }
        assertThat(grid.path("x").asInt() + grid.path("w").asInt())
            .as(where + " fits 24 columns")
            .isLessThanOrEqualTo(24);
        assertThat(grid.path("h").asInt()).as(where + " height").isPositive();
      }
      for (JsonNode panel : d.dataPanels()) {
        String where = d.uid() + " panel \"" + panel.path("title").asText() + "\"";
        assertThat(panel.path("title").asText()).as(where + " title").isNotBlank();
        assertThat(panel.path("targets").size()).as(where + " targets").isPositive();
        Set<String> refIds = new HashSet<>();
        for (JsonNode target : panel.path("targets")) {
          assertThat(target.path("expr").asText()).as(where + " expr").isNotBlank();
          assertThat(refIds.add(target.path("refId").asText()))
              .as(where + " refId unique")
              .isTrue();
        }
      }
    }
  }

  @Test
  void panelsDoNotOverlap() {
    for (GrafanaDashboard d : dashboards) {
      Map<String, String> taken = new HashMap<>();
      for (JsonNode panel : d.panels()) {
        JsonNode g = panel.path("gridPos");
        for (int x = g.path("x").asInt(); x < g.path("x").asInt() + g.path("w").asInt(); x++) {
          for (int y = g.path("y").asInt(); y < g.path("y").asInt() + g.path("h").asInt(); y++) {
            String previous = taken.put(x + "," + y, panel.path("title").asText());
            assertThat(previous)
                .as(
                    d.uid()
                        + ": \""
                        + panel.path("title").asText()
                        + "\" overlaps at "
                        + x
                        + ","
                        + y)
                .isNull();
          }
        }
      }
    }
  }

  @Test
  void rigDetailSelectsTheRigWithLabelValuesOfTheRigHashrate() {
    GrafanaDashboard rigDetail =
        dashboards.stream()
            .filter(d -> d.uid().equals("otedama-rig-detail"))
            .findFirst()
            .orElseThrow();
    assertThat(rigDetail.variables())
        .containsExactly(new TemplateVariable("rig", "label_values(otedama_rig_hashrate_hs, rig)"));
    assertThat(rigDetail.queries()).allSatisfy(q -> assertThat(q.expr()).contains("rig=\"$rig\""));
  }

  @Test
  void everyQueryRendersWithTheDashboardsOwnVariables() {
    for (GrafanaDashboard d : dashboards) {
      Map<String, String> values = new HashMap<>();
      d.variables().forEach(v -> values.put(v.name(), "x"));
      for (PanelQuery q : d.queries()) {
        assertThat(QueryTemplate.render(q.expr(), values)).as(q.where()).doesNotContain("$");
      }
      for (TemplateVariable v : d.variables()) {
        assertThat(v.selector())
            .as(d.uid() + " $" + v.name() + " is label_values(selector, label)")
            .isPresent();
      }
    }
  }

  @Test
  void panelsUseOnlyAgreedMetricNamesAndEveryAgreedMetricHasAPanel() throws IOException {
    MetricCatalog catalog = MetricCatalog.read(RepositoryLayout.metricsDoc());
    List<String> unknown = new ArrayList<>();
    Set<String> used = new TreeSet<>();
    for (GrafanaDashboard d : dashboards) {
      List<String> exprs = new ArrayList<>(d.queries().stream().map(PanelQuery::expr).toList());
      d.variables().forEach(v -> exprs.add(v.query()));
      for (String expr : exprs) {
        for (String series : MetricCatalog.seriesNamesIn(expr)) {
          catalog
              .owner(series)
              .ifPresentOrElse(m -> used.add(m.name()), () -> unknown.add(d.uid() + ": " + series));
        }
      }
    }
    assertThat(unknown).as("series not in docs/metrics.md").isEmpty();
    assertThat(used)
        .as("documented metrics with a panel")
        .containsAll(
            catalog.metrics().stream()
                .filter(DocumentedMetric::needsAPanel)
                .map(DocumentedMetric::name)
                .toList());
  }

  @Test
  void docsMetricsListsEveryContractName() throws IOException {
    MetricCatalog catalog = MetricCatalog.read(RepositoryLayout.metricsDoc());
    for (String name : MetricCatalog.CONTRACT_NAMES) {
      assertThat(catalog.find(name)).as(name + " in docs/metrics.md").isPresent();
    }
  }

  @Test
  void grafanaProvisioningLoadsTheDashboardFolderAndTheDatasource() throws IOException {
    JsonNode provider = YAML.readTree(RepositoryLayout.dashboardProvider().toFile());
    assertThat(provider.path("apiVersion").asInt()).isEqualTo(1);
    JsonNode otedama = provider.path("providers").path(0);
    assertThat(otedama.path("type").asText()).isEqualTo("file");
    // Mounting dashboards/provisioning at /etc/grafana/provisioning puts the JSON folder here:
    Path mounted = Path.of("/etc/grafana/provisioning");
    Path relative =
        RepositoryLayout.module()
            .resolve("provisioning")
            .relativize(RepositoryLayout.dashboardJsonDir());
    assertThat(otedama.path("options").path("path").asText())
        .isEqualTo(mounted.resolve(relative).toString());

    JsonNode datasources = YAML.readTree(RepositoryLayout.datasource().toFile());
    assertThat(datasources.path("apiVersion").asInt()).isEqualTo(1);
    JsonNode prometheus = datasources.path("datasources").path(0);
    assertThat(prometheus.path("type").asText()).isEqualTo("prometheus");
    assertThat(prometheus.path("access").asText()).isEqualTo("proxy");
    assertThat(prometheus.path("url").asText()).startsWith("http");
  }
}
