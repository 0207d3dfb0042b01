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
import io.otedama.controller.support.Api;
import io.otedama.controller.support.SharedPostgres;
import io.otedama.controller.support.TestFleets;
import io.otedama.controller.testing.FreePort;
import io.otedama.protocol.release.ReleaseSignatures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

/**
 * A firmware rollout run from the console in headless Chromium, end to end: an operator uploads an
 * artifact signed with the release key (the file through the page's file input), creates a campaign
 * for a group in two waves, starts it and watches the progress to finished, while simulated rigs
 * running the agent's real update code download, verify against the key they trust, install
 * (simulated) and report the new version.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class FirmwareConsoleTest {
  public static class FirmwareApp extends OtedamaApplication {}

  static final KeyPair RELEASE_KEY = keyPair();
  static final String PUBLIC_KEY =
      Base64.getEncoder().encodeToString(RELEASE_KEY.getPublic().getEncoded());
  static final int MQTT_PORT = FreePort.find();
  static final DropwizardAppExtension<OtedamaConfiguration> APP =
      new DropwizardAppExtension<>(
          FirmwareApp.class,
          ResourceHelpers.resourceFilePath("test-config.yml"),
          ConfigOverride.config("database.url", SharedPostgres::newDatabaseUrl),
          ConfigOverride.config("database.user", "postgres"),
          ConfigOverride.config("mqtt.embeddedPort", Integer.toString(MQTT_PORT)),
          ConfigOverride.config("mqtt.embeddedBindAddress", "127.0.0.1"),
          ConfigOverride.config("mqtt.embeddedDataDir", () -> tempDir("otedama-fwc-hivemq-")),
          ConfigOverride.config("fleet.advertisedMqttUrl", "tcp://127.0.0.1:" + MQTT_PORT),
          ConfigOverride.config("fleet.telemetryInterval", "1s"),
          ConfigOverride.config("commands.sweepInterval", "100ms"),
          ConfigOverride.config("firmware.publicKeys", PUBLIC_KEY),
          ConfigOverride.config("firmware.storageDir", () -> tempDir("otedama-fwc-store-")),
          ConfigOverride.config("firmware.tickInterval", "100ms"));

  @TempDir static Path work;
  static Api api;
  static String admin;
  static FleetSimulator fleet;
  static Browser browser;

  static KeyPair keyPair() {
    try {
      return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static String tempDir(String prefix) {
    try {
      return Files.createTempDirectory(prefix).toString();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @BeforeAll
  static void rigsAndBrowser() throws Exception {
    api = new Api(APP.getTestSupport());
    admin = api.loginAdmin();
    api.userWithRole(admin, "fern", "operator");
    OtedamaApplication app = APP.getApplication();
    await().atMost(Duration.ofSeconds(30)).until(() -> app.mqttEdge().client().isConnected());
    // a group to roll out to, and rigs outside it that must not be touched
    long group =
        api.post("/api/v1/groups", admin, Map.of("name", "hall-fw")).body().path("id").asLong();
    String token =
        api.post(
                "/api/v1/enrollment-tokens",
                admin,
                Map.of("uses", 4, "ttlHours", 1, "groupId", group))
            .text("token");
    fleet =
        FleetSimulator.start(
            TestFleets.quick(APP.getLocalPort(), token, 4, "fw-console")
                .withHashesPerSecond(50)
                .withReconnect(Duration.ofMillis(100), Duration.ofMillis(500))
                .withReleaseKeys(List.of(PUBLIC_KEY)));
    assertThat(fleet.awaitConnected(4, Duration.ofSeconds(30))).isTrue();
    // the one rig outside the group: enrolled into the group, then moved out
    String outsider = fleet.rigs().get(3).rigId();
    long other =
        api.post("/api/v1/groups", admin, Map.of("name", "hall-other")).body().path("id").asLong();
    assertThat(api.put("/api/v1/rigs/" + outsider, admin, Map.of("groupId", other)).status())
        .isEqualTo(200);
    // every rig's birth (its agent version) is in before the campaign picks its targets
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() ->
            fleet.rigs().stream()
                .allMatch(r ->
                    !api.get("/api/v1/rigs/" + r.rigId(), admin)
                        .body()
                        .path("agentVersion")
                        .asText()
                        .isEmpty()));
    browser = new Browser("http://127.0.0.1:" + APP.getLocalPort(), work.resolve("profile"));
  }

  @AfterAll
  static void stop() {
    if (browser != null) {
      browser.close();
    }
    if (fleet != null) {
      fleet.close();
    }
  }

  /** Waits for a non-null, non-false answer, retrying over the page's re-renders. */
  static <T> T until(java.util.function.Function<org.openqa.selenium.WebDriver, T> check) {
    return new org.openqa.selenium.support.ui.WebDriverWait(browser.driver, Duration.ofSeconds(30))
        .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
        .ignoring(org.openqa.selenium.NoSuchElementException.class)
        .until(check);
  }

  @Test
  void anOperatorUploadsASignedArtifactAndRollsItOutToAGroupFromTheConsole() throws Exception {
    byte[] release = new byte[120_000];
    new Random(7).nextBytes(release);
    Path file = work.resolve("otedama-agent-3.1.0.jar");
    Files.write(file, release);
    String signature =
        ReleaseSignatures.sign(
            RELEASE_KEY.getPrivate(), ReleaseSignatures.sha256().digest(release));

    browser.signIn("fern", "password-of-fern");
    browser.open("#/firmware");
    browser.waitFor("#fw-upload");
    browser.driver.findElement(By.id("fw-file")).sendKeys(file.toAbsolutePath().toString());
    browser.driver.findElement(By.id("fw-version")).sendKeys("3.1.0");
    browser.driver.findElement(By.id("fw-signature")).sendKeys(signature);
    browser.click("#fw-upload button[type=submit]");
    browser.waitForText("#toast", "otedama-agent 3.1.0 uploaded");
    browser.waitForText("#firmware-artifact-table", "3.1.0");

    // the campaign: the group, a canary of one then the rest
    browser.waitForText("#fw-artifact", "otedama-agent 3.1.0");
    // the page rebuilds the selects' options every few seconds (keeping the choice): retry a pick
    // that meets a rebuilt option
    until(d -> {
      new Select(d.findElement(By.id("fw-artifact"))).selectByVisibleText("otedama-agent 3.1.0");
      new Select(d.findElement(By.id("fw-group"))).selectByVisibleText("hall-fw");
      return true;
    });
    browser.driver.findElement(By.id("fw-waves")).clear();
    browser.driver.findElement(By.id("fw-waves")).sendKeys("1, 100%");
    browser.click("#fw-campaign button[type=submit]");
    browser.waitForText("#toast", "created with 3 rigs");
    browser.waitFor("#firmware-campaigns article[data-state='ready']");
    browser.click("#firmware-campaigns article[data-state='ready'] button[data-action='start']");

    // the page follows it to the end (it polls on its own)
    browser.waitForGone("#firmware-campaigns article[data-state='ready']");
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> !browser.all("#firmware-campaigns article[data-state='finished']").isEmpty());
    String card =
        until(d ->
            d.findElement(By.cssSelector("#firmware-campaigns article[data-state='finished']"))
                .getText());
    assertThat(card).contains("3 of 3 rigs installed, 0 failed").contains("by fern");
    assertThat(card).contains("Wave 1: succeeded").contains("Wave 2: succeeded");
    browser.click("#firmware-campaigns article[data-state='finished'] button.secondary");
    List<String> rows =
        until(d -> {
          List<String> texts =
              d.findElements(By.cssSelector("#firmware-rig-table tbody tr")).stream()
                  .map(org.openqa.selenium.WebElement::getText)
                  .toList();
          return texts.size() == 3 ? texts : null;
        });
    assertThat(rows).allSatisfy(tr -> assertThat(tr).contains("installed"));

    // the rigs really run it now; the one outside the group does not
    List<FleetSimulator.SimulatedRig> rigs = fleet.rigs();
    for (FleetSimulator.SimulatedRig r : rigs.subList(0, 3)) {
      assertThat(r.installer().installs()).isOne();
      await()
          .atMost(Duration.ofSeconds(30))
          .until(() ->
              api.get("/api/v1/rigs/" + r.rigId(), admin)
                  .body()
                  .path("agentVersion")
                  .asText()
                  .equals("3.1.0"));
    }
    assertThat(rigs.get(3).installer().installs()).isZero();
    JsonNode campaigns = api.get("/api/v1/firmware/campaigns", admin).body().path("items");
    assertThat(campaigns).hasSize(1);
    assertThat(campaigns.get(0).path("createdBy").asText()).isEqualTo("fern");
    browser.screenshot("firmware-campaign");
  }
}
