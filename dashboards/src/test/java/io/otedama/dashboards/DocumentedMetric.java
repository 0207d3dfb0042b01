package io.otedama.dashboards;

import java.util.List;

/**
 * One row of docs/metrics.md: a metric name, its Prometheus type and its status ({@code contract},
 * {@code implemented}, {@code planned}, {@code standard} or {@code internal}).
 */
record DocumentedMetric(String name, String type, String status) {

  /** Internal figures are for diagnosis: no dashboard has to show them. */
  boolean needsAPanel() {
    return !"internal".equals(status);
  }

  /**
   * The series names Prometheus stores for this metric: histograms and summaries appear as {@code
   * _bucket}/{@code _count}/{@code _sum} (and Micrometer's {@code _max} gauge).
   */
  List<String> seriesNames() {
    if (type.contains("histogram") || type.contains("summary")) {
      // A summary's quantiles are stored under the bare name.
      return List.of(name, name + "_bucket", name + "_count", name + "_sum", name + "_max");
    }
    return List.of(name);
  }

  /** A series name Prometheus must hold once this metric is exposed. */
  String requiredSeriesName() {
    if (type.contains("histogram") || type.contains("summary")) {
      return name + "_count";
    }
    return name;
  }
}
