package io.otedama.dashboards;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every panel query and every variable's series selector parses, as judged by a real Prometheus:
 * each is sent, rendered as Grafana would, to {@code /api/v1/query}, where a parse error is an HTTP
 * 400.
 */
class PanelQueriesParseTest {

  @TempDir static Path workDir;
  private static PrometheusServer prometheus;

  @BeforeAll
  static void startPrometheus() throws IOException {
    prometheus = PrometheusServer.start(workDir, List.of());
  }

  @AfterAll
  static void stopPrometheus() {
    if (prometheus != null) {
      prometheus.close();
    }
  }

  @Test
  void prometheusRejectsAnExpressionThatDoesNotParse() {
    QueryResponse response = prometheus.query("sum by (rig) (rate(otedama_rig_shares_total[1m])");
    assertThat(response.isParseError()).as(response.body().toString()).isTrue();
  }

  @Test
  void everyPanelQueryParses() throws IOException {
    List<String> failures = new ArrayList<>();
    int checked = 0;
    for (GrafanaDashboard d : GrafanaDashboard.loadAll(RepositoryLayout.dashboardJsonDir())) {
      Map<String, String> values = new HashMap<>();
      d.variables().forEach(v -> values.put(v.name(), "rig-0001"));
      for (PanelQuery q : d.queries()) {
        String rendered = QueryTemplate.render(q.expr(), values);
        QueryResponse response = prometheus.query(rendered);
        checked++;
        if (!response.succeeded()) {
          failures.add(q.where() + ": " + response.error() + "\n    " + rendered);
        }
      }
      for (TemplateVariable v : d.variables()) {
        QueryResponse response = prometheus.query(v.selector().orElseThrow());
        checked++;
        if (!response.succeeded()) {
          failures.add(d.uid() + " $" + v.name() + ": " + response.error());
        }
      }
    }
    assertThat(failures).as("queries Prometheus refused").isEmpty();
    assertThat(checked).as("queries checked").isGreaterThan(50);
  }
}
