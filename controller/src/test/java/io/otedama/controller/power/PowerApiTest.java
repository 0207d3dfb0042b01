package io.otedama.controller.power;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import io.otedama.controller.OtedamaConfiguration;
import io.otedama.controller.support.Api;
import io.otedama.controller.support.Api.Reply;
import io.otedama.controller.support.TestApp;
import io.otedama.controller.support.TestApps;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.snmp4j.smi.OID;

/**
 * Power through the API on the real application: PDUs (APC rPDU2 on snmpsim, Raritan PX2 on snmpd
 * over v3) and a switch registered and polled, rigs mapped to outlets, an operator power-cycle end
 * to end, the name check, the watchdog with its cool-down and per-site limit, efficiency, metrics
 * and the audit trail. The background loops are off; the test drives polls and watchdog passes.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class PowerApiTest {
  static final DropwizardAppExtension<OtedamaConfiguration> APP =
      TestApps.app(
          ConfigOverride.config("power.enabled", "false"),
          ConfigOverride.config("power.snmpTimeout", "500ms"),
          ConfigOverride.config("power.snmpRetries", "0"),
          ConfigOverride.config("power.maxOutletWritesPerMinutePerPdu", "10"),
          ConfigOverride.config("power.watchdog.maxCyclesPerSitePerHour", "2"),
          ConfigOverride.config("power.curtailment.restoreBatch", "2"),
          ConfigOverride.config("power.curtailment.restoreStepInterval", "1m"));
  static Api api;
  static String admin;
  static String operator;
  static String viewer;
  static SimulatedRigs rigs;
  static SnmpClient snmp;
  static final Map<String, String> rigIds = new HashMap<>();

  @BeforeAll
  static void fleet() throws Exception {
    api = new Api(APP);
    admin = api.loginAdmin();
    operator = api.userWithRole(admin, "ops", "operator");
    viewer = api.userWithRole(admin, "vic", "viewer");
    rigs = new SimulatedRigs(app().core().jdbi());
    snmp = new SnmpClient(Duration.ofSeconds(1), 1);

    assertThat(register(pduA()).status()).isEqualTo(201);
    assertThat(register(raritan()).status()).isEqualTo(201);
    assertThat(
            register(
                    Map.of(
                        "id", "sw-1",
                        "kind", "switch",
                        "host", "127.0.0.1",
                        "port", SharedSnmpAgents.snmpd().port(),
                        "credentials",
                            Map.of("version", "v2c", "community", SnmpdProcess.SWITCH_COMMUNITY)))
                .status())
        .isEqualTo(201);

    Instant now = app().clock.instant();
    for (int i = 1; i <= 4; i++) {
      String id = enroll("a" + i);
      map(id, "pdu-a", i, "rig-a-" + i, 3300.0);
      rigs.report(id, "online", 100e12 * i, 3000.0, false, now);
    }
    for (int i = 1; i <= 2; i++) {
      String id = enroll("r" + i);
      map(id, "pdu-r", i, "rack-r-" + i, 3500.0);
      rigs.report(id, "online", 110e12, 3300.0, false, now);
    }
    String unmapped = enroll("u1");
    rigs.report(unmapped, "online", 90e12, 3100.0, true, now);
    // the least efficient rigs, which curtailment sheds first: two on PDU C, one with power modes
    Map<String, Object> pduC = new HashMap<>(pduA());
    pduC.put("id", "pdu-c");
    pduC.put("name", "Rack C PDU");
    pduC.put("credentials", Map.of("version", "v2c", "community", "apc-rpdu2-curtail"));
    assertThat(register(pduC).status()).isEqualTo(201);
    map(enroll("c1"), "pdu-c", 49, "rig-c-49", 3300.0);
    map(enroll("c2"), "pdu-c", 50, "rig-c-50", 3300.0);
    enroll("m1");
    worstRigsOnline();
    app().power().poller().pollAll().join();
  }

  /** c1 60 J/TH (outlet), m1 50 J/TH (power modes), c2 40 J/TH (outlet): all others are better. */
  static void worstRigsOnline() {
    Instant now = app().clock.instant();
    rigs.report(rigIds.get("c1"), "online", 50e12, 3000.0, false, now);
    rigs.report(rigIds.get("c2"), "online", 75e12, 3000.0, false, now);
    rigs.report(rigIds.get("m1"), "online", 60e12, 3000.0, true, now);
  }

  @AfterAll
  static void close() throws Exception {
    snmp.close();
  }

  static TestApp app() {
    return TestApps.testApp(APP);
  }

  static Map<String, Object> pduA() {
    return Map.of(
        "id", "pdu-a",
        "name", "Rack A PDU",
        "kind", "pdu",
        "host", "127.0.0.1",
        "port", SharedSnmpAgents.snmpsim().port(),
        "profile", "apc-rpdu2",
        "site", "north",
        "credentials", Map.of("version", "v2c", "community", "apc-rpdu2"));
  }

  static Map<String, Object> raritan() {
    return Map.of(
        "id", "pdu-r",
        "kind", "pdu",
        "host", "127.0.0.1",
        "port", SharedSnmpAgents.snmpd().port(),
        "profile", "raritan-px2",
        "site", "south",
        "credentials",
            Map.of(
                "version", "v3",
                "user", SnmpdProcess.V3_USER,
                "authPassphrase", SnmpdProcess.V3_AUTH,
                "privPassphrase", SnmpdProcess.V3_PRIV));
  }

  static Reply register(Map<String, Object> body) {
    return api.post("/api/v1/power/devices", operator, body);
  }

  static String enroll(String name) {
    String id = api.enroll(admin, "power-" + name).text("rigId");
    rigIds.put(name, id);
    return id;
  }

  static void map(String rigId, String device, int outlet, String name, Double nameplate) {
    Map<String, Object> body = new HashMap<>();
    body.put("deviceId", device);
    body.put("outletIndex", outlet);
    body.put("outletName", name);
    body.put("nameplateW", nameplate);
    Reply r = api.put("/api/v1/power/rigs/" + rigId + "/outlet", operator, body);
    assertThat(r.status()).as(r.toString()).isEqualTo(200);
  }

  static PowerDevice device(String id) {
    return app().power().poller() == null
        ? null
        : devices().stream().filter(d -> d.id().equals(id)).findFirst().orElseThrow();
  }

  static List<PowerDevice> devices() {
    return new PowerDeviceStore(app().core().jdbi(), APP.getObjectMapper()).list();
  }

  static int apcControl(int outlet) throws SnmpException {
    OID oid = new OID("1.3.6.1.4.1.318.1.1.26.9.2.4.1.5." + outlet);
    return snmp.get(device("pdu-a"), List.of(oid)).get(oid).toInt();
  }

  static long raritanCycles(int outlet) throws SnmpException {
    OID oid = new OID("1.3.6.1.4.1.13742.6.4.1.2.1.4.1." + outlet);
    return snmp.get(device("pdu-r"), List.of(oid)).get(oid).toLong();
  }

  @Test
  void devicesArePolledAndShownWithoutSecrets() {
    JsonNode items = api.get("/api/v1/power/devices", viewer).body().path("items");
    assertThat(items).hasSize(4);
    JsonNode a = find(items, "pdu-a");
    assertThat(a.path("device").path("credentials").path("community").asText()).isEqualTo("***");
    assertThat(a.path("reading").path("reachable").asBoolean()).isTrue();
    assertThat(a.path("reading").path("powerW").asDouble()).isEqualTo(18750.0);
    assertThat(a.path("reading").path("outlets")).hasSize(8);
    JsonNode r = find(items, "pdu-r");
    assertThat(r.path("device").path("credentials").path("authPassphrase").asText())
        .isEqualTo("***");
    assertThat(r.path("reading").path("outlets").get(0).path("name").asText())
        .isEqualTo("rack-r-1");
    JsonNode sw = find(items, "sw-1");
    assertThat(sw.path("reading").path("interfaces").toString()).contains("\"name\":\"lo\"");

    Reply summary = api.get("/api/v1/power/summary", viewer);
    assertThat(summary.body().path("pdus")).hasSize(3);
    assertThat(summary.body().path("pduPowerW").asDouble()).isGreaterThan(18750.0);
    assertThat(summary.body().path("bySource").path("pdu").asDouble()).isPositive();
    // u1 and m1 have no metered outlet: what they report counts
    assertThat(summary.body().path("bySource").path("reported").asDouble()).isEqualTo(6100.0);

    String metrics = api.adminGetText("/prometheus");
    assertThat(metrics)
        .contains("otedama_pdu_power_watts{pdu=\"pdu-a\"} 18750.0")
        .contains("otedama_pdu_outlet_power_watts{outlet=\"1\",pdu=\"pdu-a\"} 3250.0")
        .contains("otedama_pdu_up{pdu=\"pdu-r\"} 1.0")
        .contains("otedama_power_switch_if_up{interface=\"lo\",switch=\"sw-1\"} 1.0")
        .contains("otedama_pdu_polls_total{device=\"pdu-a\",kind=\"pdu\",result=\"ok\"}")
        .contains("otedama_power_fleet_watts")
        .contains("otedama_pdu_poll_seconds_count")
        .contains("otedama_pdu_poll_seconds_max")
        .contains(
            "otedama_power_rig_watts{rig=\"" + rigIds.get("a1") + "\",source=\"pdu\"} 3250.0");
  }

  @Test
  void efficiencyComesFromOutletPowerFirst() {
    String a1 = rigIds.get("a1");
    JsonNode rig = api.get("/api/v1/power/rigs/" + a1, viewer).body();
    assertThat(rig.path("source").asText()).isEqualTo("pdu");
    assertThat(rig.path("powerW").asDouble()).isEqualTo(3250.0);
    assertThat(rig.path("reportedPowerW").asDouble()).isEqualTo(3000.0);
    assertThat(rig.path("joulesPerTerahash").asDouble()).isEqualTo(32.5); // 3250 W / 100 TH/s

    JsonNode unmapped = api.get("/api/v1/power/rigs/" + rigIds.get("u1"), viewer).body();
    assertThat(unmapped.path("source").asText()).isEqualTo("reported");
    assertThat(unmapped.path("joulesPerTerahash").asDouble()).isEqualTo(34.44);

    assertThat(api.get("/api/v1/power/rigs", viewer).body().path("items")).hasSize(10);
    assertThat(api.adminGetText("/prometheus"))
        .contains("otedama_power_rig_joules_per_terahash{rig=\"" + a1 + "\"} 32.5");
  }

  @Test
  void anOperatorPowerCyclesARigThroughItsOutlet() throws Exception {
    String a2 = rigIds.get("a2");

    Reply r = api.post("/api/v1/power/rigs/" + a2 + "/power-cycle", operator, null);

    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    assertThat(r.text("detail")).contains("pdu-a outlet 2");
    assertThat(apcControl(2)).isEqualTo(3); // rPDU2 immediateReboot reached the PDU
    JsonNode actions = api.get("/api/v1/power/actions?rig=" + a2, viewer).body().path("items");
    assertThat(actions.get(0).path("action").asText()).isEqualTo("cycle");
    assertThat(actions.get(0).path("trigger").asText()).isEqualTo("operator");
    assertThat(actions.get(0).path("actor").asText()).isEqualTo("ops");
    assertThat(actions.get(0).path("result").asText()).isEqualTo("done");
    JsonNode audit = api.get("/api/v1/audit?actor=ops&size=100", admin).body().path("items");
    assertThat(audit.toString()).contains("power cycle").contains("power-cycle");
    assertThat(api.adminGetText("/prometheus"))
        .contains(
            "otedama_power_actions_total{action=\"cycle\",result=\"done\",trigger=\"operator\"}");

    // on again: back to a plain "on" state
    assertThat(api.post("/api/v1/power/rigs/" + a2 + "/outlet/on", operator, null).text("state"))
        .isEqualTo("on");
    assertThat(api.post("/api/v1/power/rigs/" + a2 + "/power-cycle", viewer, null).status())
        .isEqualTo(403);
  }

  @Test
  void anOutletWhoseNameDoesNotMatchIsNeverSwitched() throws Exception {
    String a3 = rigIds.get("a3");
    map(a3, "pdu-a", 3, "rig-a-7", 3300.0);
    try {
      Reply r = api.post("/api/v1/power/rigs/" + a3 + "/power-cycle", operator, null);
      assertThat(r.status()).isEqualTo(409);
      assertThat(r.text("message")).contains("named 'rig-a-3'").contains("not 'rig-a-7'");
      assertThat(apcControl(3)).isEqualTo(1);
    } finally {
      map(a3, "pdu-a", 3, "rig-a-3", 3300.0);
    }
    assertThat(
            api.post("/api/v1/power/rigs/" + rigIds.get("u1") + "/power-cycle", operator, null)
                .status())
        .isEqualTo(404);
  }

  @Test
  void badRegistrationsGetClearErrors() {
    Map<String, Object> bad = new HashMap<>(pduA());
    bad.put("id", "pdu-x");
    bad.put("profile", "eaton");
    assertThat(register(bad).text("message")).contains("Unknown PDU profile 'eaton'");
    bad.put("profile", "apc-rpdu2");
    bad.put("credentials", Map.of("version", "v3", "user", "u", "authPassphrase", "short"));
    assertThat(register(bad).text("message")).contains("at least 8 characters");
    assertThat(register(pduA()).status()).isEqualTo(409);
    assertThat(api.post("/api/v1/power/devices", viewer, pduA()).status()).isEqualTo(403);
  }

  @Test
  void theWatchdogCyclesAnOfflineRigWithinItsLimits() throws Exception {
    String r1 = rigIds.get("r1");
    String r2 = rigIds.get("r2");
    TestApp app = app();
    Instant now = app.clock.instant();
    long before = raritanCycles(1);
    rigs.report(r1, "offline", 0, null, false, now.minus(Duration.ofMinutes(11)));
    try {
      assertThat(app.power().watchdog().check()).isEqualTo(1);
      assertThat(raritanCycles(1)).isEqualTo(before + 1);
      // cool-down: still offline, but not again so soon
      app.clock.advance(Duration.ofMinutes(5));
      assertThat(app.power().watchdog().check()).isZero();

      // after the cool-down it tries again; the site (south) then has 2 cycles this hour
      app.clock.advance(Duration.ofMinutes(26));
      assertThat(app.power().watchdog().check()).isEqualTo(1);
      assertThat(raritanCycles(1)).isEqualTo(before + 2);

      // another south rig goes offline: the per-site limit holds it back
      rigs.report(r2, "stale", 0, null, false, app.clock.instant().minus(Duration.ofMinutes(20)));
      long r2Before = raritanCycles(2);
      assertThat(app.power().watchdog().check()).isZero();
      assertThat(raritanCycles(2)).isEqualTo(r2Before);

      JsonNode actions = api.get("/api/v1/power/actions?rig=" + r1, viewer).body().path("items");
      assertThat(actions).hasSize(2);
      assertThat(actions.get(0).path("trigger").asText()).isEqualTo("watchdog");
      JsonNode audit = api.get("/api/v1/audit?actor=watchdog", admin).body().path("items");
      assertThat(audit.size()).isGreaterThanOrEqualTo(2);
    } finally {
      rigs.report(r1, "online", 110e12, 3300.0, false, app.clock.instant());
      rigs.report(r2, "online", 110e12, 3300.0, false, app.clock.instant());
    }
  }

  @Test
  void theWatchdogNeverTouchesAnOutletSomebodySwitchedOff() throws Exception {
    String a3 = rigIds.get("a3");
    TestApp app = app();
    assertThat(api.post("/api/v1/power/rigs/" + a3 + "/outlet/off", operator, null).text("state"))
        .isEqualTo("off");
    app.power().poller().pollAll().join();
    rigs.report(a3, "offline", 0, null, false, app.clock.instant().minus(Duration.ofHours(1)));
    try {
      assertThat(app.power().watchdog().check()).isZero();
      assertThat(apcControl(3)).isEqualTo(2); // still immediateOff: not cycled back on
    } finally {
      api.post("/api/v1/power/rigs/" + a3 + "/outlet/on", operator, null);
      app.power().poller().pollAll().join();
      rigs.report(a3, "online", 300e12, 3000.0, false, app.clock.instant());
    }
  }

  @Test
  void theWatchdogCyclesARigThatHangsWithoutHashrate() throws Exception {
    String a4 = rigIds.get("a4");
    TestApp app = app();
    rigs.report(a4, "online", 0, 3000.0, false, app.clock.instant());
    try {
      assertThat(app.power().watchdog().check()).isZero(); // hung since now: not long enough
      app.clock.advance(Duration.ofMinutes(16));
      assertThat(app.power().watchdog().check()).isEqualTo(1);
      assertThat(apcControl(4)).isEqualTo(3);
    } finally {
      rigs.report(a4, "online", 400e12, 3000.0, false, app.clock.instant());
      api.post("/api/v1/power/rigs/" + a4 + "/outlet/on", operator, null);
    }
  }

  @Test
  void aCurtailmentEventCurtailsTheLeastEfficientRigsUntilTheTargetIsMetThenRestoresInSteps()
      throws Exception {
    TestApp app = app();
    PowerFeature power = app.power();
    power.poller().pollAll().join();
    double baseline =
        api.get("/api/v1/power/summary", viewer).body().path("fleetPowerW").asDouble();
    String before = api.get("/api/v1/power/rigs", viewer).body().toString();
    Instant start = app.clock.instant();
    int published = app.publisher.published().size();
    Reply created =
        api.post(
            "/api/v1/power/curtailments",
            operator,
            Map.of(
                "mode",
                "reduce",
                "kw",
                6,
                "endsAt",
                start.plus(Duration.ofMinutes(30)).toString()));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    long id = created.body().path("id").asLong();
    assertThat(created.text("status")).isEqualTo("scheduled");
    try {
      power.curtailment().tick();

      JsonNode e = event(id);
      assertThat(e.path("status").asText()).isEqualTo("active");
      assertThat(e.path("baselineW").asDouble()).isEqualTo(baseline);
      assertThat(e.path("goalW").asDouble()).isEqualTo(baseline - 6000);
      assertThat(e.path("targetMet").asBoolean()).isFalse();
      // c1 off (3000 W), m1 to low power (~1200 W expected), c2 off (3000 W): 7200 W >= 6000 W
      assertThat(curtailed(e))
          .containsExactlyInAnyOrder(
              rigIds.get("c1") + ":outlet-off",
              rigIds.get("m1") + ":power-mode",
              rigIds.get("c2") + ":outlet-off");
      assertThat(pduC(49)).isEqualTo(2); // immediateOff
      assertThat(pduC(50)).isEqualTo(2);
      var commands = app.publisher.published().subList(published, app.publisher.published().size());
      assertThat(commands)
          .singleElement()
          .satisfies(c -> {
            assertThat(c.rigId()).isEqualTo(rigIds.get("m1"));
            assertThat(c.type()).isEqualTo("set-power-mode");
            assertThat(c.args()).isEqualTo(Map.of("mode", "low"));
          });

      // the rigs do what they were told: m1 reports less, the PDU shows c1 and c2 off
      app.core()
          .commandResults()
          .onResult(
              rigIds.get("m1"),
              commands.get(0).commandId(),
              "succeeded",
              "low",
              null,
              app.clock.instant());
      rigs.power(rigIds.get("m1"), 1800.0);
      power.poller().pollAll().join();
      app.clock.advance(Duration.ofMinutes(1));
      power.curtailment().tick();

      e = event(id);
      assertThat(e.path("measuredW").asDouble())
          .as("before %s after %s", before, api.get("/api/v1/power/rigs", viewer).body())
          .isEqualTo(baseline - 7200);
      assertThat(e.path("targetMet").asBoolean()).isTrue();
      assertThat(e.path("rigs")).hasSize(3); // nothing more was needed
      assertThat(api.adminGetText("/prometheus"))
          .contains("otedama_power_curtailment_active 1.0")
          .contains("otedama_power_curtailment_goal_watts " + (baseline - 6000));

      // the end: restored two per step, a step a minute
      app.clock.advance(Duration.ofMinutes(30));
      power.curtailment().tick();
      e = event(id);
      assertThat(e.path("status").asText()).isEqualTo("restoring");
      assertThat(restored(e)).isEqualTo(2);
      power.curtailment().tick(); // same minute: no second step yet
      assertThat(restored(event(id))).isEqualTo(2);
      app.clock.advance(Duration.ofMinutes(1));
      power.curtailment().tick();
      e = event(id);
      assertThat(e.path("status").asText()).isEqualTo("done");
      assertThat(restored(e)).isEqualTo(3);
      assertThat(pduC(49)).isEqualTo(1);
      assertThat(pduC(50)).isEqualTo(1);
      assertThat(app.publisher.published().subList(published, app.publisher.published().size()))
          .filteredOn(c -> c.args().equals(Map.of("mode", "normal")))
          .singleElement()
          .satisfies(c -> assertThat(c.rigId()).isEqualTo(rigIds.get("m1")));
      assertThat(api.get("/api/v1/power/actions?limit=1000", viewer).body().toString())
          .contains("curtailment #" + id);
    } finally {
      api.post("/api/v1/power/curtailments/" + id + "/cancel", operator, null);
      worstRigsOnline();
    }
  }

  @Test
  void aRampMovesTheGoalGraduallyAndACancelRestores() throws Exception {
    TestApp app = app();
    PowerFeature power = app.power();
    power.poller().pollAll().join();
    Instant start = app.clock.instant();
    long id =
        api.post(
                "/api/v1/power/curtailments",
                operator,
                Map.of(
                    "mode",
                    "reduce",
                    "kw",
                    3,
                    "rampSeconds",
                    600,
                    "endsAt",
                    start.plus(Duration.ofHours(1)).toString()))
            .body()
            .path("id")
            .asLong();
    try {
      power.curtailment().tick();
      JsonNode e = event(id);
      assertThat(e.path("goalW").asDouble()).isEqualTo(e.path("baselineW").asDouble());
      assertThat(e.path("rigs")).isEmpty();

      app.clock.advance(Duration.ofSeconds(300)); // half-way down the ramp: 1.5 kW off
      power.curtailment().tick();
      e = event(id);
      assertThat(e.path("goalW").asDouble()).isEqualTo(e.path("baselineW").asDouble() - 1500);
      assertThat(curtailed(e)).containsExactly(rigIds.get("c1") + ":outlet-off");

      JsonNode cancelled =
          api.post("/api/v1/power/curtailments/" + id + "/cancel", operator, null).body();
      assertThat(cancelled.path("status").asText()).isEqualTo("restoring");
      power.curtailment().tick();
      assertThat(event(id).path("status").asText()).isEqualTo("done");
      assertThat(pduC(49)).isEqualTo(1);
      assertThat(api.post("/api/v1/power/curtailments/" + id + "/cancel", operator, null).status())
          .isEqualTo(409);
    } finally {
      worstRigsOnline();
    }
  }

  @Test
  void curtailmentRequestsAreValidated() {
    String later = app().clock.instant().plus(Duration.ofHours(2)).toString();
    assertThat(
            api.post(
                    "/api/v1/power/curtailments",
                    operator,
                    Map.of("mode", "max", "kw", 1, "endsAt", later))
                .text("message"))
        .contains("mode must be target");
    assertThat(
            api.post("/api/v1/power/curtailments", operator, Map.of("mode", "target", "kw", 1))
                .status())
        .isEqualTo(400);
    assertThat(
            api.post(
                    "/api/v1/power/curtailments",
                    viewer,
                    Map.of("mode", "target", "kw", 1, "endsAt", later))
                .status())
        .isEqualTo(403);
    String soon = app().clock.instant().plus(Duration.ofHours(1)).toString();
    long id =
        api.post(
                "/api/v1/power/curtailments",
                operator,
                Map.of("mode", "target", "kw", 1, "startsAt", soon, "endsAt", later))
            .body()
            .path("id")
            .asLong();
    app().power().curtailment().tick();
    assertThat(event(id).path("status").asText()).isEqualTo("scheduled");
    assertThat(
            api.post("/api/v1/power/curtailments/" + id + "/cancel", operator, null).text("status"))
        .isEqualTo("cancelled");
    assertThat(api.get("/api/v1/power/curtailments", viewer).body().path("items").toString())
        .contains("\"cancelled\"");
  }

  static JsonNode event(long id) {
    return api.get("/api/v1/power/curtailments/" + id, viewer).body();
  }

  static List<String> curtailed(JsonNode event) {
    return StreamSupport.stream(event.path("rigs").spliterator(), false)
        .map(r -> r.path("rigId").asText() + ":" + r.path("method").asText())
        .toList();
  }

  static long restored(JsonNode event) {
    return StreamSupport.stream(event.path("rigs").spliterator(), false)
        .filter(r -> r.hasNonNull("restoredAt"))
        .count();
  }

  static int pduC(int outlet) throws SnmpException {
    OID oid = new OID("1.3.6.1.4.1.318.1.1.26.9.2.4.1.5." + outlet);
    return snmp.get(device("pdu-c"), List.of(oid)).get(oid).toInt();
  }

  @Test
  void anOperatorPowerCyclesAndCurtailsFromTheConsole() throws Exception {
    String a1 = rigIds.get("a1");
    Path profile = Files.createTempDirectory("otedama-power-browser-");
    ChromeDriver driver = io.otedama.controller.testing.HeadlessChromium.start(profile);
    WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
    try {
      driver.get("http://127.0.0.1:" + APP.getLocalPort() + "/#/login");
      wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username"))).sendKeys("ops");
      driver.findElement(By.id("password")).sendKeys("password-of-ops");
      driver.findElement(By.id("login-submit")).click();
      wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("who"), "ops ("));
      driver.get("http://127.0.0.1:" + APP.getLocalPort() + "/#/power");
      By row = By.cssSelector("#power-outlet-table tr[data-rig='" + a1 + "']");
      wait.until(ExpectedConditions.visibilityOfElementLocated(row));
      assertThat(driver.findElement(row).getText()).contains("rig-a-1").contains("J/TH");

      driver.findElement(row).findElement(By.xpath(".//button[text()='Power-cycle']")).click();
      wait.until(ExpectedConditions.alertIsPresent()).accept();
      wait.until(
          ExpectedConditions.textToBePresentInElementLocated(By.id("toast"), "pdu-a outlet 1"));
      assertThat(apcControl(1)).isEqualTo(3);
      wait.until(ExpectedConditions.visibilityOfElementLocated(row));
      driver.findElement(row).findElement(By.xpath(".//button[text()='On']")).click();
      wait.until(d -> {
        try {
          return apcControl(1) == 1;
        } catch (SnmpException e) {
          return false;
        }
      });

      driver.findElement(By.id("curtail-kw")).sendKeys("40");
      driver.findElement(By.id("curtail-create")).click();
      By cancel = By.xpath("//table[@id='power-curtailment-table']//button[text()='Cancel']");
      wait.until(ExpectedConditions.elementToBeClickable(cancel)).click();
      wait.until(
          ExpectedConditions.textToBePresentInElementLocated(
              By.id("power-curtailment-table"), "cancelled"));
      assertThat(
              api.get("/api/v1/power/curtailments", viewer)
                  .body()
                  .path("items")
                  .get(0)
                  .path("createdBy")
                  .asText())
          .isEqualTo("ops");
    } finally {
      driver.quit();
    }
  }

  @Test
  void theConsoleHasAPowerPage() {
    try (var r =
        APP.client()
            .target("http://localhost:" + APP.getLocalPort() + "/console/pages/power.js")
            .request()
            .get()) {
      assertThat(r.getStatus()).isEqualTo(200);
      assertThat(r.readEntity(String.class))
          .contains("/api/v1/power/devices")
          .contains("/api/v1/power/curtailments")
          .contains("power-cycle");
    }
  }

  static JsonNode find(JsonNode items, String id) {
    return StreamSupport.stream(items.spliterator(), false)
        .filter(n -> n.path("device").path("id").asText().equals(id))
        .findFirst()
        .orElseThrow();
  }
}
