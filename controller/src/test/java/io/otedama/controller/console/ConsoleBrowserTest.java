package io.otedama.controller.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.ResourceHelpers;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import io.otedama.agent.sim.FleetSimulator;
import io.otedama.controller.ControllerCore;
import io.otedama.controller.OtedamaApplication;
import io.otedama.controller.OtedamaConfiguration;
import io.otedama.controller.auth.SessionCookies;
import io.otedama.controller.commands.CommandPublisher;
import io.otedama.controller.fleet.RigBirth;
import io.otedama.controller.support.Api;
import io.otedama.controller.support.RecordingCommandPublisher;
import io.otedama.controller.support.SharedPostgres;
import io.otedama.controller.support.TestFleets;
import io.otedama.controller.testing.FreePort;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.Response;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * The console in a real headless Chromium against the real controller and PostgreSQL: sign-in, live
 * overview, the rigs table with bulk commands and with 10,000 rigs, rig detail, the admin pages,
 * and what viewers and clients may see. Screenshots of the main pages go to docs/screenshots/.
 * Ordered: the 10,000-rig seeding comes last so it does not change the counts the earlier tests
 * read.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleBrowserTest {
  static final int MQTT_PORT = FreePort.belowEphemeralRange();
  static final DropwizardAppExtension<OtedamaConfiguration> APP =
      new DropwizardAppExtension<>(
          ConsoleApp.class,
          ResourceHelpers.resourceFilePath("test-config.yml"),
          ConfigOverride.config("database.url", SharedPostgres::newDatabaseUrl),
          ConfigOverride.config("database.user", "postgres"),
          ConfigOverride.config("mqtt.embeddedPort", Integer.toString(MQTT_PORT)),
          ConfigOverride.config("mqtt.embeddedBindAddress", "127.0.0.1"),
          ConfigOverride.config("mqtt.embeddedDataDir", ConsoleBrowserTest::brokerDir),
          ConfigOverride.config("fleet.advertisedMqttUrl", "tcp://127.0.0.1:" + MQTT_PORT),
          ConfigOverride.config("commands.sweepInterval", "200ms"),
          // the simulated agents find shares within seconds, so the shares page has some to show
          ConfigOverride.config("work.agentStartDifficulty", "0.000001"));
  static FleetSimulator agents;
  @TempDir static Path profile;
  static Browser browser;
  static Api api;
  static String admin;
  static List<String> rigs;

  @BeforeAll
  static void setUp() {
    // a client without the extension's short read timeout: CI machines can be busy
    api = new Api(APP.getTestSupport());
    admin = api.loginAdmin();
    api.userWithRole(admin, "vera", "viewer");
    api.userWithRole(admin, "otto", "operator");
    Api.Reply client =
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
                42));
    assertThat(client.status()).isEqualTo(201);
    long group =
        api.post("/api/v1/groups", admin, Map.of("name", "hall-a", "kind", "site"))
            .body()
            .path("id")
            .asLong();
    rigs =
        List.of("alpha", "bravo", "charlie").stream()
            .map(n -> {
              String id = api.enroll(admin, "hw-" + n).text("rigId");
              api.put(
                  "/api/v1/rigs/" + id, admin, Map.of("name", "console-" + n, "groupId", group));
              return id;
            })
            .toList();
    browser = new Browser("http://127.0.0.1:" + APP.getLocalPort(), profile);
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

  static long groupId(String name) {
    for (var g : api.get("/api/v1/groups", admin).body().path("items")) {
      if (g.path("name").asText().equals(name)) {
        return g.path("id").asLong();
      }
    }
    throw new AssertionError("no group " + name);
  }

  static ConsoleApp app() {
    return (ConsoleApp) APP.getApplication();
  }

  /**
   * The real application with its real rig transport (the embedded broker, the MQTT edge), so
   * commands reach real agents; what goes out is also recorded, so tests of rigs without an agent
   * can see what was sent and answer for them.
   */
  public static class ConsoleApp extends OtedamaApplication {
    final RecordingCommandPublisher publisher = new RecordingCommandPublisher();

    @Override
    protected CommandPublisher connectRigTransport(ControllerCore core) {
      CommandPublisher transport = super.connectRigTransport(core);
      return (rigId, commandId, type, args, issuedAt, expiresAt) -> {
        publisher.publish(rigId, commandId, type, args, issuedAt, expiresAt);
        transport.publish(rigId, commandId, type, args, issuedAt, expiresAt);
      };
    }
  }

  static String brokerDir() {
    try {
      return Files.createTempDirectory("otedama-console-hivemq-").toString();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  @Order(1)
  void aWrongPasswordIsRefusedTheRightOneSignsInAndSignOutEndsTheSession() {
    browser.driver.manage().deleteAllCookies();
    browser.open("#/overview");
    browser.waitFor("#login-form"); // not signed in: the console asks for a login first
    browser.screenshot("login");
    browser.waitFor("#username").sendKeys("admin");
    browser.driver.findElement(By.id("password")).sendKeys("not-the-password");
    browser.click("#login-submit");
    browser.waitForText("#login-error", "Wrong username or password.");
    assertThat(browser.driver.manage().getCookieNamed(SessionCookies.NAME)).isNull();

    browser.driver.findElement(By.id("password")).sendKeys(Api.ADMIN_PASSWORD, Keys.ENTER);
    browser.waitForText("#who", "admin (admin)");
    browser.waitFor("#summary-cards");
    Cookie session = browser.driver.manage().getCookieNamed(SessionCookies.NAME);
    assertThat(session.isHttpOnly()).isTrue();
    assertThat(session.getSameSite()).isEqualTo("Strict");
    assertThat(api.get("/api/v1/auth/me", session.getValue()).status()).isEqualTo(200);

    browser.click("#logout");
    browser.waitFor("#login-form");
    // the session's token is revoked on the server, not just forgotten by the browser
    assertThat(api.get("/api/v1/auth/me", session.getValue()).status()).isEqualTo(401);
    browser.open("#/rigs");
    browser.waitFor("#login-form");
  }

  @Test
  @Order(2)
  void aCookieAloneCannotChangeAnything() {
    String token = api.login("otto", "password-of-otto");
    var target = APP.client().target("http://127.0.0.1:" + APP.getLocalPort());
    Map<String, String> group = Map.of("name", "csrf-probe");
    try (Response noHeader =
        target
            .path("/api/v1/groups")
            .request()
            .cookie(SessionCookies.NAME, token)
            .post(Entity.json(group))) {
      assertThat(noHeader.getStatus()).isEqualTo(403);
      assertThat(noHeader.readEntity(String.class)).contains("X-CSRF-Token");
    }
    try (Response wrongHeader =
        target
            .path("/api/v1/groups")
            .request()
            .cookie(SessionCookies.NAME, token)
            .header(SessionCookies.CSRF_HEADER, "forged")
            .post(Entity.json(group))) {
      assertThat(wrongHeader.getStatus()).isEqualTo(403);
    }
    try (Response ok =
        target
            .path("/api/v1/groups")
            .request()
            .cookie(SessionCookies.NAME, token)
            .header(SessionCookies.CSRF_HEADER, SessionCookies.csrfToken(token))
            .post(Entity.json(group))) {
      assertThat(ok.getStatus()).isEqualTo(201);
    }
    // reads need no CSRF token; bearer clients are unaffected
    try (Response read =
        target.path("/api/v1/rigs").request().cookie(SessionCookies.NAME, token).get()) {
      assertThat(read.getStatus()).isEqualTo(200);
    }
    assertThat(api.post("/api/v1/groups", token, Map.of("name", "bearer-ok")).status())
        .isEqualTo(201);
  }

  @Test
  @Order(3)
  void theOverviewUpdatesLiveWhenARigComesOnline() {
    browser.signIn("admin", Api.ADMIN_PASSWORD);
    browser.go("#/overview");
    browser.waitForText("#live-state", "Live");
    browser.waitForText("#sum-total", "3");
    browser.waitForText("#sum-online", "0");
    browser.waitForCount(".tile", 3);
    browser.script("window.notReloaded = true");

    String rig = rigs.get(0);
    Instant now = Instant.now();
    app()
        .core()
        .presence()
        .birth(
            rig,
            new RigBirth(
                "0.1.0",
                "hw-alpha",
                "[{\"index\":0,\"kind\":\"asic\",\"model\":\"BM1397\",\"hashrateHs\":1.1E14}]",
                List.of("reboot", "blink-led"),
                1,
                now));
    app().core().presence().telemetrySeen(rig, now);
    // what the telemetry batch writer keeps on the rig row
    app()
        .core()
        .jdbi()
        .useHandle(h ->
            h.createUpdate(
                    "UPDATE rigs SET hashrate_hs = 1.1e14, temperature_c = 91.5, power_w = 3250,"
                        + " accepted_shares = 1200, rejected_shares = 3 WHERE id = :id")
                .bind("id", rig)
                .execute());

    browser.waitForText("#sum-online", "1");
    browser.waitForText("#sum-hashrate", "110 TH/s");
    browser.waitForText("#sum-efficiency", "29.5 J/TH");
    browser.waitForText("#hottest", "console-alpha");
    browser.waitForText("#alerts", "console-alpha runs at 91.5 °C");
    browser.waitFor(".tile.status-online");
    assertThat(browser.script("return window.notReloaded === true")).isEqualTo(true);
    browser.screenshot("overview");

    // a tablet in portrait: the cards reflow and nothing needs horizontal scrolling
    browser.driver.manage().window().setSize(new Dimension(820, 1180));
    try {
      browser.waitFor("#heatmap .tile");
      assertThat(
              (Boolean)
                  browser.script(
                      "return document.documentElement.scrollWidth"
                          + " <= document.documentElement.clientWidth"))
          .isTrue();
      browser.screenshot("overview-tablet");
    } finally {
      browser.driver.manage().window().setSize(new Dimension(1366, 900));
    }
  }

  @Test
  @Order(4)
  void aBulkCommandFromTheTableShowsProgressUntilEveryRigAnswered() {
    browser.signIn("otto", "password-of-otto");
    browser.go("#/rigs?q=console-");
    browser.waitForText("#rig-total", "3 rigs");
    browser.click("#select-all");
    browser.waitForText("#selected-count", "3 selected");
    new org.openqa.selenium.support.ui.Select(browser.waitFor("#bulk-type"))
        .selectByValue("blink-led");
    browser.click("#bulk-send");
    browser.waitForText("#confirm-title", "Blink LED on 3 rigs?");
    browser.click("#confirm-ok");
    browser.waitForText("#bulk-counts", "3 of 3 sent");

    await()
        .atMost(Duration.ofSeconds(10))
        .until(() ->
            app().publisher.published().stream().filter(p -> p.type().equals("blink-led")).count()
                == 3);
    var sent =
        app().publisher.published().stream().filter(p -> p.type().equals("blink-led")).toList();
    assertThat(sent).extracting(p -> p.rigId()).containsExactlyInAnyOrderElementsOf(rigs);
    assertThat(sent).allSatisfy(p -> assertThat(p.args()).isEqualTo(Map.of("seconds", 30)));

    Instant at = Instant.now();
    for (var p : sent) {
      app().core().commandResults().onResult(p.rigId(), p.commandId(), "acked", null, null, at);
    }
    browser.waitForText("#bulk-counts", "3 of 3 acknowledged");
    String failing = rigs.get(2);
    for (var p : sent) {
      boolean fails = p.rigId().equals(failing);
      app()
          .core()
          .commandResults()
          .onResult(
              p.rigId(),
              p.commandId(),
              fails ? "failed" : "succeeded",
              fails ? "LED driver missing" : "blinking",
              null,
              at);
    }
    browser.waitForText("#bulk-counts", "2 of 3 succeeded, 1 of 3 failed");
    browser.waitForText("#bulk-failures", "console-charlie: failed (LED driver missing)");
    browser.waitForText("#bulk-progress h2", "finished");
    browser.screenshot("rigs-bulk-command");
    // the page shows the server's batch: the API agrees
    String batchId = browser.text("#bulk-progress .muted").replace("Batch ", "").strip();
    var batch = api.get("/api/v1/commands/batches/" + batchId, admin).body();
    assertThat(batch.path("total").asInt()).isEqualTo(3);
    assertThat(batch.path("succeeded").asInt()).isEqualTo(2);
    assertThat(batch.path("failed").asInt()).isEqualTo(1);
    assertThat(batch.path("done").asBoolean()).isTrue();
    assertThat(batch.path("failures").get(0).path("rigName").asText()).isEqualTo("console-charlie");
  }

  @Test
  @Order(5)
  void theBatchApiRefusesWhatItCannotDo() {
    String vera = api.login("vera", "password-of-vera");
    Map<String, Object> blink = Map.of("type", "blink-led", "rigIds", List.of(rigs.get(0)));
    assertThat(api.post("/api/v1/commands/batch", vera, blink).status()).isEqualTo(403);
    var neither = api.post("/api/v1/commands/batch", admin, Map.of("type", "blink-led"));
    assertThat(neither.status()).isEqualTo(400);
    assertThat(neither.text("message")).contains("either rigIds");
    var badType =
        api.post(
            "/api/v1/commands/batch",
            admin,
            Map.of("type", "self-destruct", "rigIds", List.of(rigs.get(0))));
    assertThat(badType.status()).isEqualTo(400);
    assertThat(badType.text("message")).contains("Unknown command type 'self-destruct'");
    var none =
        api.post(
            "/api/v1/commands/batch",
            admin,
            Map.of("type", "start", "filter", Map.of("q", "no-such-rig-anywhere")));
    assertThat(none.status()).isEqualTo(400);
    // an unknown rig among known ones is listed as refused; the others still go out
    var mixed =
        api.post(
            "/api/v1/commands/batch",
            admin,
            Map.of("type", "start", "rigIds", List.of(rigs.get(0), "rig-gone")));
    assertThat(mixed.status()).isEqualTo(202);
    String id = mixed.text("id");
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() ->
            api.get("/api/v1/commands/batches/" + id, vera).body().path("queuedAt").isTextual());
    var progress = api.get("/api/v1/commands/batches/" + id, vera).body();
    assertThat(progress.path("issued").asInt()).isEqualTo(1);
    assertThat(progress.path("refused").asInt()).isEqualTo(1);
    assertThat(progress.path("failures").get(0).path("rigId").asText()).isEqualTo("rig-gone");
    assertThat(progress.path("failures").get(0).path("status").asText()).isEqualTo("refused");
    assertThat(api.get("/api/v1/commands/batches/nope", vera).status()).isEqualTo(404);
  }

  @Test
  @Order(6)
  void theRigPageShowsDevicesChartsEventsAndCommands() {
    String rig = rigs.get(0);
    Instant now = Instant.now(); // the browser asks for the last hour of real time
    app()
        .core()
        .jdbi()
        .useHandle(h -> {
          for (int i = 0; i < 30; i++) {
            h.createUpdate(
                    "INSERT INTO telemetry (rig_id, ts, received_at, hashrate_hs, temperature_c,"
                        + " fan_rpm, power_w, accepted, rejected) VALUES (:rig, :ts, :ts, :hr, :t,"
                        + " 4200, :p, :a, :r)")
                .bind("rig", rig)
                .bind("ts", now.minusSeconds(60L * (30 - i)))
                .bind("hr", 1.0e14 + i * 1e12)
                .bind("t", 70f + (i % 7))
                .bind("p", 3200f + i)
                .bind("a", 1000L + 10L * i)
                .bind("r", (long) i / 10)
                .execute();
          }
        });
    browser.signIn("admin", Api.ADMIN_PASSWORD);
    browser.go("#/rigs/" + rig);
    browser.waitForText("#rig-name", "console-alpha");
    browser.waitForCount("#rig-charts .chart canvas", 4);
    browser.waitForText("#rig-devices", "BM1397");
    browser.waitForText("#rig-events", "birth");
    browser.waitForText("#rig-commands", "blink-led");
    browser.waitForText("#rig-commands", "blinking");
    browser.waitFor("#rig-actions");
    browser.screenshot("rig-detail");
    // one rig's command goes the same way as a bulk one: a batch of one, with its progress
    browser.click("#rig-send");
    browser.waitForText("#confirm-title", "Blink LED on console-alpha?");
    browser.click("#confirm-ok");
    browser.waitForText("#bulk-counts", "1 of 1 sent");

    // the range picker is a route: back returns to the previous range
    browser.driver.findElement(By.linkText("6 hours")).click();
    browser.waitFor("a[aria-current='true'][href$='range=6h']");
    browser.driver.navigate().back();
    browser.waitFor("a[aria-current='true'][href$='range=1h']");
  }

  @Test
  @Order(7)
  void groupsEnrollmentUsersAndTheAuditLogWork() {
    browser.signIn("admin", Api.ADMIN_PASSWORD);
    browser.go("#/groups");
    browser.waitFor("#group-name").sendKeys("rack-7");
    browser.driver.findElement(By.id("group-kind")).sendKeys("rack");
    browser.click("#group-create");
    browser.waitForText("#group-list", "rack-7");
    browser.waitForText("#group-list", "hall-a");
    browser.click("button.group-edit[aria-label='Edit rack-7']");
    browser.waitForText("#group-form-title", "Edit group rack-7");
    browser.waitFor("#group-description").sendKeys("row 7, left side");
    browser.click("#group-create");
    browser.waitForText("#group-list", "row 7, left side");
    assertThat(api.put("/api/v1/groups/999999", admin, Map.of("name", "x")).status())
        .isEqualTo(404);
    var taken = api.put("/api/v1/groups/" + groupId("csrf-probe"), admin, Map.of("name", "hall-a"));
    assertThat(taken.status()).isEqualTo(409);
    assertThat(taken.text("message")).isEqualTo("A group named 'hall-a' already exists.");

    // a work profile of two pools; the password goes in and never comes back
    browser.click("#profile-new");
    browser.waitFor("#profile-name").sendKeys("main-pools");
    browser
        .driver
        .findElement(By.cssSelector(".pool-row .pool-url"))
        .sendKeys("stratum+tcp://pool-a.example:3333");
    browser.driver.findElement(By.cssSelector(".pool-row .pool-user")).sendKeys("farm.1");
    browser.driver.findElement(By.cssSelector(".pool-row .pool-password")).sendKeys("secret-a");
    browser.click("#pool-add");
    browser.waitForCount(".pool-row", 2);
    browser.all(".pool-row .pool-url").get(1).sendKeys("stratum+tcp://pool-b.example:4444");
    browser.all(".pool-row .pool-user").get(1).sendKeys("farm.2");
    browser.click("#profile-save");
    browser.waitForText("[data-profile='main-pools']", "pool-b.example:4444");
    browser.waitForText("[data-profile='main-pools']", "password s•••");
    assertThat(browser.text("main")).doesNotContain("secret-a");
    assertThat(api.get("/api/v1/work-profiles/main-pools", admin).body().toString())
        .doesNotContain("secret-a");

    // edit: the backup becomes the primary; the password not typed again is kept
    browser.click("[data-profile='main-pools'] .profile-edit");
    browser.waitForCount(".pool-row", 2);
    browser.click("#pool-rows tr:nth-child(2) button[aria-label='Move up']");
    browser.click("#profile-save");
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() ->
            app()
                .work()
                .profiles()
                .find("main-pools")
                .orElseThrow()
                .pools()
                .get(0)
                .url()
                .equals("stratum+tcp://pool-b.example:4444"));
    var saved = app().work().profiles().find("main-pools").orElseThrow();
    assertThat(saved.pools().get(1).password()).isEqualTo("secret-a");
    assertThat(saved.pools().get(0).password()).isEmpty();

    // point hall-a at it, then put the console rigs in rack-7
    long hallA = groupId("hall-a");
    new org.openqa.selenium.support.ui.Select(
            browser.waitFor("select.group-profile[data-group='" + hallA + "']"))
        .selectByValue("main-pools");
    browser.waitForText("#confirm-title", "Point hall-a at main-pools?");
    browser.click("#confirm-ok");
    long hallAId = hallA;
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> "main-pools".equals(app().work().profiles().profileOf(hallAId)));
    browser.waitForText("[data-profile='main-pools']", "Groups: hall-a");

    browser.waitFor("#assign-search").sendKeys("console-");
    browser.click("#assign-find");
    browser.waitForCount("input.assign-rig", 3);
    new org.openqa.selenium.support.ui.Select(browser.driver.findElement(By.id("assign-group")))
        .selectByVisibleText("rack-7");
    browser.click("#assign-submit");
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> api.get("/api/v1/rigs?group=rack-7", admin).body().path("total").asInt() == 3);
    browser.screenshot("groups");
    browser.driver.manage().window().setSize(new Dimension(820, 1180));
    try {
      browser.waitFor("#group-table");
      assertThat(
              (Boolean)
                  browser.script(
                      "return document.documentElement.scrollWidth"
                          + " <= document.documentElement.clientWidth"))
          .isTrue();
    } finally {
      browser.driver.manage().window().setSize(new Dimension(1366, 900));
    }

    // the bulk menu sends a pool profile by name
    browser.go("#/rigs?q=console-");
    browser.waitForText("#rig-total", "3 rigs");
    browser.click("#select-all");
    new org.openqa.selenium.support.ui.Select(browser.waitFor("#bulk-type"))
        .selectByValue("set-pool");
    browser.waitFor("#bulk-profile option[value='main-pools']");
    new org.openqa.selenium.support.ui.Select(browser.waitFor("#bulk-profile"))
        .selectByValue("main-pools");
    browser.click("#bulk-send");
    browser.waitForText("#confirm-title", "Pool profile on 3 rigs?");
    browser.click("#confirm-ok");
    browser.waitForText("#bulk-counts", "3 of 3 sent");
    assertThat(
            app().publisher.published().stream()
                .filter(p -> p.type().equals("set-pool"))
                .map(p -> p.args()))
        .hasSize(3)
        .allSatisfy(a -> assertThat(a).isEqualTo(Map.of("profile", "main-pools")));

    browser.go("#/enrollment");
    browser.click("#enroll-create");
    WebElement command = browser.waitFor("#install-command");
    assertThat(command.getAttribute("value"))
        .startsWith(
            "otedama-agent enroll --controller http://127.0.0.1:"
                + APP.getLocalPort()
                + " --token ");
    String token = command.getAttribute("value").split(" --token ")[1].split(" ")[0];
    // the token the page shows is a real one: an agent can enroll with it
    assertThat(
            api.post("/api/v1/enroll", null, Map.of("token", token, "hardwareId", "hw-from-ui"))
                .status())
        .isEqualTo(200);
    browser.screenshot("enrollment");

    browser.go("#/users");
    browser.waitFor("#new-username").sendKeys("nina");
    browser.driver.findElement(By.id("new-password")).sendKeys("a-long-password-1");
    new org.openqa.selenium.support.ui.Select(browser.driver.findElement(By.id("new-role")))
        .selectByValue("operator");
    browser.click("#user-create");
    browser.waitForText("#user-list", "nina");

    // a named API token for vera, acting as viewer: shown once, works, and is revoked at once
    browser.waitFor("#token-user option[value='vera']");
    new org.openqa.selenium.support.ui.Select(browser.driver.findElement(By.id("token-user")))
        .selectByValue("vera");
    browser.driver.findElement(By.id("token-name")).sendKeys("grafana");
    browser.click("#token-create");
    String apiToken = browser.waitFor("#token-value").getAttribute("value");
    browser.waitForText("#token-table", "grafana");
    assertThat(api.get("/api/v1/rigs", apiToken).status()).isEqualTo(200);
    assertThat(api.post("/api/v1/groups", apiToken, Map.of("name", "nope")).status())
        .isEqualTo(403);
    assertThat(api.get("/api/v1/api-tokens", admin).body().toString()).doesNotContain(apiToken);
    // a token never acts above its user's role now: nina, demoted, keeps only viewer rights
    String ninaToken =
        api.post(
                "/api/v1/api-tokens",
                admin,
                Map.of("username", "nina", "name", "nina-script", "role", "operator"))
            .text("token");
    assertThat(api.post("/api/v1/groups", ninaToken, Map.of("name", "by-nina")).status())
        .isEqualTo(201);
    app()
        .core()
        .jdbi()
        .useHandle(h -> h.execute("UPDATE users SET role = 'viewer' WHERE username = 'nina'"));
    assertThat(api.get("/api/v1/rigs", ninaToken).status()).isEqualTo(200);
    assertThat(api.post("/api/v1/groups", ninaToken, Map.of("name", "by-nina-2")).status())
        .isEqualTo(403);
    browser.screenshot("users");
    new org.openqa.selenium.support.ui.Select(browser.driver.findElement(By.id("token-user")))
        .selectByValue("otto");
    browser.driver.findElement(By.id("token-name")).sendKeys("too-much");
    new org.openqa.selenium.support.ui.Select(browser.driver.findElement(By.id("token-role")))
        .selectByValue("admin");
    browser.click("#token-create");
    browser.waitForText("#token-form", "may act as operator or viewer, not as 'admin'");
    browser.click("#token-table tr[data-token] .token-revoke[aria-label='Revoke grafana']");
    browser.click("#confirm-ok");
    browser.waitForText("#token-list", "nina-script");
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> !browser.text("#token-list").contains("grafana"));
    assertThat(api.get("/api/v1/rigs", apiToken).status()).isEqualTo(401);

    browser.go("#/audit");
    browser.waitFor("#audit-action").sendKeys("POST /api/v1/users");
    browser.click("#audit-filter");
    browser.waitForText("#audit-table", "/api/v1/users");
    assertThat(browser.all("#audit-table tbody tr"))
        .allSatisfy(row -> assertThat(row.getText()).contains("POST /api/v1/users"));
    browser.screenshot("audit");
    // by user and action: the operator's batch commands
    browser.go("#/audit?actor=otto&action=POST%20%2Fapi%2Fv1%2Fcommands%2Fbatch");
    browser.waitForText("#audit-table", "batch");
    assertThat(browser.all("#audit-table tbody tr"))
        .isNotEmpty()
        .allSatisfy(row -> assertThat(row.getText()).contains("otto").contains("blink-led to 3"));

    browser.go("#/shares?range=7d");
    browser.waitFor("#shares-accepted");
    browser.waitFor("a[aria-current='true'][href$='range=7d']");
    browser.go("#/accounts");
    browser.waitForText("#ledger-check", "Ledger balanced");
    browser.waitFor("#farm-balances");
    browser.waitForText("#accounts", "No client accounts yet.");
    browser.go("#/payouts");
    // the payouts endpoints exist now: this farm has no batches yet
    browser.waitForText("#payouts", "No payout batches yet");
    // (the payouts screenshot, with a paid batch, comes from ConsoleWalkTest)
  }

  @Test
  @Order(8)
  void aBulkCommandReachesRealAgentsAndTheirAnswersShowAsTheyArrive() {
    await().atMost(Duration.ofSeconds(30)).until(() -> app().mqttEdge().client().isConnected());
    String token =
        api.post("/api/v1/enrollment-tokens", admin, Map.of("uses", 2, "ttlHours", 1))
            .text("token");
    agents =
        FleetSimulator.start(
            TestFleets.quick(APP.getLocalPort(), token, 2, "agents").withHashesPerSecond(20_000));
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() ->
            api.get("/api/v1/rigs?q=sim:agents&status=online", admin).body().path("total").asInt()
                == 2);

    browser.signIn("otto", "password-of-otto");
    browser.go("#/rigs?q=sim:agents");
    browser.waitForText("#rig-total", "2 rigs");
    browser.click("#select-all");
    new org.openqa.selenium.support.ui.Select(browser.waitFor("#bulk-type"))
        .selectByValue("restart-miner");
    browser.click("#bulk-send");
    browser.waitForText("#confirm-title", "Restart miner on 2 rigs?");
    browser.click("#confirm-ok");
    // the agents answer over MQTT; nothing here answers for them
    browser.waitForText("#bulk-counts", "2 of 2 acknowledged, 2 of 2 succeeded, 0 of 2 failed");
    browser.waitForText("#bulk-progress h2", "finished");

    // the agents mine: their shares show per rig on the shares page
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> api.get("/api/v1/shares/summary", admin).body().path("rigs").size() == 2);
    browser.go("#/shares?range=1h");
    browser.waitForCount("#share-rig-table tbody tr", 2);
    assertThat(browser.text("#share-rig-table")).contains(agents.rigs().get(0).rigId());
    browser.screenshot("shares");

    // a group on another profile: putting the agents' rigs in it moves their work at once
    var local = api.put("/api/v1/work-profiles/second-local", admin, Map.of("kind", "local"));
    assertThat(local.status()).isEqualTo(201);
    long group =
        api.post("/api/v1/groups", admin, Map.of("name", "agents-hall")).body().path("id").asLong();
    assertThat(
            api.put(
                    "/api/v1/groups/" + group + "/work-profile",
                    admin,
                    Map.of("profile", "second-local"))
                .status())
        .isEqualTo(200);
    List<String> agentRigs = agents.rigs().stream().map(r -> r.rigId()).toList();
    var moved =
        api.post("/api/v1/groups/" + group + "/rigs", admin, Map.of("rigIds", agentRigs)).body();
    assertThat(moved.path("moved").asInt()).isEqualTo(2);
    assertThat(moved.path("workMoved").asInt()).isEqualTo(2);
    var secondFeed = app().work().profiles().runningFeeds().get("second-local");
    assertThat(secondFeed).isNotNull();
    for (String rig : agentRigs) {
      assertThat(app().work().assignments().find(rig).orElseThrow().feed()).isSameAs(secondFeed);
    }
    // a profile in use, or the default one, is not deleted
    assertThat(api.send("DELETE", "/api/v1/work-profiles/second-local", admin, null).status())
        .isEqualTo(409);
    String defaultProfile =
        api.get("/api/v1/work-profiles", admin).body().path("defaultProfile").asText();
    assertThat(api.send("DELETE", "/api/v1/work-profiles/" + defaultProfile, admin, null).status())
        .isEqualTo(409);
    assertThat(
            api.put(
                    "/api/v1/work-profiles/broken",
                    admin,
                    Map.of("pools", List.of(Map.of("url", "http://x:1", "user", "u"))))
                .text("message"))
        .contains("stratum+tcp://");
    assertThat(
            api.put(
                    "/api/v1/work-profiles/viewer-try",
                    api.login("vera", "password-of-vera"),
                    Map.of("kind", "local"))
                .status())
        .isEqualTo(403);
    agents.close();
    agents = null;
  }

  @Test
  @Order(9)
  void aViewerSeesNoActionButtons() {
    browser.signIn("vera", "password-of-vera");
    browser.go("#/rigs");
    browser.waitForText("#rig-total", "rigs");
    browser.waitFor("table.rigs tbody tr");
    assertThat(browser.all("#bulk-bar")).isEmpty();
    assertThat(browser.all("input.row-select")).isEmpty();
    assertThat(browser.text("#nav")).doesNotContain("Enrollment").doesNotContain("Users");
    browser.go("#/rigs/" + rigs.get(0));
    browser.waitForText("#rig-commands", "blink-led");
    assertThat(browser.all("#rig-actions")).isEmpty();
    browser.go("#/groups");
    browser.waitForText("#group-list", "hall-a");
    assertThat(browser.all("#group-form")).isEmpty();
    assertThat(browser.all("main button")).isEmpty();
  }

  @Test
  @Order(10)
  void aClientSeesOnlyTheirRigs() {
    String mine = rigs.get(1);
    assertThat(api.put("/api/v1/accounts/42/rigs/" + mine, admin, Map.of()).status())
        .isEqualTo(204);
    browser.signIn("carol", "password-of-carol");
    browser.waitForText("#rig-total", "1 rig");
    assertThat(browser.all("table.rigs tbody tr")).hasSize(1);
    assertThat(browser.text("table.rigs tbody")).contains("console-bravo");
    assertThat(browser.all("#bulk-bar")).isEmpty();
    assertThat(browser.text("#nav")).doesNotContain("Overview").doesNotContain("Groups");
    browser.go("#/rigs/" + rigs.get(0));
    browser.waitForText("main", "There is no rig " + rigs.get(0) + " you can see.");
    browser.go("#/rigs/" + mine);
    browser.waitForText("#rig-name", "console-bravo");
    // the API enforces it, not just the page
    String carol = api.login("carol", "password-of-carol");
    assertThat(api.get("/api/v1/rigs/" + rigs.get(0), carol).status()).isEqualTo(404);
    assertThat(api.get("/api/v1/rigs", carol).body().path("total").asLong()).isEqualTo(1);
    assertThat(api.get("/api/v1/fleet/summary", carol).status()).isEqualTo(403);
    assertThat(api.get("/api/v1/work-profiles", carol).status()).isEqualTo(403);
    assertThat(api.get("/api/v1/commands/batches", carol).status()).isEqualTo(403);
    assertThat(
            api.post(
                    "/api/v1/commands/batch",
                    carol,
                    Map.of("type", "blink-led", "rigIds", List.of(mine)))
                .status())
        .isEqualTo(403);
    assertThat(api.get("/api/v1/api-tokens", carol).status()).isEqualTo(403);
    // their money pages are in the menu; fleet-wide pages are not
    assertThat(browser.text("#nav")).contains("Payouts").contains("Accounts");
  }

  @Test
  @Order(11)
  void theRigsTablePagesAndFiltersTenThousandRigsFromTheServer() {
    app()
        .core()
        .jdbi()
        .useHandle(h ->
            h.execute(
                "INSERT INTO rigs (id, name, hardware_id, model, status, hashrate_hs,"
                    + " temperature_c, power_w, accepted_shares, rejected_shares, last_seen)"
                    + " SELECT 'rig-' || translate(lpad(i::text, 12, '0'), '0123456789',"
                    + " 'abcdefghij'), 'load-' || lpad(i::text, 5, '0'), 'hw-load-' || i, 'S19',"
                    + " (ARRAY['online','stale','offline'])[1 + i % 3], 1.0e14 + i * 1e9,"
                    + " 60 + (i % 30), 3000 + i % 400, i * 10, i % 7, now()"
                    + " FROM generate_series(1, 10000) AS i"));
    browser.signIn("admin", Api.ADMIN_PASSWORD);
    browser.open("#/rigs");
    browser.waitForText("#rig-total", "10,006 rigs");
    browser.waitForText("#page-info", "Page 1 of 201");
    assertThat(browser.all("table.rigs tbody tr")).hasSize(50);
    double firstPageMs =
        ((Number) browser.script("return window.otedamaTimings.rigsFirstPageMs")).doubleValue();
    double sinceNavigationMs =
        ((Number) browser.script("return window.otedamaTimings.rigsSinceNavigationMs"))
            .doubleValue();
    System.out.printf(
        "Console rigs table, 10,006 rigs: first page %.0f ms after the page started,"
            + " %.0f ms after navigation start%n",
        firstPageMs, sinceNavigationMs);
    // measured by the page itself (performance.now from its start to the first page drawn)
    assertThat(firstPageMs).isLessThan(1000);
    browser.screenshot("rigs");

    browser.click("#page-next");
    browser.waitForText("#page-info", "Page 2 of 201");
    browser.waitForText("table.rigs tbody", "load-00049");

    browser.waitFor("#rig-search").sendKeys("load-0012");
    browser.waitForText("#rig-total", "10 rigs"); // load-00120 to load-00129
    browser.waitForText("#page-info", "Page 1 of 1");

    new org.openqa.selenium.support.ui.Select(browser.waitFor("#rig-status"))
        .selectByValue("offline");
    browser.waitForText("#rig-total", "3 rigs");
    assertThat(browser.all("table.rigs tbody .badge"))
        .allSatisfy(b -> assertThat(b.getText()).isEqualTo("offline"));

    browser.click("button.sort[data-sort='temperatureC']");
    browser.waitFor("th[aria-sort='ascending'] button[data-sort='temperatureC']");

    // back walks through the filters: sort, then status, then the text
    browser.driver.navigate().back();
    browser.waitForText("#rig-total", "3 rigs");
    browser.waitFor("th[aria-sort='ascending'] button[data-sort='name']");
    browser.driver.navigate().back();
    browser.waitForText("#rig-total", "10 rigs");

    // a bulk command to every rig matching a filter, beyond the page on screen
    browser.go("#/rigs?q=load-000&size=25");
    browser.waitForText("#rig-total", "99 rigs");
    browser.waitForCount("table.rigs tbody tr", 25);
    browser.click("#select-all");
    browser.waitForText("#select-matching", "Select all 99 matching");
    browser.click("#select-matching");
    browser.waitForText("#selected-count", "All 99 matching selected");
    new org.openqa.selenium.support.ui.Select(browser.waitFor("#bulk-type"))
        .selectByValue("set-power-mode");
    new org.openqa.selenium.support.ui.Select(browser.waitFor("#bulk-mode")).selectByValue("low");
    browser.click("#bulk-send");
    browser.waitForText("#confirm-title", "Power mode on 99 rigs?");
    browser.waitForText("#confirm-dialog", "every rig matching the current filters");
    browser.click("#confirm-ok");
    browser.waitForText("#bulk-counts", "99 of 99 sent");
    var low =
        app().publisher.published().stream()
            .filter(p -> p.type().equals("set-power-mode") && !rigs.contains(p.rigId()))
            .toList();
    assertThat(low).hasSize(99);
    assertThat(low).allSatisfy(p -> assertThat(p.args()).isEqualTo(Map.of("mode", "low")));
    assertThat(low).allSatisfy(p -> assertThat(p.rigId()).startsWith("rig-"));
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() ->
            api.get("/api/v1/commands/batches?limit=1", admin)
                .body()
                .path("items")
                .get(0)
                .path("queuedAt")
                .isTextual());
    var lastBatch = api.get("/api/v1/commands/batches?limit=1", admin).body().path("items").get(0);
    assertThat(lastBatch.path("total").asInt()).isEqualTo(99);
    System.out.printf(
        "Console batch of %d rigs: every command queued and sent %d ms after the batch was"
            + " created%n",
        lastBatch.path("total").asInt(),
        Duration.between(
                Instant.parse(lastBatch.path("createdAt").asText()),
                Instant.parse(lastBatch.path("queuedAt").asText()))
            .toMillis());
  }
}
