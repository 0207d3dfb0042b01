/**
 * Tests of the Grafana dashboards, provisioning files and Prometheus alert rules kept beside this
 * module's POM, run against the real tools: promtool checks and unit-tests the rules, and a real
 * Prometheus parses every panel query and, scraping the controller's demo, proves every panel
 * returns data.
 *
 * <p>{@link io.otedama.dashboards.PrometheusServer} and {@link
 * io.otedama.dashboards.PanelDataCheck} are the harness: point them at any scrape target. {@link
 * io.otedama.dashboards.DemoController} runs the demo as a process and {@link
 * io.otedama.dashboards.DemoFarmSetup} gives it a farm's devices, pools, events and job runs (SNMP
 * devices on Debian's {@code snmpsim}, started by the controller test-jar's {@link
 * io.otedama.controller.testing.snmp.SnmpsimProcess}, Stratum pools run by the test, a DBA session
 * on the demo's PostgreSQL). The test-jar carries DemoController, ExternalProcess and
 * ProcessOutcome to the ansible module's tests. Depends only on the JDK, Jackson, the PostgreSQL
 * JDBC driver, that one package of the controller's test-jar and the Debian {@code prometheus} and
 * {@code snmpsim} packages' binaries.
 */
package io.otedama.dashboards;
