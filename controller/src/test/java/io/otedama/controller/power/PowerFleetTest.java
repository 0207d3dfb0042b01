package io.otedama.controller.power;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.ResourceHelpers;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import io.otedama.agent.device.PowerMode;
import io.otedama.agent.sim.FleetSimulator;
import io.otedama.agent.sim.FleetSimulator.SimulatedRig;
import io.otedama.controller.OtedamaApplication;
import io.otedama.controller.OtedamaConfiguration;
import io.otedama.controller.support.Api;
import io.otedama.controller.support.SharedPostgres;
import io.otedama.controller.support.TestFleets;
import io.otedama.controller.testing.FreePort;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Power end to end with running rigs: the real application (embedded HiveMQ, PostgreSQL) and
 * simulated rigs running the agent's real code, each plugged into an outlet of an APC rPDU2 served
 * by snmpsim. The {@link OutletFeed} is the wiring: an outlet switched off through SNMP cuts its
 * rig's power (it drops off the broker, the controller sees it offline), switched on boots it, and
 * the PDU meters what each rig draws. Power-cycles switch real outlets; curtailment sends {@code
 * set-power-mode} commands the agents apply (the PDU then meters less) and switches off the outlet
 * of the rig whose miner has no power modes. Through the API and from the console in headless
 * Chromium. The power loops are off: the test runs the curtailment check and the polls where the
 * schedule would.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class PowerFleetTest {
  public static class FleetApp extends OtedamaApplication {}

  static final int MQTT_PORT = FreePort.find();
  static final int FIRST_OUTLET = 73;
  static final int NO_POWER_MODES = 2;
  static final DropwizardAppExtension<OtedamaConfiguration> APP =
      new DropwizardAppExtension<>(
          FleetApp.class,
          ResourceHelpers.resourceFilePath("test-config.yml"),
          ConfigOverride.config("database.url", SharedPostgres::newDatabaseUrl),
          ConfigOverride.config("database.user", "postgres"),
          ConfigOverride.config("mqtt.embeddedPort", Integer.toString(MQTT_PORT)),
          ConfigOverride.config("mqtt.embeddedBindAddress", "127.0.0.1"),
          ConfigOverride.config("mqtt.embeddedDataDir", () -> tempDir("otedama-pf-hivemq-")),
          ConfigOverride.config("fleet.advertisedMqttUrl", "tcp://127.0.0.1:" + MQTT_PORT),
          ConfigOverride.config("fleet.telemetryInterval", "1s"),
          ConfigOverride.config("commands.sweepInterval", "100ms"),
          ConfigOverride.config("power.enabled", "false"),
          ConfigOverride.config("power.snmpTimeout", "1s"),
          ConfigOverride.config("power.maxOutletWritesPerMinutePerPdu", "20"),
          ConfigOverride.config("power.curtailment.restoreBatch", "1"),
          ConfigOverride.config("power.curtailment.restoreStepInterval", "1s"));

  static Api api;
  static String admin;
  static String operator;
  static FleetSimulator fleet;
  static SnmpClient snmp;
  static OutletFeed feed;
  static final Map<String, SimulatedRig> byId = new HashMap<>();
  static final List<String> rigIds = new ArrayList<>();

  static String tempDir(String prefix) {
    try {
      return Files.createTempDirectory(prefix).toString();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @BeforeAll
  static void fleetOnOutlets() throws Exception {
    api = new Api(APP.getTestSupport());
    admin = api.loginAdmin();
    operator = api.userWithRole(admin, "opal", "operator");
    OtedamaApplication app = APP.getApplication();
    await().atMost(Duration.ofSeconds(30)).until(() -> app.mqttEdge().client().isConnected());
    long group =
        api.post("/api/v1/groups", admin, Map.of("name", "rack-f")).body().path("id").asLong();
    String token =
        api.post(
                "/api/v1/enrollment-tokens",
                admin,
                Map.of("uses", 4, "ttlHours", 1, "groupId", group))
            .text("token");
    fleet =
        FleetSimulator.start(
            TestFleets.quick(APP.getLocalPort(), token, 4, "rack-f")
                .withHashesPerSecond(50)
                .withReconnect(Duration.ofMillis(100), Duration.ofMillis(500))
                // rig 2 (a Whatsminer M30S+, the least efficient model) has no power modes
                .withoutPowerModes(Set.of(NO_POWER_MODES)));
    assertThat(fleet.awaitConnected(4, Duration.ofSeconds(30))).isTrue();

    Map<String, Object> pdu =
        Map.of(
            "id", "pdu-f",
            "name", "Rack F PDU",
            "kind", "pdu",
            "host", "127.0.0.1",
            "port", SharedSnmpAgents.snmpsim().port(),
            "profile", "apc-rpdu2",
            "site", "east",
            "credentials", Map.of("version", "v2c", "community", "apc-rpdu2-fleet"));
    assertThat(api.post("/api/v1/power/devices", operator, pdu).status()).isEqualTo(201);
    Map<Integer, SimulatedRig> outlets = new HashMap<>();
    for (SimulatedRig rig : fleet.rigs()) {
      int outlet = FIRST_OUTLET + rig.index();
      outlets.put(outlet, rig);
      byId.put(rig.rigId(), rig);
      rigIds.add(rig.rigId());
      Map<String, Object> body = new HashMap<>();
      body.put("deviceId", "pdu-f");
      body.put("outletIndex", outlet);
      body.put("outletName", "rack-f-" + outlet);
      body.put("watchdog", false);
      assertThat(api.put("/api/v1/power/rigs/" + rig.rigId() + "/outlet", operator, body).status())
          .isEqualTo(200);
    }
    rigIds.sort(null);
    snmp = new SnmpClient(Duration.ofSeconds(1), 1);
    PowerDevice device =
        new PowerDeviceStore(app.core().jdbi(), APP.getObjectMapper())
            .list().stream().filter(d -> d.id().equals("pdu-f")).findFirst().orElseThrow();
    feed = new OutletFeed(snmp, device, outlets, Duration.ofSeconds(2), Duration.ofMillis(150));
    // every rig online, mining, and metered by its outlet
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> {
          app.power().poller().pollAll().join();
          JsonNode rigs = api.get("/api/v1/power/rigs", operator).body().path("items");
          return rigs.size() == 4
              && StreamSupport.stream(rigs.spliterator(), false)
                  .allMatch(r ->
                      "online".equals(r.path("status").asText())
                          && "pdu".equals(r.path("source").asText())
                          && r.path("powerW").asDouble() > 1000
                          && r.path("hashrateHs").asDouble() > 0
                          && r.path("powerModes").asBoolean()
                              != r.path("rigId").asText().equals(noPowerModes()));
        });
  }

  @AfterAll
  static void stop() throws Exception {
    if (feed != null) {
      feed.close();
    }
    if (fleet != null) {
      fleet.close();
    }
    if (snmp != null) {
      snmp.close();
    }
  }

  static String noPowerModes() {
    return fleet.rigs().stream()
        .filter(r -> r.index() == NO_POWER_MODES)
        .findFirst()
        .orElseThrow()
        .rigId();
  }

  static OtedamaApplication app() {
    return APP.getApplication();
  }

  static String status(String rigId) {
    return api.get("/api/v1/rigs/" + rigId, operator).text("status");
  }

  /**
   * Status changes the controller recorded for the rig after event {@code afterId}, oldest first
   * (by id: an offline from the Last Will carries the time of the connect that set it).
   */
  static List<String> transitions(String rigId, long afterId) {
    List<String> out = new ArrayList<>();
    for (JsonNode e : api.get("/api/v1/rigs/" + rigId + "/events", operator).body().path("items")) {
      if (e.path("id").asLong() > afterId && e.hasNonNull("toStatus")) {
        out.add(0, e.path("toStatus").asText());
      }
    }
    return out;
  }

  static long lastEvent(String rigId) {
    long max = 0;
    for (JsonNode e : api.get("/api/v1/rigs/" + rigId + "/events", operator).body().path("items")) {
      max = Math.max(max, e.path("id").asLong());
    }
    return max;
  }

  static JsonNode event(long id) {
    return api.get("/api/v1/power/curtailments/" + id, operator).body();
  }

  static JsonNode powerOf(String rigId) {
    return api.get("/api/v1/power/rigs/" + rigId, operator).body();
  }

  @Test
  void anOutletSwitchedOffThroughSnmpTakesItsRigOfflineAndAPowerCycleBringsItBack()
      throws Exception {
    String rigId = rigIds.get(0);
    SimulatedRig rig = byId.get(rigId);
    int outlet = FIRST_OUTLET + rig.index();
    long start = lastEvent(rigId);

    Api.Reply off = api.post("/api/v1/power/rigs/" + rigId + "/outlet/off", operator, null);
    assertThat(off.status()).as(off.toString()).isEqualTo(200);
    assertThat(off.text("state")).isEqualTo("off");
    await().atMost(Duration.ofSeconds(30)).until(() -> "offline".equals(status(rigId)));
    assertThat(rig.powered()).isFalse();
    assertThat(feed.events()).contains(outlet + " off");
    app().power().poller().pollAll().join();
    JsonNode measured = powerOf(rigId);
    assertThat(measured.path("outletState").asText()).isEqualTo("off");
    assertThat(measured.path("powerW").asDouble()).isZero();

    assertThat(api.post("/api/v1/power/rigs/" + rigId + "/outlet/on", operator, null).text("state"))
        .isEqualTo("on");
    await().atMost(Duration.ofSeconds(30)).until(() -> "online".equals(status(rigId)));
    assertThat(transitions(rigId, start)).containsSubsequence("offline", "online");

    // the power-cycle: the PDU's own reboot command, off for its reboot duration, then on
    long cycled = lastEvent(rigId);
    Api.Reply cycle = api.post("/api/v1/power/rigs/" + rigId + "/power-cycle", operator, null);
    assertThat(cycle.status()).as(cycle.toString()).isEqualTo(200);
    assertThat(cycle.text("detail")).contains("pdu-f outlet " + outlet).contains("cycle");
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> transitions(rigId, cycled).containsAll(List.of("offline", "online")));
    assertThat(transitions(rigId, cycled)).containsSubsequence("offline", "online");
    assertThat(feed.events()).containsSubsequence(outlet + " reboot", outlet + " on");
    await().atMost(Duration.ofSeconds(30)).until(() -> "online".equals(status(rigId)));
    assertThat(rig.connected()).isTrue();
    JsonNode actions = api.get("/api/v1/power/actions?rig=" + rigId, operator).body().path("items");
    assertThat(
            StreamSupport.stream(actions.spliterator(), false)
                .map(a -> a.path("action").asText() + ":" + a.path("result").asText()))
        .contains("off:done", "on:done", "cycle:done");
  }

  @Test
  void aCurtailmentEventTurnsRigsDownThroughTheirAgentsAndThePduMetersTheDifference()
      throws Exception {
    PowerFeature power = app().power();
    Map<String, Double> before = allMining();
    double baseline =
        api.get("/api/v1/power/summary", operator).body().path("fleetPowerW").asDouble();
    assertThat(baseline).isGreaterThan(4 * 2500);
    // the least efficient rig has no power modes: off at its outlet (~3.1 to 3.8 kW); 4 kW then
    // needs at least one more, which goes to low power (~40 % off)
    Api.Reply created =
        api.post(
            "/api/v1/power/curtailments",
            operator,
            Map.of(
                "mode",
                "reduce",
                "kw",
                4,
                "endsAt",
                Instant.now().plus(Duration.ofMinutes(30)).toString()));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    long id = created.body().path("id").asLong();
    String off = noPowerModes();
    SimulatedRig offRig = byId.get(off);
    try {
      power.curtailment().tick();
      JsonNode e = event(id);
      assertThat(e.path("status").asText()).isEqualTo("active");
      Map<String, String> methods = methods(e);
      assertThat(methods).containsEntry(off, "outlet-off").hasSizeGreaterThanOrEqualTo(2);
      List<String> lowered = withMethod(methods, "power-mode");
      assertThat(lowered).isNotEmpty();

      // the outlet goes off: that rig loses power and drops off; the others really switch to low
      // power, report less, and the PDU meters less
      await().atMost(Duration.ofSeconds(30)).until(() -> "offline".equals(status(off)));
      assertThat(offRig.powered()).isFalse();
      awaitModes(lowered, PowerMode.LOW);
      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> {
            power.poller().pollAll().join();
            return "off".equals(powerOf(off).path("outletState").asText())
                && lowered.stream()
                    .allMatch(r -> {
                      JsonNode p = powerOf(r);
                      return p.path("reportedPowerW").asDouble() < 0.75 * before.get(r)
                          && p.path("powerW").asDouble() < 0.75 * before.get(r)
                          && "pdu".equals(p.path("source").asText());
                    });
          });
      assertThat(powerOf(off).path("powerW").asDouble()).isZero();
      assertThat(offRig.device().powerMode()).isEqualTo(PowerMode.NORMAL); // never asked
      rigIds.stream()
          .filter(r -> !methods.containsKey(r))
          .forEach(r -> assertThat(byId.get(r).device().powerMode()).isEqualTo(PowerMode.NORMAL));
      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> {
            power.poller().pollAll().join();
            power.curtailment().tick();
            return event(id).path("targetMet").asBoolean();
          });
      e = event(id);
      assertThat(e.path("measuredW").asDouble()).isLessThan(e.path("goalW").asDouble() * 1.001);
      JsonNode actions = api.get("/api/v1/power/actions?rig=" + off, operator).body();
      assertThat(actions.toString()).contains("curtailment #" + id);

      // cancelled: restored one rig per step, the outlet back on (the rig boots and comes back),
      // the others back to normal on the rigs themselves
      assertThat(
              api.post("/api/v1/power/curtailments/" + id + "/cancel", operator, null)
                  .text("status"))
          .isEqualTo("restoring");
      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> {
            power.curtailment().tick();
            return "done".equals(event(id).path("status").asText());
          });
      int curtailedCount = event(id).path("rigs").size();
      assertThat(event(id).path("rigs").findValues("restoredAt")).hasSize(curtailedCount);
      awaitModes(lowered, PowerMode.NORMAL);
      await().atMost(Duration.ofSeconds(30)).until(() -> "online".equals(status(off)));
      assertThat(offRig.powered()).isTrue();
    } finally {
      api.post("/api/v1/power/curtailments/" + id + "/cancel", operator, null);
    }
  }

  /** Clicks once the element takes it: the page re-renders its tables every few seconds. */
  static void click(org.openqa.selenium.WebDriver driver, By target) {
    new WebDriverWait(driver, Duration.ofSeconds(30))
        .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
        .ignoring(org.openqa.selenium.ElementClickInterceptedException.class)
        .ignoring(org.openqa.selenium.NoSuchElementException.class)
        .until(d -> {
          d.findElement(target).click();
          return true;
        });
  }

  /** Whether the row shows every text at once (the page re-renders it every few seconds). */
  static boolean rowShows(org.openqa.selenium.WebDriver d, By row, String... texts) {
    try {
      String text = d.findElement(row).getText();
      return java.util.Arrays.stream(texts).allMatch(text::contains);
    } catch (org.openqa.selenium.NoSuchElementException
        | org.openqa.selenium.StaleElementReferenceException e) {
      return false;
    }
  }

  static Map<String, String> methods(JsonNode event) {
    Map<String, String> out = new HashMap<>();
    event.path("rigs").forEach(r -> out.put(r.path("rigId").asText(), r.path("method").asText()));
    return out;
  }

  static List<String> withMethod(Map<String, String> methods, String method) {
    return methods.entrySet().stream()
        .filter(m -> m.getValue().equals(method))
        .map(Map.Entry::getKey)
        .toList();
  }

  /**
   * Waits until every rig is online, hashing, in normal mode and metered at full power (another
   * test may just have power-cycled or curtailed one); returns each rig's measured watts.
   */
  static Map<String, Double> allMining() {
    Map<String, Double> watts = new HashMap<>();
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> {
          app().power().poller().pollAll().join();
          watts.clear();
          for (JsonNode r : api.get("/api/v1/power/rigs", operator).body().path("items")) {
            String id = r.path("rigId").asText();
            if (!"online".equals(r.path("status").asText())
                || r.path("hashrateHs").asDouble() <= 0
                || r.path("powerW").asDouble() < 2500
                || byId.get(id).device().powerMode() != PowerMode.NORMAL) {
              return false;
            }
            watts.put(id, r.path("powerW").asDouble());
          }
          return watts.size() == 4;
        });
    return watts;
  }

  static void awaitModes(List<String> rigs, PowerMode mode) {
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> rigs.stream().allMatch(r -> byId.get(r).device().powerMode() == mode));
  }

  @Test
  void anOperatorPowerCyclesARigAndRunsACurtailmentFromTheConsole() throws Exception {
    String rigId = rigIds.get(1);
    SimulatedRig rig = byId.get(rigId);
    int outlet = FIRST_OUTLET + rig.index();
    PowerFeature power = app().power();
    Path profile = Files.createTempDirectory("otedama-power-fleet-browser-");
    ChromeDriver driver = io.otedama.controller.testing.HeadlessChromium.start(profile);
    WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
    String base = "http://127.0.0.1:" + APP.getLocalPort();
    long id = -1;
    try {
      allMining();
      driver.get(base + "/#/login");
      wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username"))).sendKeys("opal");
      driver.findElement(By.id("password")).sendKeys("password-of-opal");
      driver.findElement(By.id("login-submit")).click();
      wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("who"), "opal ("));
      driver.get(base + "/#/power");
      By row = By.cssSelector("#power-outlet-table tr[data-rig='" + rigId + "']");
      wait.until(ExpectedConditions.visibilityOfElementLocated(row));
      wait.until(d -> rowShows(d, row, "rack-f-" + outlet, "pdu"));

      // power-cycle from the console: the rig drops off and comes back
      long cycled = lastEvent(rigId);
      click(
          driver,
          By.xpath(
              "//table[@id='power-outlet-table']//tr[@data-rig='"
                  + rigId
                  + "']//button[text()='Power-cycle']"));
      wait.until(ExpectedConditions.alertIsPresent()).accept();
      wait.until(
          ExpectedConditions.textToBePresentInElementLocated(
              By.id("toast"), "pdu-f outlet " + outlet));
      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> transitions(rigId, cycled).containsAll(List.of("offline", "online")));
      assertThat(feed.events()).contains(outlet + " reboot");
      await().atMost(Duration.ofSeconds(30)).until(rig::connected);

      // a curtailment from the console: reduce by 4 kW, follow it, cancel it
      new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("curtail-mode")))
          .selectByValue("reduce");
      driver.findElement(By.id("curtail-kw")).sendKeys("4");
      driver.findElement(By.id("curtail-create")).click();
      wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("toast"), "created"));
      id =
          api.get("/api/v1/power/curtailments", operator)
              .body()
              .path("items")
              .get(0)
              .path("id")
              .asLong();
      wait.until(
          ExpectedConditions.textToBePresentInElementLocated(
              By.cssSelector("#power-curtailment-table tr[data-event='" + id + "']"), "scheduled"));
      assertThat(event(id).path("createdBy").asText()).isEqualTo("opal");
      allMining();
      power.curtailment().tick(); // the check the schedule would run
      long event = id;
      Map<String, String> methods = methods(event(event));
      assertThat(methods).containsEntry(noPowerModes(), "outlet-off");
      List<String> lowered = withMethod(methods, "power-mode");
      awaitModes(lowered, PowerMode.LOW);
      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> {
            power.poller().pollAll().join();
            power.curtailment().tick();
            return event(event).path("targetMet").asBoolean();
          });
      // the page follows the event on its own
      By eventRow = By.cssSelector("#power-curtailment-table tr[data-event='" + event + "']");
      int count = event(event).path("rigs").size();
      String held = count + " curtailed (" + (count - 1) + " power mode, 1 outlet off)";
      wait.until(d -> rowShows(d, eventRow, "active", "yes", held));
      By cancel =
          By.xpath(
              "//table[@id='power-curtailment-table']//tr[@data-event='"
                  + event
                  + "']//button[text()='Cancel']");
      click(driver, cancel);
      wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("toast"), "cancelled"));
      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> {
            power.curtailment().tick();
            return "done".equals(event(event).path("status").asText());
          });
      wait.until(d -> rowShows(d, eventRow, "done", count + " restored"));
      awaitModes(lowered, PowerMode.NORMAL);
      await().atMost(Duration.ofSeconds(30)).until(() -> "online".equals(status(noPowerModes())));
    } finally {
      driver.quit();
      if (id > 0) {
        api.post("/api/v1/power/curtailments/" + id + "/cancel", operator, null);
      }
    }
  }
}
