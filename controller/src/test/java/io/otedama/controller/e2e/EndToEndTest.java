package io.otedama.controller.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.ResourceHelpers;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import io.otedama.agent.sim.FleetSimulator;
import io.otedama.agent.testing.CuttableProxy;
import io.otedama.controller.OtedamaApplication;
import io.otedama.controller.OtedamaConfiguration;
import io.otedama.controller.stratum.TestStratumMiner;
import io.otedama.controller.support.Api;
import io.otedama.controller.support.SharedPostgres;
import io.otedama.controller.testing.FreePort;
import java.net.URI;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.glassfish.jersey.client.ClientProperties;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The whole system in one process: the real application (embedded HiveMQ, PostgreSQL, the MQTT
 * edge, work on the local source, the share path) and three rigs running the agent's real code (the
 * fleet simulator: enrollment over HTTP, MQTT sessions, real hashing at a tiny difficulty). One rig
 * reaches the broker through a proxy the test can cut.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class EndToEndTest {
  public static class RealApp extends OtedamaApplication {}

  static final int MQTT_PORT = FreePort.find();
  static final DropwizardAppExtension<OtedamaConfiguration> APP =
      new DropwizardAppExtension<>(
          RealApp.class,
          ResourceHelpers.resourceFilePath("test-config.yml"),
          ConfigOverride.config("database.url", SharedPostgres::newDatabaseUrl),
          ConfigOverride.config("database.user", "postgres"),
          ConfigOverride.config("mqtt.embeddedPort", Integer.toString(MQTT_PORT)),
          ConfigOverride.config("mqtt.embeddedBindAddress", "127.0.0.1"),
          ConfigOverride.config("mqtt.embeddedDataDir", EndToEndTest::brokerDir),
          ConfigOverride.config("fleet.advertisedMqttUrl", "tcp://127.0.0.1:" + MQTT_PORT),
          ConfigOverride.config("fleet.telemetryInterval", "1s"),
          ConfigOverride.config("commands.sweepInterval", "100ms"),
          ConfigOverride.config("work.agentStartDifficulty", "0.000001"),
          ConfigOverride.config("work.localNetworkDifficulty", "0.001"));

  static Api api;
  static String admin;
  static Jdbi jdbi;
  static CuttableProxy proxy;
  static final List<FleetSimulator> fleets = new ArrayList<>();
  static FleetSimulator direct;
  static FleetSimulator proxied;

  static String brokerDir() {
    try {
      return Files.createTempDirectory("otedama-e2e-hivemq-").toString();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @BeforeAll
  static void startRigs() throws Exception {
    // the machine is shared and busy: a slow login (password hashing) must not time the test out
    APP.client().property(ClientProperties.READ_TIMEOUT, 60_000);
    api = new Api(APP);
    admin = api.loginAdmin();
    OtedamaApplication app = APP.getApplication();
    jdbi = app.core().jdbi();
    await().atMost(Duration.ofSeconds(30)).until(() -> app.mqttEdge().client().isConnected());
    proxy = new CuttableProxy(MQTT_PORT);
    URI controller = URI.create("http://127.0.0.1:" + APP.getLocalPort());
    direct = fleet(controller, "e2e-direct", 2, null);
    proxied = fleet(controller, "e2e-proxied", 1, URI.create(proxy.url()));
  }

  private static FleetSimulator fleet(URI controller, String name, int rigs, URI broker) {
    String token =
        api.post("/api/v1/enrollment-tokens", admin, Map.of("uses", rigs, "ttlHours", 1))
            .text("token");
    FleetSimulator.Options options =
        FleetSimulator.Options.defaults(controller, token, rigs)
            .withFleetName(name)
            .withHashesPerSecond(20_000)
            .withFailureShare(0)
            .withTelemetryInterval(Duration.ofSeconds(1))
            .withReconnect(Duration.ofMillis(200), Duration.ofSeconds(1))
            .withRamp(Duration.ZERO);
    if (broker != null) {
      options = options.withBroker(broker);
    }
    FleetSimulator fleet = FleetSimulator.start(options);
    fleets.add(fleet);
    return fleet;
  }

  @AfterAll
  static void stopRigs() throws Exception {
    for (FleetSimulator f : fleets) {
      f.close();
    }
    if (proxy != null) {
      proxy.close();
    }
  }

  private static String status(String rigId) {
    return api.get("/api/v1/rigs/" + rigId, admin).body().path("status").asText();
  }

  private static long count(String sql, String rigId) {
    return jdbi.withHandle(h -> h.createQuery(sql).bind("rig", rigId).mapTo(Long.class).one());
  }

  private static List<String> rigIds() {
    List<String> ids = new ArrayList<>();
    direct.rigs().forEach(r -> ids.add(r.rigId()));
    proxied.rigs().forEach(r -> ids.add(r.rigId()));
    return ids;
  }

  @Test
  void rigsComeOnlineReportMineTakeCommandsAndSurviveALinkCut() {
    List<String> rigs = rigIds();
    assertThat(rigs).hasSize(3).doesNotHaveDuplicates();

    // all online, telemetry rows, accepted shares in the share log
    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(() -> {
          for (String rig : rigs) {
            assertThat(status(rig)).as("status of %s", rig).isEqualTo("online");
            assertThat(count("SELECT count(*) FROM telemetry WHERE rig_id = :rig", rig))
                .as("telemetry rows of %s", rig)
                .isPositive();
            assertThat(count("SELECT count(*) FROM shares WHERE rig_id = :rig", rig))
                .as("share log rows of %s", rig)
                .isPositive();
          }
        });
    JsonNode summary = api.get("/api/v1/shares/summary", admin).body();
    assertThat(summary.path("total").path("accepted").asLong()).isPositive();
    assertThat(api.adminGetText("/prometheus"))
        .containsPattern("otedama_shares_total\\{reason=\"none\",result=\"accepted\"\\} [1-9]");

    // a restart-miner command round-trips
    String target = rigs.get(0);
    Api.Reply issued =
        api.post("/api/v1/rigs/" + target + "/commands", admin, Map.of("type", "restart-miner"));
    assertThat(issued.status()).isEqualTo(202);
    String commandId = issued.text("id");
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() ->
            api.get("/api/v1/commands/" + commandId, admin)
                .body()
                .path("status")
                .asText()
                .equals("succeeded"));

    // cutting the proxied rig's link: its Last Will marks it offline, the others stay online
    String cutRig = proxied.rigs().get(0).rigId();
    proxy.cut();
    await().atMost(Duration.ofSeconds(30)).until(() -> status(cutRig).equals("offline"));
    assertThat(status(rigs.get(0))).isEqualTo("online");
    // it keeps mining into its spool
    await().atMost(Duration.ofSeconds(60)).until(() -> proxied.stats().spooled() >= 3);
    long rowsAtCut = count("SELECT count(*) FROM shares WHERE rig_id = :rig", cutRig);

    // restoring it: online again, the spool replayed, no share stored twice or rejected as a dup
    proxy.restore();
    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(() -> {
          assertThat(status(cutRig)).isEqualTo("online");
          assertThat(proxied.stats().spooled()).isZero();
          assertThat(count("SELECT count(*) FROM shares WHERE rig_id = :rig", cutRig))
              .isGreaterThan(rowsAtCut);
        });
    assertThat(
            count(
                "SELECT count(*) - count(DISTINCT share_id) FROM shares WHERE rig_id = :rig",
                cutRig))
        .isZero();
  }

  @Test
  void aStratumMinerBecomesAStratumRigOfItsAccountAndItsSharesAreLogged() throws Exception {
    OtedamaApplication app = APP.getApplication();
    int port = app.stratum().server().port();
    assertThat(port).isPositive();
    try (TestStratumMiner miner = new TestStratumMiner(port, "carol.cpu1", "x,d=0.0005")) {
      await().atMost(Duration.ofSeconds(60)).until(() -> miner.accepted.get() >= 3);
      assertThat(miner.rejections).isEmpty();
    }
    String rigId =
        jdbi.withHandle(h ->
            h.createQuery(
                    "SELECT id FROM rigs WHERE hardware_id = 'stratum:carol.cpu1'"
                        + " AND source = 'stratum' AND name = 'carol.cpu1'")
                .mapTo(String.class)
                .one());
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(() -> {
          assertThat(
                  count(
                      "SELECT count(*) FROM shares WHERE rig_id = :rig AND account = 'carol'",
                      rigId))
              .isGreaterThanOrEqualTo(3);
          assertThat(status(rigId)).isEqualTo("offline");
        });
  }
}
