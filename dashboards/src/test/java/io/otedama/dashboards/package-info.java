/**
 * Tests of the Grafana dashboards, provisioning files and Prometheus alert rules kept beside this
 * module's POM, run against the real tools: promtool checks and unit-tests the rules, and a real
 * Prometheus parses every panel query and, scraping a metrics exposition, proves every panel
 * returns data.
 *
 * <p>{@link io.otedama.dashboards.PrometheusServer} and {@link
 * io.otedama.dashboards.PanelDataCheck} are the harness: point them at any scrape target (the
 * fixture server here, a running controller later). Depends only on the JDK, Jackson and the Debian
 * {@code prometheus} package's binaries.
 */
package io.otedama.dashboards;
