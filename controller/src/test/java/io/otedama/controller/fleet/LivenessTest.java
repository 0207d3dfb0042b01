package io.otedama.controller.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import io.otedama.controller.OtedamaConfiguration;
import io.otedama.controller.support.Api;
import io.otedama.controller.support.MutableClock;
import io.otedama.controller.support.TestApps;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Liveness through the {@link RigPresenceSink} the MQTT edge calls: birth and status messages, the
 * heartbeat of telemetry, and the sweep that turns silent rigs stale and then offline, each change
 * recorded as a rig event and visible in the API.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class LivenessTest {
  static final DropwizardAppExtension<OtedamaConfiguration> APP =
      TestApps.app(
          ConfigOverride.config("fleet.telemetryInterval", "1s"),
          ConfigOverride.config("fleet.staleAfterMissed", "3"),
          ConfigOverride.config("fleet.offlineAfterMissed", "6"),
          ConfigOverride.config("fleet.sweepInterval", "20ms"),
          ConfigOverride.config("fleet.lastSeenFlushInterval", "50ms"));
  static Api api;
  static String admin;

  @BeforeAll
  static void setUp() {
    api = new Api(APP);
    admin = api.loginAdmin();
  }

  static MutableClock clock() {
    return TestApps.testApp(APP).clock;
  }

  static RigPresenceSink presence() {
    return TestApps.testApp(APP).core().presence();
  }

  static String newRig(String hardwareId) {
    return api.enroll(admin, hardwareId).text("rigId");
  }

  static JsonNode rig(String rigId) {
    return api.get("/api/v1/rigs/" + rigId, admin).body();
  }

  static void awaitStatus(String rigId, String status) {
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(() -> assertThat(rig(rigId).path("status").asText()).isEqualTo(status));
  }

  static List<String> statusEvents(String rigId) {
    List<String> out = new ArrayList<>();
    for (JsonNode e : api.get("/api/v1/rigs/" + rigId + "/events", admin).body().path("items")) {
      if (e.path("kind").asText().equals("status")) {
        out.add(e.path("fromStatus").asText() + "->" + e.path("toStatus").asText());
      }
    }
    return out.reversed();
  }

  static RigBirth birth(Instant at) {
    return new RigBirth(
        "0.1.0",
        "ignored-here",
        "[{\"id\":\"cpu0\",\"kind\":\"cpu\"}]",
        List.of("sha256d", "blink-led"),
        1,
        at);
  }

  @Test
  void birthMarksOnlineAndRecordsWhatTheAgentIs() {
    String rigId = newRig("live-birth-1");
    presence().birth(rigId, birth(clock().instant()));
    awaitStatus(rigId, "online");
    JsonNode rig = rig(rigId);
    assertThat(rig.path("agentVersion").asText()).isEqualTo("0.1.0");
    assertThat(rig.path("devices").get(0).path("id").asText()).isEqualTo("cpu0");
    assertThat(rig.path("capabilities").get(1).asText()).isEqualTo("blink-led");
    assertThat(Instant.parse(rig.path("lastSeen").asText())).isEqualTo(clock().instant());
    List<String> kinds =
        api.get("/api/v1/rigs/" + rigId + "/events", admin)
            .body()
            .path("items")
            .findValuesAsText("kind");
    assertThat(kinds).contains("birth", "status", "enrolled");
    assertThat(statusEvents(rigId)).containsExactly("offline->online");
  }

  @Test
  void silenceTurnsARigStaleThenOfflineAndTelemetryBringsItBack() {
    String rigId = newRig("live-silent-1");
    presence().telemetrySeen(rigId, clock().instant());
    awaitStatus(rigId, "online");

    clock().advance(Duration.ofMillis(2500)); // under 3 intervals: still online
    presence().telemetrySeen("rig-other-unknown", clock().instant()); // unknown rigs are ignored
    clock().advance(Duration.ofMillis(1000)); // 3.5 s silent
    awaitStatus(rigId, "stale");
    clock().advance(Duration.ofSeconds(3)); // 6.5 s silent
    awaitStatus(rigId, "offline");

    presence().telemetrySeen(rigId, clock().instant());
    awaitStatus(rigId, "online");
    assertThat(statusEvents(rigId))
        .containsExactly("offline->online", "online->stale", "stale->offline", "offline->online");
    JsonNode events = api.get("/api/v1/rigs/" + rigId + "/events", admin).body().path("items");
    assertThat(events.get(0).path("detail").asText()).isEqualTo("telemetry resumed");
    assertThat(events.get(1).path("detail").asText()).startsWith("no telemetry for 6 s");
  }

  @Test
  void aLongPauseGoesStraightToOffline() {
    String rigId = newRig("live-pause-1");
    presence().telemetrySeen(rigId, clock().instant());
    awaitStatus(rigId, "online");
    clock().advance(Duration.ofSeconds(30));
    awaitStatus(rigId, "offline");
    assertThat(statusEvents(rigId)).containsExactly("offline->online", "online->offline");
  }

  @Test
  void lastWillAndStatusMessagesSwitchAtOnce() {
    String rigId = newRig("live-will-1");
    presence().statusReported(rigId, true, null, clock().instant());
    awaitStatus(rigId, "online");
    presence().statusReported(rigId, false, "last will", clock().instant());
    awaitStatus(rigId, "offline");
    presence().statusReported(rigId, false, "last will", clock().instant()); // no double event
    presence().birth(rigId, birth(clock().instant()));
    awaitStatus(rigId, "online");
    assertThat(statusEvents(rigId))
        .containsExactly("offline->online", "online->offline", "offline->online");
    JsonNode events =
        api.get("/api/v1/rigs/" + rigId + "/events?limit=10", admin).body().path("items");
    assertThat(events.findValuesAsText("detail")).contains("last will");
  }

  @Test
  void lastSeenIsFlushedInBatchesAndNeverFromTheFuture() {
    String rigA = newRig("live-seen-a");
    String rigB = newRig("live-seen-b");
    Instant t = clock().instant();
    presence().telemetrySeen(rigA, t);
    presence().telemetrySeen(rigB, t.plus(Duration.ofHours(1))); // agent clock ahead
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(() -> {
          assertThat(rig(rigA).path("lastSeen").asText()).isEqualTo(t.toString());
          assertThat(rig(rigB).path("lastSeen").asText()).isEqualTo(t.toString());
        });
    clock().advance(Duration.ofMillis(500));
    Instant later = clock().instant();
    presence().telemetrySeen(rigA, later);
    presence().telemetrySeen(rigA, t); // an older, late message does not move it back
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () -> assertThat(rig(rigA).path("lastSeen").asText()).isEqualTo(later.toString()));
  }

  @Test
  void aBirthWithBadDevicesKeepsTheOldOnesAndDoesNotStopOtherChanges() {
    String rigId = newRig("live-bad-devices");
    presence().birth(rigId, birth(clock().instant()));
    awaitStatus(rigId, "online");
    presence()
        .birth(rigId, new RigBirth("0.2.0", "x", "{not json", List.of(), 2, clock().instant()));
    presence().statusReported(rigId, false, "agent stopping", clock().instant());
    awaitStatus(rigId, "offline");
    JsonNode rig = rig(rigId);
    assertThat(rig.path("agentVersion").asText()).isEqualTo("0.2.0");
    assertThat(rig.path("devices").get(0).path("id").asText()).isEqualTo("cpu0");
  }

  @Test
  void theRigListFiltersByLiveStatus() {
    String rigId = newRig("live-filter-1");
    presence().telemetrySeen(rigId, clock().instant());
    awaitStatus(rigId, "online");
    JsonNode online = api.get("/api/v1/rigs?status=online&q=" + rigId, admin).body();
    assertThat(online.path("total").asLong()).isEqualTo(1);
    assertThat(
            api.get("/api/v1/rigs?status=offline&q=" + rigId, admin).body().path("total").asLong())
        .isZero();
  }
}
