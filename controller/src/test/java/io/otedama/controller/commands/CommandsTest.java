package io.otedama.controller.commands;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import io.otedama.controller.OtedamaConfiguration;
import io.otedama.controller.support.Api;
import io.otedama.controller.support.Api.Reply;
import io.otedama.controller.support.RecordingCommandPublisher;
import io.otedama.controller.support.TestApp;
import io.otedama.controller.support.TestApps;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The command lifecycle through the two seams: commands go out through a recording {@link
 * CommandPublisher}, results come back through the {@link CommandResultSink}; timeouts and re-sends
 * run on the sweep.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class CommandsTest {
  static final DropwizardAppExtension<OtedamaConfiguration> APP =
      TestApps.app(
          ConfigOverride.config("commands.timeout", "60s"),
          ConfigOverride.config("commands.retryInterval", "5s"),
          ConfigOverride.config("commands.sweepInterval", "20ms"));
  static Api api;
  static String operator;
  static String viewer;
  static String rigId;
  static String otherRigId;

  @BeforeAll
  static void setUp() {
    api = new Api(APP);
    String admin = api.loginAdmin();
    operator = api.userWithRole(admin, "ops", "operator");
    viewer = api.userWithRole(admin, "vic", "viewer");
    rigId = api.enroll(admin, "cmd-rig-1").text("rigId");
    otherRigId = api.enroll(admin, "cmd-rig-2").text("rigId");
  }

  @BeforeEach
  void transportUp() {
    publisher().refuse(false);
  }

  static TestApp app() {
    return TestApps.testApp(APP);
  }

  static RecordingCommandPublisher publisher() {
    return app().publisher;
  }

  static CommandResultSink results() {
    return app().core().commandResults();
  }

  static Reply issue(String type, Object args) {
    Map<String, Object> body =
        args == null ? Map.of("type", type) : Map.of("type", type, "args", args);
    return api.post("/api/v1/rigs/" + rigId + "/commands", operator, body);
  }

  static JsonNode command(String id) {
    return api.get("/api/v1/commands/" + id, viewer).body();
  }

  @Test
  void aCommandIsStoredSentAckedAndSucceeds() {
    Reply r = issue("set-power-mode", Map.of("mode", "eco"));
    assertThat(r.status()).isEqualTo(202);
    String id = r.text("id");
    assertThat(r.text("status")).isEqualTo("sent");
    var sent = publisher().publishedFor(id);
    assertThat(sent).hasSize(1);
    assertThat(sent.get(0).rigId()).isEqualTo(rigId);
    assertThat(sent.get(0).type()).isEqualTo("set-power-mode");
    assertThat(sent.get(0).args()).isEqualTo(Map.of("mode", "eco"));
    assertThat(Duration.between(sent.get(0).issuedAt(), sent.get(0).expiresAt()))
        .isEqualTo(Duration.ofSeconds(60));

    results().onResult(rigId, id, "acked", null, null, app().clock.instant());
    assertThat(command(id).path("status").asText()).isEqualTo("acked");
    results()
        .onResult(rigId, id, "succeeded", "now in eco", "{\"powerW\":2100}", app().clock.instant());
    JsonNode done = command(id);
    assertThat(done.path("status").asText()).isEqualTo("succeeded");
    assertThat(done.path("resultMessage").asText()).isEqualTo("now in eco");
    assertThat(done.path("resultDetails").path("powerW").asInt()).isEqualTo(2100);
    assertThat(done.path("args").path("mode").asText()).isEqualTo("eco");
    assertThat(done.path("issuedBy").asText()).isEqualTo("ops");
    assertThat(done.path("finishedAt").asText()).isNotEmpty();

    // idempotent: repeats and late results change nothing
    results().onResult(rigId, id, "failed", "late", null, app().clock.instant());
    results().onResult(rigId, id, "acked", null, null, app().clock.instant());
    assertThat(command(id).path("status").asText()).isEqualTo("succeeded");
    assertThat(command(id).path("resultMessage").asText()).isEqualTo("now in eco");

    assertThat(api.adminGetText("/prometheus"))
        .contains("otedama_commands_total{status=\"succeeded\",type=\"set-power-mode\"} 1.0")
        .contains("otedama_commands_total{status=\"acked\",type=\"set-power-mode\"} 1.0")
        .contains("otedama_commands_total{status=\"sent\",type=\"set-power-mode\"} 1.0");
  }

  @Test
  void resultsForUnknownIdsOrAnotherRigAreIgnored() {
    String id = issue("blink-led", Map.of("seconds", 10)).text("id");
    results().onResult(otherRigId, id, "succeeded", "not mine", null, app().clock.instant());
    results().onResult(rigId, "no-such-command", "succeeded", null, null, app().clock.instant());
    results().onResult(rigId, id, "exploded", null, null, app().clock.instant());
    results()
        .onResult(rigId, id, "failed", "LED driver missing", "not json", app().clock.instant());
    JsonNode c = command(id);
    assertThat(c.path("status").asText()).isEqualTo("failed");
    assertThat(c.path("resultMessage").asText()).isEqualTo("LED driver missing");
    assertThat(c.path("resultDetails").asText()).isEqualTo("not json");
  }

  @Test
  void unansweredCommandsTimeOut() {
    String id = issue("reboot", Map.of("delaySeconds", 5)).text("id");
    Reply quick =
        api.post(
            "/api/v1/rigs/" + rigId + "/commands",
            operator,
            Map.of("type", "restart-miner", "timeoutSeconds", 2));
    String quickId = quick.text("id");
    results().onResult(rigId, quickId, "acked", null, null, app().clock.instant());

    app().clock.advance(Duration.ofSeconds(3));
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () -> assertThat(command(quickId).path("status").asText()).isEqualTo("timed_out"));
    assertThat(command(id).path("status").asText()).isEqualTo("sent");

    app().clock.advance(Duration.ofSeconds(60));
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () -> assertThat(command(id).path("status").asText()).isEqualTo("timed_out"));
    results().onResult(rigId, id, "succeeded", "too late", null, app().clock.instant());
    assertThat(command(id).path("status").asText()).isEqualTo("timed_out");
    assertThat(api.adminGetText("/prometheus"))
        .contains("otedama_commands_total{status=\"timed_out\",type=\"restart-miner\"} 1.0");
  }

  @Test
  void aCommandTheTransportRefusesStaysQueuedAndIsResent() {
    publisher().refuse(true);
    Reply r = issue("stop", null);
    assertThat(r.status()).isEqualTo(202);
    String id = r.text("id");
    assertThat(r.text("status")).isEqualTo("queued");
    assertThat(command(id).path("lastError").asText()).contains("broker unreachable");

    publisher().refuse(false);
    app().clock.advance(Duration.ofSeconds(6)); // past the retry interval
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(() -> assertThat(command(id).path("status").asText()).isEqualTo("sent"));
    assertThat(publisher().publishedFor(id)).hasSize(1);
    assertThat(command(id).path("attempts").asInt()).isEqualTo(2);
  }

  @Test
  void theRigsCommandsAreListedNewestFirst() {
    String first = issue("start", null).text("id");
    app().clock.advance(Duration.ofMillis(10));
    String second = issue("stop", null).text("id");
    JsonNode items = api.get("/api/v1/rigs/" + rigId + "/commands", viewer).body().path("items");
    assertThat(items.get(0).path("id").asText()).isEqualTo(second);
    assertThat(items.get(1).path("id").asText()).isEqualTo(first);
    assertThat(api.get("/api/v1/rigs/rig-nope/commands", viewer).status()).isEqualTo(404);
    assertThat(api.get("/api/v1/commands/nope", viewer).status()).isEqualTo(404);
  }

  @Test
  void badCommandsAreRefusedWithAClearMessage() {
    Reply unknown = issue("self-destruct", null);
    assertThat(unknown.status()).isEqualTo(400);
    assertThat(unknown.text("message"))
        .isEqualTo(
            "Unknown command type 'self-destruct'; supported: reboot, restart-miner, stop, start,"
                + " set-power-mode, blink-led, set-pool, update-firmware.");
    assertThat(issue("set-power-mode", Map.of("mode", "turbo")).text("message"))
        .contains("sleep, low (or eco), normal or high");
    assertThat(issue("set-power-mode", null).text("message")).contains("'mode' is required");
    assertThat(issue("reboot", Map.of("force", true)).text("message"))
        .isEqualTo("Unknown argument 'force' for reboot; allowed: delaySeconds.");
    assertThat(issue("stop", Map.of("now", 1)).text("message"))
        .isEqualTo("Unknown argument 'now' for stop, which takes no arguments.");
    assertThat(
            issue("set-pool", Map.of("pools", List.of(Map.of("url", "http://pool", "user", "me"))))
                .text("message"))
        .contains("stratum+tcp://host:port");
    assertThat(issue("set-pool", Map.of("pools", List.of())).text("message"))
        .contains("1 to 8 pools");
    assertThat(issue("set-pool", Map.of()).text("message"))
        .isEqualTo("set-pool takes either a profile or a pools list.");
    Reply pools =
        issue(
            "set-pool",
            Map.of(
                "pools",
                List.of(
                    Map.of("url", "stratum+tcp://pool.example:3333", "user", "farm.rig1"),
                    Map.of(
                        "url",
                        "stratum+ssl://backup.example:443",
                        "user",
                        "farm.rig1",
                        "password",
                        "x")),
                "priority",
                1));
    assertThat(pools.status()).isEqualTo(202);
    assertThat(publisher().publishedFor(pools.text("id")).get(0).args().get("pools"))
        .asList()
        .hasSize(2);
    assertThat(issue("set-pool", Map.of("profile", "main-pool")).status()).isEqualTo(202);
    assertThat(issue("blink-led", Map.of("seconds", 0)).status()).isEqualTo(400);
    assertThat(issue("reboot", "now").text("message")).isEqualTo("args must be a JSON object.");
    assertThat(
            api.post("/api/v1/rigs/rig-nope/commands", operator, Map.of("type", "reboot")).status())
        .isEqualTo(404);
    Reply noType = api.post("/api/v1/rigs/" + rigId + "/commands", operator, Map.of());
    assertThat(noType.status()).isEqualTo(400);
    assertThat(noType.text("message")).startsWith("The command type is required");
  }
}
