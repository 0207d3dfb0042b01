package io.otedama.controller.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import io.otedama.controller.OtedamaConfiguration;
import io.otedama.controller.auth.SecretTokens;
import io.otedama.controller.support.Api;
import io.otedama.controller.support.Api.Reply;
import io.otedama.controller.support.TestApp;
import io.otedama.controller.support.TestApps;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Enrollment, groups, the rig list (filter, sort, paging in SQL), rig detail, telemetry, summary.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class FleetApiTest {
  static final DropwizardAppExtension<OtedamaConfiguration> APP =
      TestApps.app(
          ConfigOverride.config("fleet.advertisedMqttUrl", "tcp://broker.farm.example:1883"),
          ConfigOverride.config("fleet.metricsRefreshInterval", "100ms"));
  static Api api;
  static String admin;
  static String operator;

  @BeforeAll
  static void setUp() {
    api = new Api(APP);
    admin = api.loginAdmin();
    operator = api.userWithRole(admin, "oscar", "operator");
  }

  static TestApp app() {
    return TestApps.testApp(APP);
  }

  static Jdbi jdbi() {
    return app().core().jdbi();
  }

  static String newToken(Map<String, Object> body) {
    Reply r = api.post("/api/v1/enrollment-tokens", operator, body);
    assertThat(r.status()).as(r.toString()).isEqualTo(201);
    return r.text("token");
  }

  static Reply enroll(String token, String hardwareId, String name) {
    Map<String, Object> body = new HashMap<>();
    body.put("token", token);
    body.put("hardwareId", hardwareId);
    if (name != null) {
      body.put("name", name);
    }
    return api.post("/api/v1/enroll", null, body);
  }

  @Test
  void enrollmentHandsOutARigIdAndMqttCredentials() {
    Reply r = enroll(newToken(Map.of()), "aa:bb:cc:00:00:01", "rack1-slot3");
    assertThat(r.status()).isEqualTo(200);
    String rigId = r.text("rigId");
    assertThat(rigId).matches("rig-[a-z2-7]{12}");
    assertThat(RigIds.isValid(rigId)).isTrue();
    assertThat(r.text("mqttUrl")).isEqualTo("tcp://broker.farm.example:1883");
    assertThat(r.text("mqttUsername")).isEqualTo(rigId);
    String secret = r.text("mqttPassword");
    assertThat(secret).hasSize(43); // 256 bits, base64url

    RigAuthenticator broker = app().core().rigAuthenticator();
    assertThat(broker.authenticate(rigId, secret.getBytes(StandardCharsets.UTF_8))).contains(rigId);
    assertThat(broker.authenticate(rigId, "wrong".getBytes(StandardCharsets.UTF_8))).isEmpty();
    assertThat(broker.authenticate("rig-other", secret.getBytes(StandardCharsets.UTF_8))).isEmpty();

    byte[] stored =
        jdbi()
            .withHandle(h ->
                h.createQuery("SELECT mqtt_secret_sha256 FROM rigs WHERE id = :id")
                    .bind("id", rigId)
                    .mapTo(byte[].class)
                    .one());
    assertThat(stored).isEqualTo(SecretTokens.sha256(secret));

    Reply rig = api.get("/api/v1/rigs/" + rigId, admin);
    assertThat(rig.text("name")).isEqualTo("rack1-slot3");
    assertThat(rig.text("status")).isEqualTo("offline");
    assertThat(rig.text("hardwareId")).isEqualTo("aa:bb:cc:00:00:01");
  }

  @Test
  void reEnrollingTheSameHardwareKeepsTheRigAndRotatesTheSecret() {
    String token = newToken(Map.of("uses", 2));
    Reply first = enroll(token, "serial-XYZ-42", "first-name");
    Reply second = enroll(token, "serial-XYZ-42", "agent-says-other-name");
    assertThat(second.status()).isEqualTo(200);
    assertThat(second.text("rigId")).isEqualTo(first.text("rigId"));
    assertThat(second.text("mqttPassword")).isNotEqualTo(first.text("mqttPassword"));

    String rigId = first.text("rigId");
    RigAuthenticator broker = app().core().rigAuthenticator();
    assertThat(
            broker.authenticate(rigId, first.text("mqttPassword").getBytes(StandardCharsets.UTF_8)))
        .isEmpty();
    assertThat(
            broker.authenticate(
                rigId, second.text("mqttPassword").getBytes(StandardCharsets.UTF_8)))
        .contains(rigId);
    // the operator's name stays; one rig, not two
    assertThat(api.get("/api/v1/rigs/" + rigId, admin).text("name")).isEqualTo("first-name");
    assertThat(api.get("/api/v1/rigs?q=serial-XYZ-42", admin).body().path("total").asLong())
        .isEqualTo(1);
    List<String> kinds =
        api.get("/api/v1/rigs/" + rigId + "/events", admin)
            .body()
            .path("items")
            .findValuesAsText("kind");
    assertThat(kinds).containsExactly("re-enrolled", "enrolled");

    // a re-enroll still needs a valid token: this one is used up
    Reply third = enroll(token, "serial-XYZ-42", null);
    assertThat(third.status()).isEqualTo(403);
    assertThat(third.text("message"))
        .isEqualTo("The enrollment token is unknown, expired or used up.");
  }

  @Test
  void enrollmentTokensAreSingleUseByDefaultExpireAndAreStoredHashed() {
    Reply created = api.post("/api/v1/enrollment-tokens", operator, null);
    assertThat(created.status()).isEqualTo(201);
    String token = created.text("token");
    assertThat(Instant.parse(created.text("expiresAt")))
        .isEqualTo(app().clock.instant().plus(Duration.ofHours(24)));
    assertThat(enroll(token, "single-1", null).status()).isEqualTo(200);
    assertThat(enroll(token, "single-2", null).status()).isEqualTo(403);

    String shortLived = newToken(Map.of("ttlHours", 1, "uses", 5));
    app().clock.advance(Duration.ofMinutes(61));
    assertThat(enroll(shortLived, "late-1", null).status()).isEqualTo(403);
    assertThat(enroll("made-up-token", "x-1", null).status()).isEqualTo(403);

    long plain =
        jdbi()
            .withHandle(h ->
                h.createQuery("SELECT count(*) FROM enrollment_tokens WHERE token_sha256 = :t")
                    .bind("t", token.getBytes(StandardCharsets.UTF_8))
                    .mapTo(Long.class)
                    .one());
    assertThat(plain).isZero();
  }

  @Test
  void enrollmentValidatesItsBody() {
    Reply noHardware = api.post("/api/v1/enroll", null, Map.of("token", "t"));
    assertThat(noHardware.status()).isEqualTo(400);
    assertThat(noHardware.text("message")).contains("hardwareId must not be blank");
    Reply spaces = api.post("/api/v1/enroll", null, Map.of("token", "t", "hardwareId", "a b"));
    assertThat(spaces.status()).isEqualTo(400);
    assertThat(spaces.text("message")).contains("hardwareId must be 1 to 128 visible characters");
  }

  @Test
  void groupsAreCreatedListedAndRigsJoinThemThroughTokensOrEdits() {
    Reply site = api.post("/api/v1/groups", operator, Map.of("name", "site-north", "kind", "site"));
    assertThat(site.status()).isEqualTo(201);
    long siteId = site.body().path("id").asLong();
    assertThat(api.post("/api/v1/groups", operator, Map.of("name", "site-north")).status())
        .isEqualTo(409);

    String token = newToken(Map.of("groupId", siteId));
    String rigId = enroll(token, "grouped-1", null).text("rigId");
    Reply rig = api.get("/api/v1/rigs/" + rigId, admin);
    assertThat(rig.text("group")).isEqualTo("site-north");
    assertThat(rig.body().path("groupId").asLong()).isEqualTo(siteId);

    long rackId =
        api.post("/api/v1/groups", operator, Map.of("name", "rack-7")).body().path("id").asLong();
    Reply moved =
        api.put("/api/v1/rigs/" + rigId, operator, Map.of("groupId", rackId, "name", "r7-1"));
    assertThat(moved.status()).isEqualTo(200);
    assertThat(moved.text("group")).isEqualTo("rack-7");
    assertThat(moved.text("name")).isEqualTo("r7-1");

    Map<String, Object> ungroup = new HashMap<>();
    ungroup.put("groupId", null);
    Reply out = api.put("/api/v1/rigs/" + rigId, operator, ungroup);
    assertThat(out.body().path("group").isNull()).isTrue();
    assertThat(out.text("name")).isEqualTo("r7-1");

    assertThat(api.put("/api/v1/rigs/" + rigId, operator, Map.of("groupId", 999999)).status())
        .isEqualTo(400);
    assertThat(api.put("/api/v1/rigs/" + rigId, operator, Map.of("colour", "red")).text("message"))
        .contains("Unknown field 'colour'");
    assertThat(api.put("/api/v1/rigs/rig-missing", operator, Map.of("name", "x")).status())
        .isEqualTo(404);

    api.put("/api/v1/rigs/" + rigId, operator, Map.of("groupId", rackId));
    JsonNode groups = api.get("/api/v1/groups", admin).body().path("items");
    for (JsonNode g : groups) {
      if (g.path("name").asText().equals("rack-7")) {
        assertThat(g.path("rigCount").asLong()).isEqualTo(1);
      }
    }
  }

  /** Seeds rigs straight into the table, as enrollment plus telemetry ingest would leave them. */
  static List<String> seedRigs(String prefix, int count, Long groupId) {
    List<String> ids = new ArrayList<>();
    jdbi()
        .useHandle(h -> {
          for (int i = 0; i < count; i++) {
            String id = prefix + "-" + String.format("%03d", i);
            ids.add(id);
            h.createUpdate(
                    "INSERT INTO rigs (id, name, hardware_id, group_id, status, hashrate_hs,"
                        + " temperature_c, power_w, accepted_shares, rejected_shares, last_seen)"
                        + " VALUES (:id, :name, :hw, :group, :status, :hr, :temp, :power, :acc,"
                        + " :rej, :seen)")
                .bind("id", id)
                .bind("name", prefix.toUpperCase() + " unit " + String.format("%03d", i))
                .bind("hw", prefix + "-hw-" + i)
                .bind("group", groupId)
                .bind("status", i % 3 == 0 ? "offline" : i % 3 == 1 ? "online" : "stale")
                .bind("hr", 1.0e12 + i * 1.0e9)
                .bind("temp", i % 5 == 0 ? null : (Float) (50f + i))
                .bind("power", 3000f + i)
                .bind("acc", 1000L + i)
                .bind("rej", (long) i)
                .bind("seen", Instant.parse("2026-03-01T11:00:00Z").plusSeconds(i))
                .execute();
          }
        });
    return ids;
  }

  @Test
  void theRigListFiltersSortsAndPagesInSql() {
    long groupId =
        api.post("/api/v1/groups", operator, Map.of("name", "list-test"))
            .body()
            .path("id")
            .asLong();
    seedRigs("lst", 30, groupId);
    String base = "/api/v1/rigs?group=" + groupId;

    Reply page1 = api.get(base + "&sort=-hashrateHs&page=1&size=7", admin);
    assertThat(page1.body().path("total").asLong()).isEqualTo(30);
    JsonNode items = page1.body().path("items");
    assertThat(items).hasSize(7);
    assertThat(items.get(0).path("id").asText()).isEqualTo("lst-029");
    assertThat(items.get(6).path("id").asText()).isEqualTo("lst-023");
    Reply page5 = api.get(base + "&sort=-hashrateHs&page=5&size=7", admin);
    assertThat(page5.body().path("items")).hasSize(2);
    assertThat(page5.body().path("items").get(1).path("id").asText()).isEqualTo("lst-000");
    assertThat(api.get(base + "&page=9&size=7", admin).body().path("items")).isEmpty();

    Reply online = api.get(base + "&status=online&sort=name", admin);
    assertThat(online.body().path("total").asLong()).isEqualTo(10);
    assertThat(online.body().path("items").findValuesAsText("status")).containsOnly("online");
    Reply notOffline = api.get(base + "&status=online,stale", admin);
    assertThat(notOffline.body().path("total").asLong()).isEqualTo(20);

    Reply text = api.get(base + "&q=unit%2001", admin); // LST unit 010..019
    assertThat(text.body().path("total").asLong()).isEqualTo(10);
    Reply literalPercent = api.get(base + "&q=%25", admin);
    assertThat(literalPercent.body().path("total").asLong()).isZero();

    // temperatures: nulls last in both directions
    JsonNode byTemp = api.get(base + "&sort=temperatureC&size=30", admin).body().path("items");
    assertThat(byTemp.get(0).path("temperatureC").asDouble()).isEqualTo(51.0);
    assertThat(byTemp.get(29).path("temperatureC").isNull()).isTrue();
    JsonNode byTempDesc = api.get(base + "&sort=-temperatureC&size=30", admin).body().path("items");
    assertThat(byTempDesc.get(0).path("temperatureC").asDouble()).isEqualTo(79.0);

    JsonNode byName = api.get("/api/v1/rigs?group=list-test&sort=-name&size=1", admin).body();
    assertThat(byName.path("items").get(0).path("name").asText()).isEqualTo("LST unit 029");
    assertThat(byName.path("total").asLong()).isEqualTo(30);

    JsonNode rig = byName.path("items").get(0);
    for (String field :
        List.of(
            "id",
            "name",
            "status",
            "hashrateHs",
            "temperatureC",
            "powerW",
            "lastSeen",
            "acceptedShares",
            "rejectedShares",
            "group",
            "model",
            "fanRpm",
            "agentVersion",
            "source",
            "hardwareId")) {
      assertThat(rig.has(field)).as(field).isTrue();
    }
    assertThat(rig.has("devices")).isFalse();
    assertThat(rig.path("lastSeen").asText()).isEqualTo("2026-03-01T11:00:29Z");
  }

  @Test
  void theRigListRefusesUnknownSortsStatusesAndSizes() {
    assertThat(api.get("/api/v1/rigs?sort=password", admin).text("message"))
        .startsWith("Cannot sort by 'password'; sortable: name, id, status, hashrateHs");
    assertThat(api.get("/api/v1/rigs?status=burning", admin).status()).isEqualTo(400);
    assertThat(api.get("/api/v1/rigs?size=501", admin).status()).isEqualTo(400);
    assertThat(api.get("/api/v1/rigs?page=0", admin).status()).isEqualTo(400);
    assertThat(api.get("/api/v1/rigs?page=abc", admin).status()).isEqualTo(404);
  }

  @Test
  void rigDetailHasItsDevices() {
    String rigId = enroll(newToken(Map.of()), "detail-1", null).text("rigId");
    jdbi()
        .useHandle(h ->
            h.createUpdate(
                    "UPDATE rigs SET devices = CAST(:d AS jsonb), model = 'S19' WHERE id = :id")
                .bind("d", "[{\"id\":\"asic0\",\"hashrateHs\":1.1e13,\"temperatureC\":71.5}]")
                .bind("id", rigId)
                .execute());
    Reply rig = api.get("/api/v1/rigs/" + rigId, admin);
    assertThat(rig.body().path("devices").get(0).path("id").asText()).isEqualTo("asic0");
    assertThat(rig.body().path("devices").get(0).path("temperatureC").asDouble()).isEqualTo(71.5);
    assertThat(rig.text("model")).isEqualTo("S19");
    assertThat(rig.body().path("capabilities").isArray()).isTrue();
  }

  @Test
  void telemetrySeriesIsAggregatedBySteps() {
    String rigId = enroll(newToken(Map.of()), "telemetry-1", null).text("rigId");
    Instant start = Instant.parse("2020-03-01T10:00:00Z");
    jdbi()
        .useHandle(h -> {
          // the MQTT edge creates partitions ahead; this test writes into the past
          h.execute(
              "CREATE TABLE IF NOT EXISTS telemetry_test_20200301 PARTITION OF telemetry"
                  + " FOR VALUES FROM ('2020-03-01') TO ('2020-03-02')");
          for (int i = 0; i < 30; i++) { // every 10 s for 5 minutes
            h.createUpdate(
                    "INSERT INTO telemetry (rig_id, ts, received_at, hashrate_hs,"
                        + " temperature_c, fan_rpm, power_w, accepted, rejected, uptime_s)"
                        + " VALUES (:rig, :ts, :ts, :hr, :temp, 3000, 3200, :acc, 1, :up)")
                .bind("rig", rigId)
                .bind("ts", start.plusSeconds(10L * i))
                .bind("hr", i < 6 ? 100.0 : 200.0)
                .bind("temp", 60f + i)
                .bind("acc", 10L * i)
                .bind("up", 10L * i)
                .execute();
          }
        });
    Reply series =
        api.get(
            "/api/v1/rigs/"
                + rigId
                + "/telemetry?from=2020-03-01T10:00:00Z&to=2020-03-01T10:05:00Z&step=1m",
            admin);
    assertThat(series.status()).as(series.toString()).isEqualTo(200);
    assertThat(series.text("step")).isEqualTo("PT1M");
    JsonNode points = series.body().path("points");
    assertThat(points).hasSize(5);
    assertThat(points.get(0).path("ts").asText()).isEqualTo("2020-03-01T10:00:00Z");
    assertThat(points.get(0).path("hashrateHs").asDouble()).isEqualTo(100.0);
    assertThat(points.get(0).path("samples").asLong()).isEqualTo(6);
    assertThat(points.get(0).path("temperatureC").asDouble()).isEqualTo(65.0);
    assertThat(points.get(1).path("hashrateHs").asDouble()).isEqualTo(200.0);
    assertThat(points.get(4).path("accepted").asLong()).isEqualTo(290);
    assertThat(points.get(4).path("powerW").asDouble()).isEqualTo(3200.0);

    Reply coarse =
        api.get(
            "/api/v1/rigs/"
                + rigId
                + "/telemetry?from=2020-03-01T10:00:00Z&to=2020-03-01T10:05:00Z&step=PT5M",
            admin);
    assertThat(coarse.body().path("points")).hasSize(1);
    assertThat(coarse.body().path("points").get(0).path("samples").asLong()).isEqualTo(30);

    Reply defaults = api.get("/api/v1/rigs/" + rigId + "/telemetry", admin);
    assertThat(defaults.status()).isEqualTo(200);
    assertThat(defaults.text("step")).isEqualTo("PT1M");
    assertThat(
            Duration.between(
                Instant.parse(defaults.text("from")), Instant.parse(defaults.text("to"))))
        .isEqualTo(Duration.ofHours(1));
  }

  @Test
  void telemetryParametersAreValidated() {
    String rigId = enroll(newToken(Map.of()), "telemetry-2", null).text("rigId");
    String base = "/api/v1/rigs/" + rigId + "/telemetry";
    assertThat(api.get(base + "?step=fortnight", admin).text("message"))
        .contains("'step' must be a duration");
    assertThat(api.get(base + "?from=yesterday", admin).text("message"))
        .contains("'from' must be an ISO-8601 instant");
    assertThat(
            api.get(base + "?from=2026-01-02T00:00:00Z&to=2026-01-01T00:00:00Z", admin)
                .text("message"))
        .isEqualTo("'from' must be before 'to'.");
    assertThat(
            api.get(base + "?from=2025-01-01T00:00:00Z&to=2026-01-01T00:00:00Z&step=1m", admin)
                .text("message"))
        .contains("at most 5000 are allowed");
    assertThat(api.get(base + "?step=500ms", admin).status()).isEqualTo(400);
    assertThat(api.get("/api/v1/rigs/rig-nope/telemetry", admin).status()).isEqualTo(404);
  }

  @Test
  void theSummaryAndTheGaugesAddUpTheFleet() {
    long groupId =
        api.post("/api/v1/groups", operator, Map.of("name", "summary-test"))
            .body()
            .path("id")
            .asLong();
    seedRigs("sum", 6, groupId); // 0,3 offline; 1,4 online; 2,5 stale
    JsonNode s = api.get("/api/v1/fleet/summary?group=" + groupId, admin).body();
    assertThat(s.path("rigsTotal").asLong()).isEqualTo(6);
    assertThat(s.path("rigsOnline").asLong()).isEqualTo(2);
    assertThat(s.path("rigsOffline").asLong()).isEqualTo(2);
    assertThat(s.path("rigsStale").asLong()).isEqualTo(2);
    // online and stale rigs: 1, 2, 4, 5
    assertThat(s.path("hashrateHs").asDouble()).isEqualTo(4.0e12 + 12.0e9);
    assertThat(s.path("powerW").asDouble()).isEqualTo(4 * 3000.0 + 12);
    assertThat(s.path("acceptedShares").asLong()).isEqualTo(6000 + 15);
    assertThat(s.path("rejectedShares").asLong()).isEqualTo(15);
    assertThat(api.get("/api/v1/fleet/summary?group=summary-test", admin).body()).isEqualTo(s);

    // the gauges refresh on their schedule (100 ms here), never per scrape
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> api.adminGetText("/prometheus").contains("rig=\"sum-005\""));
    String scrape = api.adminGetText("/prometheus");
    assertThat(scrape).contains("otedama_rig_hashrate_hs{rig=\"sum-001\"} 1.001E12");
    assertThat(scrape).contains("otedama_rig_hashrate_hs{rig=\"sum-000\"} 0.0");
    assertThat(scrape).contains("otedama_rig_temperature_celsius{rig=\"sum-001\"} 51.0");
    assertThat(scrape).containsPattern("otedama_rigs\\{status=\"online\"} \\d");
    assertThat(scrape).contains("otedama_fleet_hashrate_hs ");
    assertThat(scrape).contains("otedama_fleet_power_watts ");
    assertThat(scrape).contains("jvm_memory_used_bytes");
    assertThat(scrape).contains("io_dropwizard_db_ManagedPooledDataSource_postgresql_active");
    assertThat(scrape).containsPattern("io_dropwizard_jetty_MutableServletContextHandler_requests");
    assertThat(api.adminGetText("/healthcheck")).contains("\"postgresql\":{\"healthy\":true");
  }
}
