package io.otedama.dashboards;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** A Grafana dashboard JSON file (classic JSON model) and the parts the tests look at. */
record GrafanaDashboard(Path file, JsonNode json) {

  private static final ObjectMapper JSON = new ObjectMapper();

  static GrafanaDashboard load(Path file) throws IOException {
    return new GrafanaDashboard(file, JSON.readTree(file.toFile()));
  }

  /** Every {@code *.json} dashboard in {@code dir}, in file name order. */
  static List<GrafanaDashboard> loadAll(Path dir) throws IOException {
    List<GrafanaDashboard> dashboards = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
        dashboards.add(load(file));
      }
    }
    if (dashboards.isEmpty()) {
      throw new IllegalStateException("no dashboard JSON in " + dir);
    }
    return dashboards;
  }

  String uid() {
    return json.path("uid").asText();
  }

  String title() {
    return json.path("title").asText();
  }

  /** All panels, rows included, with the panels of collapsed rows flattened in. */
  List<JsonNode> panels() {
    List<JsonNode> all = new ArrayList<>();
    for (JsonNode panel : json.path("panels")) {
      all.add(panel);
      panel.path("panels").forEach(all::add);
    }
    return all;
  }

  /** Panels that show data (rows only group them). */
  List<JsonNode> dataPanels() {
    return panels().stream().filter(p -> !"row".equals(p.path("type").asText())).toList();
  }

  List<PanelQuery> queries() {
    List<PanelQuery> queries = new ArrayList<>();
    for (JsonNode panel : dataPanels()) {
      for (JsonNode target : panel.path("targets")) {
        queries.add(
            new PanelQuery(
                uid(),
                panel.path("id").asInt(),
                panel.path("title").asText(),
                target.path("refId").asText(),
                target.path("expr").asText()));
      }
    }
    return queries;
  }

  List<TemplateVariable> variables() {
    List<TemplateVariable> variables = new ArrayList<>();
    for (JsonNode variable : json.path("templating").path("list")) {
      JsonNode query = variable.path("query");
      // Grafana accepts the query as a string or, since 10, as {"query": "..."}.
      String text = query.isObject() ? query.path("query").asText() : query.asText();
      variables.add(new TemplateVariable(variable.path("name").asText(), text));
    }
    return variables;
  }

  /** Every {@code datasource} object in the dashboard: panels, targets, variables. */
  List<JsonNode> datasourceRefs() {
    List<JsonNode> refs = new ArrayList<>();
    for (JsonNode panel : dataPanels()) {
      refs.add(panel.path("datasource"));
      panel.path("targets").forEach(t -> refs.add(t.path("datasource")));
    }
    json.path("templating").path("list").forEach(v -> refs.add(v.path("datasource")));
    return refs;
  }
}
