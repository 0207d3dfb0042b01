package io.otedama.controller.stratum;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import io.otedama.controller.OtedamaConfiguration;
import io.otedama.controller.shares.ShareVerdict;
import io.otedama.controller.support.AgentShares;
import io.otedama.controller.support.Api;
import io.otedama.controller.support.TestApp;
import io.otedama.controller.support.TestApps;
import io.otedama.protocol.message.Share;
import io.otedama.protocol.message.ShareBatchMessage;
import io.otedama.protocol.message.WorkAssignmentMessage;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The work, share and Stratum features wired into the real application: a Stratum miner and an
 * agent rig (through the seams the MQTT edge will use) mine on the default local profile, and their
 * shares show in {@code GET /api/v1/shares/summary}, the rig list and the Prometheus scrape.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class MiningAppTest {
  static final DropwizardAppExtension<OtedamaConfiguration> APP = TestApps.app();
  static Api api;
  static String admin;
  static TestStratumMiner miner;

  @BeforeAll
  static void setUp() {
    api = new Api(APP);
    admin = api.loginAdmin();
  }

  @AfterAll
  static void tearDown() throws Exception {
    if (miner != null) {
      miner.close();
    }
  }

  static TestApp app() {
    return TestApps.testApp(APP);
  }

  @Test
  void aStratumMinerAndAnAgentMineOnTheLocalProfileAndShowInTheApi() throws Exception {
    int port = app().stratum().server().port();
    miner = new TestStratumMiner(port, "dave.rig1", "d=0.0005");
    await().atMost(Duration.ofSeconds(60)).until(() -> miner.accepted.get() >= 3);
    assertThat(miner.rejections).isEmpty();

    // the agent path: assignment out through the publisher seam, shares in through ingest
    Map<String, WorkAssignmentMessage> published = new ConcurrentHashMap<>();
    app().work().usePublisher(published::put);
    app().work().assignAgent("rig-agent-1", "erin", null, 0.0001);
    WorkAssignmentMessage work = published.get("rig-agent-1");
    assertThat(work).isNotNull();
    assertThat(work.difficulty()).isEqualTo(0.0001);
    assertThat(work.source()).isEqualTo("local");
    Share share = AgentShares.mine(work, "rig-agent-1:1");
    List<ShareVerdict> verdicts =
        app().shares().processor().ingest("rig-agent-1", new ShareBatchMessage(0, List.of(share)));
    assertThat(verdicts.get(0).accepted()).as(verdicts.get(0).message()).isTrue();

    await()
        .atMost(Duration.ofSeconds(10))
        .until(() ->
            api.get("/api/v1/shares/summary", admin).body().path("total").path("accepted").asLong()
                >= 4);
    var summary = api.get("/api/v1/shares/summary", admin).body();
    assertThat(summary.path("total").path("rejectedByReason").has("low_difficulty")).isTrue();
    assertThat(summary.path("rigs").findValuesAsText("rigId")).contains("rig-agent-1");

    var rigs = api.get("/api/v1/rigs?q=dave", admin).body();
    assertThat(rigs.path("items").get(0).path("name").asText()).isEqualTo("dave.rig1");
    assertThat(rigs.path("items").get(0).path("source").asText()).isEqualTo("stratum");
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() ->
            api.get("/api/v1/rigs?q=dave", admin)
                .body()
                .path("items")
                .get(0)
                .path("status")
                .asText()
                .equals("online"));

    String scrape = api.adminGetText("/prometheus");
    assertThat(scrape).contains("otedama_shares_total{reason=\"none\",result=\"accepted\"}");
    assertThat(scrape).contains("otedama_rig_estimated_hashrate_hs{rig=\"rig-agent-1\"}");
    assertThat(scrape).contains("otedama_stratum_connections");

    assertThat(api.get("/api/v1/shares/summary?from=nonsense", admin).status()).isEqualTo(400);
    assertThat(api.get("/api/v1/shares/summary", null).status()).isEqualTo(401);
  }
}
