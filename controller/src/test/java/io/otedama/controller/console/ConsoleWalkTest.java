package io.otedama.controller.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.ResourceHelpers;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import io.otedama.agent.sim.FleetSimulator;
import io.otedama.controller.OtedamaApplication;
import io.otedama.controller.OtedamaConfiguration;
import io.otedama.controller.demo.DemoAccounts;
import io.otedama.controller.support.Api;
import io.otedama.controller.support.SharedPostgres;
import io.otedama.controller.support.TestFleets;
import io.otedama.controller.testing.FreePort;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;

/**
 * Every console page in a real headless Chromium against an app seeded like the demo: simulated
 * rigs (the agent's real code) mining on the local source, the demo's client accounts (one per
 * scheme, on the demo site) with the rigs shared among them, a group on a second work profile, an
 * enrollment token, users of each role, commands, and a payout batch. Each page must show real
 * content (no error, no empty state where there is data) and raise no JavaScript error; the account
 * and payout actions, group deletion and the shares of one account are driven through the browser.
 * Ordered: the page walk reads the seeded state before the actions change it.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleWalkTest {
  static final int MQTT_PORT = FreePort.belowEphemeralRange();
  static final DropwizardAppExtension<OtedamaConfiguration> APP =
      new DropwizardAppExtension<>(
          WalkApp.class,
          ResourceHelpers.resourceFilePath("test-config.yml"),
          ConfigOverride.config("database.url", SharedPostgres::newDatabaseUrl),
          ConfigOverride.config("database.user", "postgres"),
          ConfigOverride.config("mqtt.embeddedPort", Integer.toString(MQTT_PORT)),
          ConfigOverride.config("mqtt.embeddedBindAddress", "127.0.0.1"),
          ConfigOverride.config("mqtt.embeddedDataDir", ConsoleWalkTest::brokerDir),
          ConfigOverride.config("fleet.advertisedMqttUrl", "tcp://127.0.0.1:" + MQTT_PORT),
          ConfigOverride.config("fleet.telemetryInterval", "1s"),
          ConfigOverride.config("commands.sweepInterval", "200ms"),
          // as the demo: shares within seconds, and now and then a block
          ConfigOverride.config("work.agentStartDifficulty", "0.000001"),
          ConfigOverride.config("work.localNetworkDifficulty", "0.0002"),
          ConfigOverride.config("payouts.network", "regtest"),
          ConfigOverride.config("payouts.accountingPeriod", "1m"),
          ConfigOverride.config("payouts.payoutPeriod", "1m"),
          ConfigOverride.config("payouts.settleDelay", "0s"),
          // the jobs page has jobs to show (none is due within this test's seconds)
          ConfigOverride.config("scheduling.enabled", "true"));

  static final int RIGS = 3;
  static FleetSimulator agents;
  @TempDir static Path profile;
  static Browser browser;
  static Api api;
  static String admin;
  static List<String> rigs;
  static final Map<String, Long> accounts = new LinkedHashMap<>();
  static long hallGroup;
  static String vera;

  /**
   * The real application on a clock the test can move forward (to complete payout periods); the
   * simulated rigs share it, as a farm's rigs and controller share NTP time.
   */
  public static class WalkApp extends OtedamaApplication {
    static final AheadClock CLOCK = new AheadClock();

    @Override
    protected Clock clock() {
      return CLOCK;
    }
  }

  /** The system clock plus an offset the test raises: time keeps running, and can jump ahead. */
  static final class AheadClock extends Clock {
    private final AtomicReference<Duration> ahead = new AtomicReference<>(Duration.ZERO);

    void jump(Duration by) {
      ahead.updateAndGet(d -> d.plus(by));
    }

    @Override
    public Instant instant() {
      return Instant.now().plus(ahead.get());
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }
  }

  static String brokerDir() {
    try {
      return Files.createTempDirectory("otedama-walk-hivemq-").toString();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  static OtedamaApplication app() {
    return APP.getApplication();
  }

  @BeforeAll
  static void seedLikeTheDemo() {
    api = new Api(APP.getTestSupport());
    admin = api.loginAdmin();
    // the demo's site and client accounts
    assertThat(
            api.put(
                    "/api/v1/sites/" + DemoAccounts.SITE,
                    admin,
                    Map.of("electricityMsatPerKwh", DemoAccounts.SITE_MSAT_PER_KWH))
                .status())
        .isEqualTo(200);
    for (DemoAccounts.Client c : DemoAccounts.CLIENTS) {
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("name", c.name());
      body.put("scheme", c.scheme());
      body.put("poolFeeBps", c.poolFeeBps());
      body.put("hostingFeeBps", c.hostingFeeBps());
      body.put("payoutThresholdSats", DemoAccounts.THRESHOLD_SATS);
      body.put("walletAddress", c.address());
      if (c.onSite()) {
        body.put("site", DemoAccounts.SITE);
      }
      Api.Reply created = api.post("/api/v1/accounts", admin, body);
      assertThat(created.status()).as(created.toString()).isEqualTo(201);
      accounts.put(c.name(), created.body().path("id").asLong());
    }
    for (String[] user : new String[][] {{"vera", "viewer"}, {"otto", "operator"}}) {
      assertThat(
              api.post(
                      "/api/v1/users",
                      admin,
                      Map.of(
                          "username",
                          user[0],
                          "password",
                          "password-of-" + user[0],
                          "role",
                          user[1]))
                  .status())
          .isEqualTo(201);
    }
    assertThat(
            api.post(
                    "/api/v1/users",
                    admin,
                    Map.of(
                        "username",
                        "carol",
                        "password",
                        "password-of-carol",
                        "role",
                        "client",
                        "accountId",
                        accounts.get("carol")))
                .status())
        .isEqualTo(201);
    // a second profile on the local source, and a group mining on it
    assertThat(api.put("/api/v1/work-profiles/hall-local", admin, Map.of("kind", "local")).status())
        .isEqualTo(201);
    hallGroup =
        api.post("/api/v1/groups", admin, Map.of("name", "hall-a", "kind", "site"))
            .body()
            .path("id")
            .asLong();
    api.put(
        "/api/v1/groups/" + hallGroup + "/work-profile", admin, Map.of("profile", "hall-local"));

    // the simulated rigs, enrolled through the API as the demo does
    await().atMost(Duration.ofSeconds(30)).until(() -> app().mqttEdge().client().isConnected());
    String token =
        api.post("/api/v1/enrollment-tokens", admin, Map.of("uses", RIGS, "ttlHours", 1))
            .text("token");
    agents =
        FleetSimulator.start(
            TestFleets.quick(APP.getLocalPort(), token, RIGS, "walk")
                .withHashesPerSecond(20_000)
                // the app's clock: when the test moves it, the rigs' heartbeats move with it
                .withClock(WalkApp.CLOCK));
    rigs = agents.rigs().stream().map(FleetSimulator.SimulatedRig::rigId).toList();
    assertThat(rigs).hasSize(RIGS).doesNotContainNull();
    List<Long> ids = List.copyOf(accounts.values());
    for (int i = 0; i < rigs.size(); i++) {
      assertThat(
              api.put(
                      "/api/v1/accounts/" + ids.get(i % ids.size()) + "/rigs/" + rigs.get(i),
                      admin,
                      Map.of())
                  .status())
          .isEqualTo(204);
    }
    assertThat(
            api.post(
                    "/api/v1/groups/" + hallGroup + "/rigs",
                    admin,
                    Map.of("rigIds", List.of(rigs.get(0))))
                .status())
        .isEqualTo(200);
    // a spare token for the enrollment page, a command for the rig's history and the audit log
    api.post("/api/v1/enrollment-tokens", admin, Map.of("uses", 5, "ttlHours", 24));
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> onlineRigs() == RIGS && rigsWithShares() == RIGS);
    assertThat(
            api.post(
                    "/api/v1/commands/batch",
                    admin,
                    Map.of("type", "blink-led", "args", Map.of("seconds", 5), "rigIds", rigs))
                .status())
        .isEqualTo(202);

    // the period of those shares ends: the due payout batch pays carol's PPS credits (at least)
    WalkApp.CLOCK.jump(Duration.ofMinutes(3));
    Api.Reply built = api.post("/api/v1/payouts", admin, Map.of());
    assertThat(built.status()).as(built.toString()).isEqualTo(201);
    assertThat(built.body().path("batch").path("items").size()).isPositive();
    await().atMost(Duration.ofSeconds(30)).until(() -> onlineRigs() == RIGS);
    // the controller stamps arrivals by its own clock: the rigs' last-seen moved with the jump,
    // and they stay online through the sweeps (stamped by the wall clock, every sweep found them
    // three minutes silent and took them offline until the next heartbeat)
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(() -> {
          for (String rigId : rigs) {
            assertThat(
                    Instant.parse(
                        api.get("/api/v1/rigs/" + rigId, admin).body().path("lastSeen").asText()))
                .isAfter(Instant.now().plus(Duration.ofMinutes(2)));
          }
        });
    await()
        .during(Duration.ofSeconds(5))
        .atMost(Duration.ofSeconds(10))
        .until(() -> onlineRigs() == RIGS);
    browser = new Browser("http://127.0.0.1:" + APP.getLocalPort(), profile);
  }

  static int onlineRigs() {
    return api.get("/api/v1/rigs?q=sim:walk&status=online", admin).body().path("total").asInt();
  }

  static int rigsWithShares() {
    int n = 0;
    for (JsonNode r : api.get("/api/v1/shares/summary", admin).body().path("rigs")) {
      if (rigs.contains(r.path("rigId").asText()) && r.path("accepted").asLong() > 0) {
        n++;
      }
    }
    return n;
  }

  @AfterAll
  static void tearDown() {
    if (agents != null) {
      agents.close();
    }
    if (browser != null) {
      browser.close();
    }
  }

  /**
   * Opens a page by its route, waits for {@code ready} (the element that holds its data) and for
   * every loading note to go, then checks it shows no error and the browser logged none.
   */
  void visit(String route, String ready, String screenshot) {
    browser.go(route);
    browser.waitFor(ready);
    browser.waitForGone("#main .note-loading");
    assertThat(browser.all("#main .note-error"))
        .as("error notes on %s", route)
        .extracting(e -> e.getText())
        .isEmpty();
    assertThat(browser.consoleErrors()).as("browser console on %s", route).isEmpty();
    if (screenshot != null) {
      browser.screenshot(screenshot);
    }
  }

  /**
   * Signs in and drains the browser's log: the console's session probe before signing in is
   * answered 401 (no session yet), which the browser logs as a failed request; nothing else may be.
   */
  static void signIn(String username, String password) {
    // each sign-in hashes the password (PBKDF2, deliberately slow): skip it when already signed in
    var who = browser.all("#who");
    if (!who.isEmpty() && who.get(0).getText().startsWith(username + " (")) {
      return;
    }
    browser.signIn(username, password);
    assertThat(browser.consoleErrors())
        .allSatisfy(e -> assertThat(e).contains("/api/v1/auth/session").contains("401"));
  }

  /** The texts of the empty-state notes on the page (each must be a page without such data). */
  List<String> emptyNotes() {
    // read in the page in one go: live pages re-render, and a found element can go stale
    @SuppressWarnings("unchecked")
    List<String> texts =
        (List<String>)
            browser.script(
                "return Array.from(document.querySelectorAll('#main .note-empty'),"
                    + " e => e.innerText.trim());");
    return List.copyOf(texts);
  }

  @Test
  @Order(1)
  void everyPageShowsItsDataAndNoJavaScriptError() {
    signIn("admin", Api.ADMIN_PASSWORD);

    visit("#/overview", "#heatmap [data-rig]", null);
    assertThat(browser.text("#summary-cards")).contains(Integer.toString(RIGS));
    // every panel shows data (the hottest-rigs panel lists online and stale rigs only); the
    // overview re-renders live, so a snapshot taken before the rigs' first data is waited out
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(emptyNotes()).isEmpty());

    visit("#/rigs", "#rig-table tbody tr", null);
    browser.waitForText("#rig-total", RIGS + " rigs");
    assertThat(emptyNotes()).isEmpty();

    visit("#/rigs/" + rigs.get(0), "#rig-devices tbody tr", null);
    browser.waitForText("#rig-commands", "blink-led");
    browser.waitForText("#rig-events", "enrolled");
    browser.waitFor("#rig-charts .uplot");

    visit("#/groups", "#group-table", null);
    assertThat(browser.text("#group-table")).contains("hall-a");
    browser.waitForText("#profile-list", "hall-local");
    assertThat(browser.text("#profile-list")).contains("Groups: hall-a");

    visit("#/enrollment", "#enroll-form", null);

    visit("#/firmware", "#firmware-artifacts", null);
    visit("#/power", "#power-summary", null);

    visit("#/shares?range=1h", "#share-account-table", "shares-accounts");
    browser.waitForCount("#share-rig-table tbody tr", RIGS);
    assertThat(browser.all("#share-account-table tbody tr")).hasSize(accounts.size());
    assertThat(browser.text("#share-account-table")).contains("alice").contains("carol");
    assertThat(browser.all("#share-period-table tbody tr")).isNotEmpty();
    assertThat(emptyNotes()).allSatisfy(n -> assertThat(n).contains("No rejected shares"));

    visit("#/accounts", "#account-table", null);
    browser.waitForText("#ledger-check", "Ledger balanced");
    browser.screenshot("accounts");
    assertThat(browser.all("#account-table tbody tr")).hasSize(accounts.size());
    assertThat(emptyNotes()).isEmpty();

    visit("#/payouts", "#payout-table", null);
    assertThat(browser.text("#payout-table")).containsIgnoringCase("pending");
    assertThat(emptyNotes()).isEmpty();

    visit("#/users", "#user-list table", null);
    assertThat(browser.text("#user-list")).contains("vera").contains("otto").contains("carol");

    visit("#/audit", "#audit-table tbody tr", null);
    assertThat(browser.text("#audit-table")).contains("/api/v1/accounts");

    visit("#/jobs", "#job-table tr[data-job='telemetry-rollup']", null);
    assertThat(browser.text("#job-table")).contains("accounting").contains("payout");
    browser.click("tr[data-job='telemetry-rollup'] .job-run");
    browser.waitForText("#confirm-title", "Run telemetry-rollup now?");
    browser.click("#confirm-ok");
    browser.waitForText("#toast", "telemetry-rollup triggered.");
    browser.waitFor("#job-table");
    browser.screenshot("jobs");
    assertThat(browser.consoleErrors()).isEmpty();
  }

  @Test
  @Order(2)
  void anAdminCreatesAndEditsAnAccountAndPaysABatchWithConfirmations() {
    signIn("admin", Api.ADMIN_PASSWORD);
    visit("#/accounts", "#account-table", null);
    browser.click("#account-new");
    browser.waitFor("#account-name").sendKeys("dave");
    new org.openqa.selenium.support.ui.Select(browser.waitFor("#account-scheme"))
        .selectByValue("pps");
    var threshold = browser.waitFor("#account-threshold");
    threshold.clear();
    threshold.sendKeys("20000");
    browser.waitFor("#account-wallet").sendKeys(DemoAccounts.regtestAddress("dave"));
    browser.script("document.getElementById('toast').classList.remove('shown')");
    browser.screenshot("account-form");
    browser.click("#account-save");
    browser.waitForText("#confirm-title", "Create client account dave?");
    browser.click("#confirm-ok");
    browser.waitForText("#account-table", "dave");
    long dave =
        api.get("/api/v1/accounts", admin).body().path("items").findValues("name").stream()
                .anyMatch(n -> n.asText().equals("dave"))
            ? accountId("dave")
            : -1;
    assertThat(dave).isPositive();

    // a bad address: the API says why, and nothing changes
    browser.click("tr[data-account='" + dave + "'] .account-edit");
    var wallet = browser.waitFor("#account-wallet");
    wallet.clear();
    wallet.sendKeys("not-an-address-at-all");
    browser.click("#account-save");
    browser.click("#confirm-ok");
    browser.waitFor("#account-form .note-error");
    // the refused request is the only thing the browser logged
    assertThat(browser.consoleErrors())
        .singleElement()
        .satisfies(e -> assertThat(e).contains("/api/v1/accounts/" + dave).contains("400"));
    assertThat(account(dave).path("walletAddress").asText())
        .isEqualTo(DemoAccounts.regtestAddress("dave"));
    var threshold2 = browser.waitFor("#account-threshold");
    threshold2.clear();
    threshold2.sendKeys("50000");
    wallet.clear();
    wallet.sendKeys(DemoAccounts.regtestAddress("dave"));
    browser.click("#account-save");
    browser.waitForText("#confirm-title", "Save the settings of account dave?");
    browser.click("#confirm-ok");
    browser.waitForGone("#account-form");
    assertThat(account(dave).path("payoutThresholdSats").asLong()).isEqualTo(50_000);
    assertThat(browser.consoleErrors()).isEmpty();

    // the pending batch: cancelling the confirmation changes nothing; confirming records it paid
    visit("#/payouts", "#payout-table .payout-mark-paid", null);
    long batch = api.get("/api/v1/payouts", admin).body().path("items").get(0).path("id").asLong();
    browser.click("tr[data-batch='" + batch + "'] .payout-sendmany");
    browser.waitForText("#sendmany", "sendmany");
    browser.click("tr[data-batch='" + batch + "'] .payout-mark-paid");
    String txid = "ab".repeat(32);
    browser.waitFor("#paid-txid").sendKeys(txid);
    browser.click("#paid-save");
    browser.waitForText("#confirm-title", "Mark batch " + batch + " paid?");
    browser.click("#confirm-cancel");
    assertThat(api.get("/api/v1/payouts/" + batch, admin).body().path("status").asText())
        .isEqualToIgnoringCase("pending");
    browser.click("#paid-save");
    browser.click("#confirm-ok");
    browser.waitForText("tr[data-batch='" + batch + "'] .txid", txid.substring(0, 10));
    assertThat(api.get("/api/v1/payouts/" + batch, admin).body().path("status").asText())
        .isEqualToIgnoringCase("paid");
    browser.screenshot("payouts");
    // building again: nothing new is due in this period, the existing batch is said
    browser.click("#payout-build");
    browser.waitForText("#confirm-title", "Build the due payout batch now?");
    browser.click("#confirm-ok");
    browser.waitForText("#toast", "Batch");
    assertThat(browser.consoleErrors()).isEmpty();
    assertThat(api.get("/api/v1/ledger/check", admin).body().path("balanced").asBoolean()).isTrue();
  }

  static long accountId(String name) {
    for (JsonNode a : api.get("/api/v1/accounts", admin).body().path("items")) {
      if (a.path("name").asText().equals(name)) {
        return a.path("id").asLong();
      }
    }
    throw new AssertionError("no account " + name);
  }

  static JsonNode account(long id) {
    return api.get("/api/v1/accounts/" + id, admin).body().path("account");
  }

  @Test
  @Order(3)
  void sharesPerAccountAndPeriodAndAClientSeesOnlyItsOwn() {
    JsonNode all = api.get("/api/v1/shares/summary?bucket=hour", admin).body();
    assertThat(all.path("bucket").asText()).isEqualTo("hour");
    assertThat(all.path("periods").size()).isPositive();
    long periodAccepted = 0;
    for (JsonNode p : all.path("periods")) {
      periodAccepted += p.path("accepted").asLong();
    }
    assertThat(periodAccepted).isEqualTo(all.path("total").path("accepted").asLong());
    long accountAccepted = 0;
    for (JsonNode a : all.path("accounts")) {
      accountAccepted += a.path("accepted").asLong();
      assertThat(a.path("rigs").asInt()).isEqualTo(1);
    }
    // every seeded rig works for an account, and no other rig has mined in this app
    assertThat(accountAccepted).isEqualTo(all.path("total").path("accepted").asLong());
    assertThat(
            api.get(
                    "/api/v1/shares/summary?from=2026-01-01T00:00:00Z&to=2026-01-20T00:00:00Z",
                    admin)
                .body()
                .path("bucket")
                .asText())
        .isEqualTo("day");
    assertThat(api.get("/api/v1/shares/summary?bucket=week", admin).status()).isEqualTo(400);
    assertThat(api.get("/api/v1/shares/summary?account=x", admin).status()).isEqualTo(400);

    long alice = accounts.get("alice");
    JsonNode onlyAlice = api.get("/api/v1/shares/summary?account=" + alice, admin).body();
    assertThat(onlyAlice.path("accounts")).hasSize(1);
    assertThat(onlyAlice.path("accounts").get(0).path("accountId").asLong()).isEqualTo(alice);
    assertThat(onlyAlice.path("rigs"))
        .allSatisfy(r -> assertThat(r.path("accountId").asLong()).isEqualTo(alice));

    // carol (a client) gets her account only, even when she asks for alice's
    String carol = api.login("carol", "password-of-carol");
    JsonNode own = api.get("/api/v1/shares/summary?account=" + alice, carol).body();
    assertThat(own.path("accounts")).hasSize(1);
    assertThat(own.path("accounts").get(0).path("accountId").asLong())
        .isEqualTo(accounts.get("carol"));
    List<String> ownRigs = new ArrayList<>();
    own.path("rigs").forEach(r -> ownRigs.add(r.path("rigId").asText()));
    assertThat(ownRigs).containsExactly(rigs.get(2));

    signIn("carol", "password-of-carol");
    visit("#/shares?range=1h", "#share-account-table", null);
    assertThat(browser.all("#share-account-table tbody tr")).hasSize(1);
    assertThat(browser.text("#share-account-table")).contains("carol").doesNotContain("alice");
    assertThat(browser.all("#share-rig-table tbody tr")).hasSize(1);
    visit("#/accounts", "#account-table", null);
    assertThat(browser.all(".account-edit, #account-new")).isEmpty();
    visit("#/payouts", "#payout-table", null);
    assertThat(browser.all(".payout-mark-paid, #payout-build, .payout-sendmany"))
        .extracting(e -> e.getAttribute("outerHTML"))
        .isEmpty();

    // a viewer reads everything and gets no action
    signIn("vera", "password-of-vera");
    vera = api.login("vera", "password-of-vera");
    visit("#/accounts", "#account-table", null);
    assertThat(browser.all(".account-edit, #account-new")).isEmpty();
    visit("#/payouts", "#payout-table", null);
    assertThat(browser.all(".payout-mark-paid, #payout-build, .payout-sendmany"))
        .extracting(e -> e.getAttribute("outerHTML"))
        .isEmpty();
    visit("#/groups", "#group-table", null);
    assertThat(browser.all(".group-delete, .group-edit")).isEmpty();
  }

  @Test
  @Order(4)
  void editingARigsGroupMovesItsWorkAndDeletingAGroupUngroupsItsRigs() {
    String rig = rigs.get(1);
    var hallFeed = app().work().profiles().runningFeeds().get("hall-local");
    assertThat(hallFeed).isNotNull();
    assertThat(app().work().assignments().find(rig).orElseThrow().feed()).isNotSameAs(hallFeed);

    // the rig page's group picker uses the rig update, which moves the work at once
    signIn("otto", "password-of-otto");
    visit("#/rigs/" + rig, "#rig-group-select option[value='" + hallGroup + "']", null);
    new org.openqa.selenium.support.ui.Select(browser.waitFor("#rig-group-select"))
        .selectByValue(Long.toString(hallGroup));
    browser.click("#rig-group-save");
    browser.waitForText("#toast", "Group saved");
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> app().work().assignments().find(rig).orElseThrow().feed() == hallFeed);

    // deleting the group: its rigs stay, in no group, on the default profile's work
    visit("#/groups", "tr[data-group='" + hallGroup + "'] .group-delete", null);
    browser.click("tr[data-group='" + hallGroup + "'] .group-delete");
    browser.waitForText("#confirm-title", "Delete group hall-a?");
    assertThat(browser.text("#confirm-dialog")).contains("2 rigs stay, in no group");
    browser.screenshot("group-delete");
    browser.click("#confirm-ok");
    browser.waitForGone("tr[data-group='" + hallGroup + "']");
    assertThat(browser.consoleErrors()).isEmpty();
    var defaultFeed = app().work().profiles().feed(app().work().profiles().defaultProfile());
    for (String r : List.of(rigs.get(0), rig)) {
      assertThat(api.get("/api/v1/rigs/" + r, admin).body().path("groupId").isNull()).isTrue();
      assertThat(app().work().assignments().find(r).orElseThrow().feed()).isSameAs(defaultFeed);
    }
    // the profile no group uses now can be deleted (the deleted group no longer holds it)
    assertThat(api.send("DELETE", "/api/v1/work-profiles/hall-local", admin, null).status())
        .isEqualTo(204);
    assertThat(api.send("DELETE", "/api/v1/groups/" + hallGroup, admin, null).status())
        .isEqualTo(404);
    assertThat(api.send("DELETE", "/api/v1/groups/" + hallGroup, vera, null).status())
        .isEqualTo(403);
    // the audit log says what happened
    assertThat(
            api.get("/api/v1/audit?action=DELETE%20%2Fapi%2Fv1%2Fgroups%2F%7Bid%7D", admin)
                .body()
                .toString())
        .contains("2 rigs ungrouped");
    assertThat(browser.driver.findElements(By.cssSelector("#main .note-error"))).isEmpty();
  }
}
