package io.otedama.dashboards;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The agreed metric names: the rows of docs/metrics.md's tables, plus a way to find which of them a
 * PromQL expression uses.
 */
record MetricCatalog(List<DocumentedMetric> metrics) {

  /** CONTRACTS §7: the names the controller exposes from its first release. */
  static final List<String> CONTRACT_NAMES =
      List.of(
          "otedama_rigs",
          "otedama_fleet_hashrate_hs",
          "otedama_fleet_power_watts",
          "otedama_rig_hashrate_hs",
          "otedama_rig_temperature_celsius",
          "otedama_shares_total",
          "otedama_telemetry_messages_total",
          "otedama_telemetry_ingest_seconds",
          "otedama_mqtt_rejected_total",
          "otedama_payouts_total",
          "otedama_commands_total");

  private static final Pattern TABLE_ROW =
      Pattern.compile(
          "^\\|\\s*`([a-zA-Z_:][a-zA-Z0-9_:]*)`\\s*\\|\\s*([^|]+?)\\s*\\|[^|]*\\|[^|]*\\|\\s*([a-z]+)\\s*\\|");

  /**
   * Metric-looking identifiers in PromQL: every family the dashboards use has one of these
   * prefixes.
   */
  private static final Pattern METRIC_IDENTIFIER =
      Pattern.compile("(?<![a-zA-Z0-9_\"])((?:otedama|jvm|process|io_dropwizard)_[a-zA-Z0-9_]+)");

  static MetricCatalog read(Path metricsDoc) throws IOException {
    List<DocumentedMetric> metrics = new ArrayList<>();
    for (String line : Files.readAllLines(metricsDoc)) {
      Matcher row = TABLE_ROW.matcher(line);
      if (row.find()) {
        metrics.add(new DocumentedMetric(row.group(1), row.group(2), row.group(3)));
      }
    }
    if (metrics.isEmpty()) {
      throw new IllegalStateException("no metric rows found in " + metricsDoc);
    }
    return new MetricCatalog(List.copyOf(metrics));
  }

  Optional<DocumentedMetric> find(String name) {
    return metrics.stream().filter(m -> m.name().equals(name)).findFirst();
  }

  /** The documented metric a stored series name belongs to ({@code x_bucket} belongs to x). */
  Optional<DocumentedMetric> owner(String seriesName) {
    return metrics.stream().filter(m -> m.seriesNames().contains(seriesName)).findFirst();
  }

  /** The metric-looking series names {@code promql} reads. */
  static Set<String> seriesNamesIn(String promql) {
    Set<String> names = new LinkedHashSet<>();
    Matcher m = METRIC_IDENTIFIER.matcher(promql);
    while (m.find()) {
      names.add(m.group(1));
    }
    return names;
  }
}
