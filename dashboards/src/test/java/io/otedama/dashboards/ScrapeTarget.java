package io.otedama.dashboards;

/**
 * One thing for Prometheus to scrape: {@code hostPort} like {@code 127.0.0.1:8081}, the metrics
 * path, and the scrape job name (the dashboards expect {@value #CONTROLLER_JOB} for the
 * controller).
 */
record ScrapeTarget(String jobName, String hostPort, String metricsPath) {

  static final String CONTROLLER_JOB = "otedama-controller";

  /** The controller's admin port as CONTRACTS §4 serves it: {@code /prometheus}. */
  static ScrapeTarget controller(String hostPort) {
    return new ScrapeTarget(CONTROLLER_JOB, hostPort, "/prometheus");
  }
}
