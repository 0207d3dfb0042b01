package io.otedama.dashboards;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The harness that proves dashboards work against a Prometheus that scrapes real metrics: each
 * template variable is resolved the way Grafana would (its {@code label_values} query, first value
 * taken) and every panel query must return at least one finite sample. A typo in a metric name, a
 * label name or a label value returns nothing and is reported.
 */
final class PanelDataCheck {

  private final PrometheusServer prometheus;

  PanelDataCheck(PrometheusServer prometheus) {
    this.prometheus = prometheus;
  }

  /** The failures over all {@code dashboards}; empty when every panel shows data. */
  List<PanelCheckFailure> check(List<GrafanaDashboard> dashboards) {
    List<PanelCheckFailure> failures = new ArrayList<>();
    for (GrafanaDashboard dashboard : dashboards) {
      Map<String, String> values = new HashMap<>();
      for (TemplateVariable variable : dashboard.variables()) {
        List<String> offered =
            prometheus.labelValues(
                variable.label().orElseThrow(() -> unsupported(dashboard, variable)),
                variable.selector().orElseThrow());
        if (offered.isEmpty()) {
          failures.add(
              new PanelCheckFailure(
                  new PanelQuery(
                      dashboard.uid(), 0, "variable $" + variable.name(), "-", variable.query()),
                  variable.query(),
                  "the variable offers no values"));
          values.put(variable.name(), "no-value");
        } else {
          values.put(variable.name(), offered.get(0));
        }
      }
      for (PanelQuery query : dashboard.queries()) {
        checkOne(query, values).ifPresent(failures::add);
      }
    }
    return failures;
  }

  private Optional<PanelCheckFailure> checkOne(PanelQuery query, Map<String, String> values) {
    String rendered;
    try {
      rendered = QueryTemplate.render(query.expr(), values);
    } catch (IllegalArgumentException e) {
      return Optional.of(new PanelCheckFailure(query, query.expr(), e.getMessage()));
    }
    QueryResponse response = prometheus.query(rendered);
    if (!response.succeeded()) {
      return Optional.of(
          new PanelCheckFailure(
              query, rendered, "HTTP " + response.httpStatus() + " " + response.error()));
    }
    if (response.results().isEmpty()) {
      return Optional.of(new PanelCheckFailure(query, rendered, "returned no series"));
    }
    if (!response.hasFiniteSample()) {
      return Optional.of(
          new PanelCheckFailure(query, rendered, "returned only NaN/Inf: " + response.results()));
    }
    return Optional.empty();
  }

  private static IllegalStateException unsupported(GrafanaDashboard d, TemplateVariable v) {
    return new IllegalStateException(
        d.uid()
            + ": variable $"
            + v.name()
            + " is not a label_values(selector, label) query: "
            + v.query());
  }
}
