package io.otedama.controller.firmware;

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
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.glassfish.jersey.client.ClientProperties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Campaigns end to end: the real application (embedded HiveMQ and PostgreSQL, the commands path)
 * and simulated rigs running the agent's real update code (download over HTTP from the controller,
 * verification against the rigs' own trusted key, simulated install). One fleet per scenario, each
 * in its own group, so the scenarios target disjoint rigs.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class FirmwareCampaignTest {
  public static class RealApp extends OtedamaApplication {}

  static final KeyPair RELEASE_KEY = keyPair();
  static final String PUBLIC_KEY =
      Base64.getEncoder().encodeToString(RELEASE_KEY.getPublic().getEncoded());
  static final Path STORAGE = tempDir("otedama-firmware-");
  static final int MQTT_PORT = FreePort.find();
  static final DropwizardAppExtension<OtedamaConfiguration> APP =
      new DropwizardAppExtension<>(
          RealApp.class,
          ResourceHelpers.resourceFilePath("test-config.yml"),
          ConfigOverride.config("database.url", SharedPostgres::newDatabaseUrl),
          ConfigOverride.config("database.user", "postgres"),
          ConfigOverride.config("mqtt.embeddedPort", Integer.toString(MQTT_PORT)),
          ConfigOverride.config("mqtt.embeddedBindAddress", "127.0.0.1"),
          ConfigOverride.config(
              "mqtt.embeddedDataDir", () -> tempDir("otedama-fw-hivemq-").toString()),
          ConfigOverride.config("fleet.advertisedMqttUrl", "tcp://127.0.0.1:" + MQTT_PORT),
          ConfigOverride.config("fleet.telemetryInterval", "1s"),
          ConfigOverride.config("commands.sweepInterval", "100ms"),
          ConfigOverride.config("firmware.publicKeys", PUBLIC_KEY),
          ConfigOverride.config("firmware.storageDir", STORAGE.toString()),
          ConfigOverride.config("firmware.tickInterval", "100ms"));

  static Api api;
  static String admin;
  static final List<FleetSimulator> fleets = new ArrayList<>();
  static FleetSimulator waves;
  static FleetSimulator tamper;

  static KeyPair keyPair() {
    try {
      return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static Path tempDir(String prefix) {
    try {
      return Files.createTempDirectory(prefix);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @BeforeAll
  static void startRigs() throws Exception {
    APP.client().property(ClientProperties.READ_TIMEOUT, 60_000);
    api = new Api(APP);
    admin = api.loginAdmin();
    OtedamaApplication app = APP.getApplication();
    await().atMost(Duration.ofSeconds(30)).until(() -> app.mqttEdge().client().isConnected());
    waves = fleet("fw-waves", 5);
    tamper = fleet("fw-tamper", 3);
    for (FleetSimulator f : fleets) {
      assertThat(f.awaitConnected(f.options().rigs(), Duration.ofSeconds(30))).isTrue();
    }
    // every rig's birth (its agent version) is in before campaigns pick their targets
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() ->
            fleets.stream()
                .flatMap(f -> f.rigs().stream())
                .allMatch(r ->
                    !api.get("/api/v1/rigs/" + r.rigId(), admin)
                        .body()
                        .path("status")
                        .asText()
                        .equals("offline")));
  }

  private static FleetSimulator fleet(String name, int rigs) {
    long group = api.post("/api/v1/groups", admin, Map.of("name", name)).body().path("id").asLong();
    String token =
        api.post(
                "/api/v1/enrollment-tokens",
                admin,
                Map.of("uses", rigs, "ttlHours", 1, "groupId", group))
            .text("token");
    FleetSimulator fleet =
        FleetSimulator.start(
            TestFleets.quick(APP.getLocalPort(), token, rigs, name)
                .withHashesPerSecond(100)
                .withReconnect(Duration.ofMillis(100), Duration.ofMillis(500))
                .withReleaseKeys(List.of(PUBLIC_KEY)));
    fleets.add(fleet);
    return fleet;
  }

  @AfterAll
  static void stopRigs() {
    fleets.forEach(FleetSimulator::close);
  }

  static long groupOf(String name) {
    for (JsonNode g : api.get("/api/v1/groups", admin).body().path("items")) {
      if (g.path("name").asText().equals(name)) {
        return g.path("id").asLong();
      }
    }
    throw new AssertionError("no group " + name);
  }

  /** Uploads {@code content} signed with the release key; returns the artifact JSON. */
  static JsonNode upload(String version, byte[] content, String signature) throws Exception {
    HttpResponse<String> r =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create(
                            "http://127.0.0.1:"
                                + APP.getLocalPort()
                                + "/api/v1/firmware/artifacts?name=otedama-agent&version="
                                + version))
                    .header("Authorization", "Bearer " + admin)
                    .header("Content-Type", "application/octet-stream")
                    .header("X-Otedama-Signature", signature)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(content))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    JsonNode body = new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.body());
    return ((com.fasterxml.jackson.databind.node.ObjectNode) body)
        .put("httpStatus", r.statusCode());
  }

  static String sign(byte[] content) {
    return ReleaseSignatures.sign(
        RELEASE_KEY.getPrivate(), ReleaseSignatures.sha256().digest(content));
  }

  static byte[] content(int n, long seed) {
    byte[] b = new byte[n];
    new Random(seed).nextBytes(b);
    return b;
  }

  static FleetSimulator.SimulatedRig rig(FleetSimulator fleet, String rigId) {
    return fleet.rigs().stream().filter(r -> r.rigId().equals(rigId)).findFirst().orElseThrow();
  }

  static JsonNode campaign(long id) {
    return api.get("/api/v1/firmware/campaigns/" + id, admin).body();
  }

  /**
   * Waits for the campaign to reach {@code state}; when it does not, the failure shows the
   * campaign, its rigs and each rig's commands (what a flaky run needs to be understood).
   */
  static void awaitCampaignState(long id, String state) {
    try {
      await()
          .atMost(Duration.ofSeconds(60))
          .until(() -> campaign(id).path("state").asText().equals(state));
    } catch (org.awaitility.core.ConditionTimeoutException e) {
      StringBuilder why = new StringBuilder("campaign " + id + " never became " + state + ": ");
      why.append(campaign(id)).append("\nrigs: ");
      api.get("/api/v1/firmware/campaigns/" + id + "/rigs", admin)
          .body()
          .path("items")
          .forEach(r -> {
            String rigId = r.path("rigId").asText();
            why.append("\n  ").append(r).append("\n    commands: ");
            why.append(api.get("/api/v1/rigs/" + rigId + "/commands", admin).body());
          });
      why.append("\nagents:");
      fleets.stream()
          .flatMap(f -> f.rigs().stream())
          .forEach(r ->
              why.append("\n  ")
                  .append(r.rigId())
                  .append(" connected=")
                  .append(r.connected())
                  .append(" published=")
                  .append(r.agent().outbox().published())
                  .append(" spool=")
                  .append(r.agent().outbox().spool().stats())
                  .append(" maxInFlight=")
                  .append(r.agent().link().maxInFlight())
                  .append(" lastError=")
                  .append(r.agent().link().lastError()));
      // the controller runs in this JVM: where its threads are tells what it is waiting for
      why.append("\nthreads:");
      Thread.getAllStackTraces()
          .forEach((t, stack) -> {
            if (java.util.Arrays.stream(stack)
                .anyMatch(f -> f.getClassName().startsWith("io.otedama"))) {
              why.append("\n  ").append(t.getName()).append(' ').append(t.getState());
              for (int i = 0; i < Math.min(stack.length, 25); i++) {
                why.append("\n    at ").append(stack[i]);
              }
            }
          });
      throw new AssertionError(why.toString(), e);
    }
  }

  static List<JsonNode> rigsOf(long id, int wave) {
    List<JsonNode> out = new ArrayList<>();
    api.get("/api/v1/firmware/campaigns/" + id + "/rigs?wave=" + wave, admin)
        .body()
        .path("items")
        .forEach(out::add);
    return out;
  }

  @Test
  void aWavePastItsErrorThresholdStopsTheCampaignAndRetryFinishesIt() throws Exception {
    byte[] release = content(150_000, 1);
    JsonNode artifact = upload("2.0.0", release, sign(release));
    assertThat(artifact.path("httpStatus").asInt()).as(artifact.toString()).isEqualTo(201);

    Api.Reply created =
        api.post(
            "/api/v1/firmware/campaigns",
            admin,
            Map.of(
                "artifactId", artifact.path("id").asLong(),
                "groupId", groupOf("fw-waves"),
                "errorThreshold", 40,
                "waves", List.of(Map.of("size", 1), Map.of("size", 2), Map.of("percent", 100))));
    assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
    long id = created.body().path("id").asLong();
    assertThat(created.text("state")).isEqualTo("ready");
    assertThat(rigsOf(id, 1)).hasSize(1);
    assertThat(rigsOf(id, 2)).hasSize(2);
    assertThat(rigsOf(id, 3)).hasSize(2);

    // both rigs of the second wave fail to flash: 100 % failed, above the 40 % threshold
    List<String> second = rigsOf(id, 2).stream().map(r -> r.path("rigId").asText()).toList();
    second.forEach(r -> rig(waves, r).installer().failWith("flash write error"));
    assertThat(api.post("/api/v1/firmware/campaigns/" + id + "/start", admin, null).status())
        .isEqualTo(200);

    awaitCampaignState(id, "stopped");
    // it stops at the first failure past the threshold (1 of 2 is already 50 %); the other rig's
    // update, already under way, still reports its outcome
    assertThat(campaign(id).path("stateReason").asText())
        .matches("wave 2: [12] of 2 rigs failed, above the error threshold of 40%");
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> rigsOf(id, 2).stream().allMatch(r -> r.path("state").asText().equals("failed")));
    JsonNode stopped = campaign(id);
    JsonNode w = stopped.path("waves");
    assertThat(w.get(0).path("state").asText()).isEqualTo("succeeded");
    assertThat(w.get(0).path("progress").path("installed").asInt()).isEqualTo(1);
    assertThat(w.get(1).path("state").asText()).isEqualTo("failed");
    assertThat(w.get(1).path("progress").path("failed").asInt()).isEqualTo(2);
    assertThat(w.get(2).path("state").asText()).isEqualTo("pending");
    for (JsonNode r : rigsOf(id, 2)) {
      assertThat(r.path("state").asText()).isEqualTo("failed");
      assertThat(r.path("reason").asText()).contains("flash write error");
    }
    for (JsonNode r : rigsOf(id, 3)) {
      // untouched: never sent a command, never installed anything
      assertThat(r.path("state").asText()).isEqualTo("pending");
      assertThat(r.path("commandId").isNull()).isTrue();
      assertThat(r.path("attempts").asInt()).isZero();
      assertThat(rig(waves, r.path("rigId").asText()).installer().installs()).isZero();
      assertThat(
              api.get("/api/v1/rigs/" + r.path("rigId").asText() + "/commands", admin)
                  .body()
                  .toString())
          .doesNotContain("update-firmware");
    }
    String canary = rigsOf(id, 1).get(0).path("rigId").asText();
    assertThat(rigsOf(id, 1).get(0).path("state").asText()).isEqualTo("installed");
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> api.get("/api/v1/rigs/" + canary, admin).body().toString().contains("2.0.0"));

    // the flash problem fixed: retry takes only the failed rigs, and the campaign goes on
    second.forEach(r -> rig(waves, r).installer().failWith(null));
    Api.Reply retried = api.post("/api/v1/firmware/campaigns/" + id + "/retry", admin, null);
    assertThat(retried.status()).as(retried.body().toString()).isEqualTo(200);
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> !campaign(id).path("state").asText().equals("running"));
    assertThat(campaign(id).path("state").asText())
        .as(campaign(id).toString())
        .isEqualTo("finished");
    assertThat(campaign(id).path("progress").path("installed").asInt()).isEqualTo(5);
    assertThat(rig(waves, canary).installer().installs()).as("the canary is not redone").isOne();
    assertThat(rigsOf(id, 2)).allSatisfy(r -> assertThat(r.path("attempts").asInt()).isEqualTo(2));

    // other scenarios of this class add to the same meters: at least this campaign's share
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(() -> {
          String metrics = api.adminGetText("/prometheus");
          assertThat(metrics)
              .containsPattern("otedama_firmware_campaigns\\{state=\"finished\"\\} [1-9]");
          assertThat(metrics)
              .containsPattern("otedama_firmware_rig_updates_total\\{result=\"failed\"\\} [2-9]");
          assertThat(metrics)
              .containsPattern(
                  "otedama_firmware_rig_updates_total\\{result=\"installed\"\\} ([5-9]|\\d\\d)");
          assertThat(metrics)
              .containsPattern("otedama_firmware_downloads_total\\{kind=\"full\"\\} [1-9]");
        });
  }

  @Test
  void aTamperedArtifactIsRefusedByEveryAgent() throws Exception {
    byte[] release = content(80_000, 2);
    JsonNode artifact = upload("2.1.0-tamper", release, sign(release));
    assertThat(artifact.path("httpStatus").asInt()).as(artifact.toString()).isEqualTo(201);
    // someone changes the stored bytes after the upload (same size)
    Path stored = STORAGE.resolve(artifact.path("sha256").asText() + ".bin");
    byte[] tampered = Files.readAllBytes(stored);
    tampered[40_000] ^= 0x5a;
    Files.write(stored, tampered);

    Api.Reply created =
        api.post(
            "/api/v1/firmware/campaigns",
            admin,
            Map.of(
                "artifactId", artifact.path("id").asLong(),
                "groupId", groupOf("fw-tamper"),
                "errorThreshold", 100,
                "waves", List.of(Map.of("percent", 100))));
    assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
    long id = created.body().path("id").asLong();
    Map<String, Integer> installsBefore = new java.util.HashMap<>();
    tamper.rigs().forEach(r -> installsBefore.put(r.rigId(), r.installer().installs()));
    Api.Reply started = api.post("/api/v1/firmware/campaigns/" + id + "/start", admin, null);
    assertThat(started.status()).as(started.body().toString()).isEqualTo(200);
    awaitCampaignState(id, "paused");
    List<JsonNode> rigs = rigsOf(id, 1);
    assertThat(rigs).hasSize(3);
    for (JsonNode r : rigs) {
      assertThat(r.path("state").asText()).isEqualTo("failed");
      assertThat(r.path("reason").asText()).startsWith("sha256-mismatch");
      String rigId = r.path("rigId").asText();
      assertThat(rig(tamper, rigId).installer().installs()).isEqualTo(installsBefore.get(rigId));
    }
    assertThat(campaign(id).path("stateReason").asText())
        .contains("0 of 3 rigs installed, below the success threshold of 100%");
  }

  @Test
  void rigsWaitForTheirGroupsMaintenanceWindow() throws Exception {
    byte[] release = content(20_000, 6);
    JsonNode artifact = upload("5.0.0-window", release, sign(release));
    long group = groupOf("fw-tamper");
    // a one-hour window that opens twelve hours from now: closed for the whole test
    java.time.LocalTime opens = java.time.LocalTime.now(java.time.ZoneOffset.UTC).plusHours(12);
    Api.Reply window =
        api.put(
            "/api/v1/firmware/maintenance-windows/" + group,
            admin,
            Map.of(
                "days", List.of(1, 2, 3, 4, 5, 6, 7),
                "start", opens.withSecond(0).withNano(0).toString(),
                "end", opens.plusHours(1).withSecond(0).withNano(0).toString(),
                "timeZone", "UTC"));
    assertThat(window.status()).as(window.body().toString()).isEqualTo(200);
    long id =
        api.post(
                "/api/v1/firmware/campaigns",
                admin,
                Map.of(
                    "artifactId", artifact.path("id").asLong(),
                    "groupId", group,
                    "waves", List.of(Map.of("percent", 100))))
            .body()
            .path("id")
            .asLong();
    api.post("/api/v1/firmware/campaigns/" + id + "/start", admin, null);
    await()
        .during(Duration.ofSeconds(1))
        .atMost(Duration.ofSeconds(10))
        .until(
            () -> rigsOf(id, 1).stream().allMatch(r -> r.path("state").asText().equals("pending")));
    assertThat(campaign(id).path("state").asText()).isEqualTo("running");

    assertThat(
            api.send("DELETE", "/api/v1/firmware/maintenance-windows/" + group, admin, null)
                .status())
        .isEqualTo(204);
    awaitCampaignState(id, "finished");
    assertThat(rigsOf(id, 1))
        .allSatisfy(r -> assertThat(r.path("state").asText()).isEqualTo("installed"));
  }

  @Test
  void uploadsAreRefusedWithoutAValidSignature() throws Exception {
    byte[] release = content(10_000, 3);
    byte[] other = content(10_000, 4);
    JsonNode wrong = upload("3.0.0", release, sign(other));
    assertThat(wrong.path("httpStatus").asInt()).isEqualTo(422);
    assertThat(wrong.path("message").asText()).contains("does not verify");
    JsonNode garbage = upload("3.0.1", release, "not-base64!");
    assertThat(garbage.path("httpStatus").asInt()).isEqualTo(400);
    assertThat(api.get("/api/v1/firmware/artifacts", admin).body().toString())
        .doesNotContain("3.0.0");
  }

  @Test
  void downloadsServeRangesForResuming() throws Exception {
    byte[] release = content(70_000, 5);
    JsonNode artifact = upload("4.0.0", release, sign(release));
    long id = artifact.path("id").asLong();
    HttpClient http = HttpClient.newHttpClient();
    String base = "http://127.0.0.1:" + APP.getLocalPort() + "/api/v1/firmware/artifacts/" + id;
    HttpResponse<byte[]> partial =
        http.send(
            HttpRequest.newBuilder(URI.create(base + "/content"))
                .header("Authorization", "Bearer " + admin)
                .header("Range", "bytes=60000-")
                .build(),
            HttpResponse.BodyHandlers.ofByteArray());
    assertThat(partial.statusCode()).isEqualTo(206);
    assertThat(partial.headers().firstValue("Content-Range")).hasValue("bytes 60000-69999/70000");
    assertThat(partial.body()).isEqualTo(Arrays.copyOfRange(release, 60_000, 70_000));
    HttpResponse<byte[]> past =
        http.send(
            HttpRequest.newBuilder(URI.create(base + "/content"))
                .header("Authorization", "Bearer " + admin)
                .header("Range", "bytes=70000-")
                .build(),
            HttpResponse.BodyHandlers.ofByteArray());
    assertThat(past.statusCode()).isEqualTo(416);
    HttpResponse<String> unknownToken =
        http.send(
            HttpRequest.newBuilder(
                    URI.create(
                        "http://127.0.0.1:"
                            + APP.getLocalPort()
                            + "/api/v1/firmware/downloads/no-such-token"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(unknownToken.statusCode()).isEqualTo(404);
  }
}
