package io.otedama.dashboards;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.otedama.controller.testing.snmp.SnmpsimProcess;
import java.io.IOException;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.awaitility.core.ConditionTimeoutException;

/**
 * What a farm has that the bare demo lacks, set up through the controller's API so every series the
 * dashboards show exists for real: a PDU and a switch (snmpsim) polled over SNMP with the demo's
 * rigs on the PDU's outlets, an operator's outlet action and a running curtailment event; an
 * upstream pool profile whose primary pool goes down so the profile fails over to its backup, which
 * accepts the forwarded shares; and one accounting or payout job run that fails (its query
 * cancelled by a DBA) among the successful ones.
 */
final class DemoFarmSetup implements AutoCloseable {

  /** The demo's settings this setup needs: quick polls, checks and jobs. */
  static final Map<String, String> SETTINGS =
      Map.of(
          "power.pollInterval", "2s",
          "power.snmpTimeout", "500ms",
          "power.curtailment.checkInterval", "2s",
          "scheduling.jobs.accounting.interval", "2s",
          "scheduling.jobs.payout.interval", "3s",
          "payouts.settleDelay", "1s");

  static final String PROFILE = "upstream";
  static final String PRIMARY_POOL = "demo-primary";
  static final String BACKUP_POOL = "demo-backup";

  /**
   * The recorded walks under src/test/resources/snmp, served by the controller's snmpsim starter:
   * an APC rPDU2 with eight metered, switched outlets named {@code rig-a-1} .. {@code rig-a-8} (the
   * spare outlet 8 is switched off, and switching sticks through snmpsim's writecache) and a
   * four-port IF-MIB switch with port 4 down.
   */
  static final String PDU_COMMUNITY = "apc-rpdu2";

  static final String SWITCH_COMMUNITY = "switch-a";

  private static final Duration LIMIT = Duration.ofSeconds(60);

  private final SnmpsimProcess snmp;
  private final UpstreamStratumPool primary;
  private final UpstreamStratumPool backup;

  private DemoFarmSetup(
      SnmpsimProcess snmp, UpstreamStratumPool primary, UpstreamStratumPool backup) {
    this.snmp = snmp;
    this.primary = primary;
    this.backup = backup;
  }

  /** Starts the SNMP agents and pools (before the demo is up: they take a moment too). */
  static DemoFarmSetup start() throws IOException {
    SnmpsimProcess snmp =
        SnmpsimProcess.start(PDU_COMMUNITY + ".snmprec", SWITCH_COMMUNITY + ".snmprec");
    UpstreamStratumPool primary = null;
    try {
      primary = new UpstreamStratumPool();
      return new DemoFarmSetup(snmp, primary, new UpstreamStratumPool());
    } catch (IOException | RuntimeException e) {
      snmp.close();
      if (primary != null) {
        primary.close();
      }
      throw e;
    }
  }

  /** Power: the PDU and switch registered and answering, rigs on outlets, an action, an event. */
  void power(DemoController demo, List<String> rigs) {
    demo.post(
        "/api/v1/power/devices",
        Map.of(
            "id", "pdu-a",
            "name", "Rack A PDU",
            "kind", "pdu",
            "host", "127.0.0.1",
            "port", snmp.port(),
            "profile", "apc-rpdu2",
            "site", "demo-site",
            "credentials", Map.of("version", "v2c", "community", PDU_COMMUNITY)),
        201);
    demo.post(
        "/api/v1/power/devices",
        Map.of(
            "id", "sw-a",
            "name", "Rack A switch",
            "kind", "switch",
            "host", "127.0.0.1",
            "port", snmp.port(),
            "profile", "if-mib",
            "credentials", Map.of("version", "v2c", "community", SWITCH_COMMUNITY)),
        201);
    awaitAnswering(demo, "pdu-a", snmp);
    awaitAnswering(demo, "sw-a", snmp);
    for (int i = 0; i < rigs.size(); i++) {
      demo.put(
          "/api/v1/power/rigs/" + rigs.get(i) + "/outlet",
          Map.of(
              "deviceId",
              "pdu-a",
              "outletIndex",
              i + 1,
              "outletName",
              "rig-a-" + (i + 1),
              "nameplateW",
              3300),
          200);
    }
    // an operator switches an outlet on (it is on: a real SET that changes nothing)
    JsonNode on = demo.post("/api/v1/power/rigs/" + rigs.get(0) + "/outlet/on", Map.of(), 200);
    if (!"on".equals(on.path("state").asText())) {
      throw new IllegalStateException("outlet of " + rigs.get(0) + " is not on: " + on);
    }
    // A cap the fleet already keeps: the event runs (goal and measured power are tracked) without
    // switching the demo's rigs off.
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    demo.post(
        "/api/v1/power/curtailments",
        Map.of("mode", "target", "kw", 1000, "endsAt", now.plus(Duration.ofHours(1)).toString()),
        201);
  }

  private static void awaitAnswering(DemoController demo, String device, SnmpsimProcess agent) {
    try {
      await(device + " answering SNMP")
          .atMost(LIMIT)
          .pollInterval(Duration.ofMillis(500))
          .until(() -> {
            if (!agent.isAlive()) {
              throw new IllegalStateException(device + "'s agent exited: " + agent.log());
            }
            return demo.post("/api/v1/power/devices/" + device + "/poll", Map.of(), 200)
                .path("reachable")
                .asBoolean();
          });
    } catch (ConditionTimeoutException e) {
      throw new IllegalStateException(device + " never answered: " + agent.log(), e);
    }
  }

  /**
   * Upstream mining: a pools profile (primary, backup) for a group holding {@code rig}; once the
   * primary has accepted shares it goes down and the profile fails over to the backup, which then
   * accepts shares too.
   */
  void upstreamPools(DemoController demo, String rig) {
    demo.put(
        "/api/v1/work-profiles/" + PROFILE,
        Map.of(
            "kind",
            "pools",
            "pools",
            List.of(
                Map.of("name", PRIMARY_POOL, "url", primary.url(), "user", "otedama.demo"),
                Map.of("name", BACKUP_POOL, "url", backup.url(), "user", "otedama.demo"))),
        201);
    long group =
        demo.post("/api/v1/groups", Map.of("name", "upstream-rigs", "kind", "rack"), 201)
            .path("id")
            .asLong();
    demo.put("/api/v1/groups/" + group + "/work-profile", Map.of("profile", PROFILE), 200);
    demo.post("/api/v1/groups/" + group + "/rigs", Map.of("rigIds", List.of(rig)), 200);
    awaitAccepted(demo, primary, PRIMARY_POOL);
    primary.close();
    awaitAccepted(demo, backup, BACKUP_POOL);
  }

  private static void awaitAccepted(DemoController demo, UpstreamStratumPool pool, String name) {
    try {
      await(name + " accepting forwarded shares")
          .atMost(LIMIT)
          .pollInterval(Duration.ofMillis(300))
          .until(() -> pool.accepted() > 0);
    } catch (ConditionTimeoutException e) {
      throw new IllegalStateException(
          name + " got no share: " + demo.get("/api/v1/work-profiles/" + PROFILE), e);
    }
  }

  /** One accounting or payout run fails: a DBA cancels its query, which waited on a lock. */
  void failOneJobRun(DemoController demo) {
    try {
      CancelledJobQuery.cancelNextRun(demo.postgresPort(), LIMIT);
    } catch (SQLException e) {
      throw new IllegalStateException("the DBA session on the demo's PostgreSQL failed", e);
    }
  }

  @Override
  public void close() {
    primary.close();
    backup.close();
    snmp.close();
  }
}
