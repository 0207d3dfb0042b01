package io.otedama.controller.payouts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import io.otedama.controller.OtedamaConfiguration;
import io.otedama.controller.support.Api;
import io.otedama.controller.support.TestApp;
import io.otedama.controller.support.TestApps;
import io.otedama.controller.work.BlockFound;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Payouts in the running controller: accounts and sites through the API, a block from the work
 * feature's hook, the accounting and payout jobs run through {@code /api/v1/jobs} on the clustered
 * scheduler, the batch built once however it is asked for, exported, paid, and the ledger check.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class PayoutsApiTest {
  static final DropwizardAppExtension<OtedamaConfiguration> APP =
      TestApps.app(
          ConfigOverride.config("scheduling.enabled", "true"),
          ConfigOverride.config("scheduling.idleWait", "1s"),
          ConfigOverride.config("scheduling.clusterCheckinInterval", "1s"));

  private static final String ALICE_ADDRESS = "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4";
  private static final String BOB_ADDRESS = "1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2";
  private static final String TESTNET_ADDRESS = "tb1qw508d6qejxtdg4y5r3zarvary0c5xw7kxpjzsx";
  private static final String BLOCK_HASH =
      "00000000a1b2c3d4e5f60718293a4b5c6d7e8f901122334455667788990aabbc";
  private static final String TXID =
      "4a5e1e4baab89f3a32518a88c31bc87f618f76673e2cc77ab2127b7afdeda33b";

  @Test
  void fromABlockFoundToAPaidBatch() {
    Api api = new Api(APP);
    TestApp app = TestApps.testApp(APP);
    Jdbi jdbi = app.core().jdbi();
    String admin = api.loginAdmin();
    String viewer = api.userWithRole(admin, "val", "viewer");

    assertThat(
            api.put("/api/v1/sites/dc1", admin, Map.of("electricityMsatPerKwh", 50_000)).status())
        .isEqualTo(200);
    long alice =
        created(
            api.post(
                "/api/v1/accounts",
                admin,
                Map.of(
                    "name",
                    "Alice",
                    "scheme",
                    "pplns",
                    "poolFeeBps",
                    100,
                    "hostingFeeBps",
                    200,
                    "payoutThresholdSats",
                    1000,
                    "walletAddress",
                    ALICE_ADDRESS,
                    "site",
                    "dc1")));
    long bob =
        created(
            api.post(
                "/api/v1/accounts",
                admin,
                Map.of(
                    "name",
                    "Bob",
                    "scheme",
                    "prop",
                    "payoutThresholdSats",
                    1000,
                    "walletAddress",
                    BOB_ADDRESS)));
    Api.Reply wrongNetwork =
        api.post(
            "/api/v1/accounts",
            admin,
            Map.of(
                "name",
                "Carol",
                "scheme",
                "pps",
                "payoutThresholdSats",
                1000,
                "walletAddress",
                TESTNET_ADDRESS));
    assertThat(wrongNetwork.status()).isEqualTo(400);
    assertThat(wrongNetwork.text("message")).contains("testnet address").contains("mainnet");
    assertThat(api.post("/api/v1/accounts", viewer, Map.of("name", "Eve")).status()).isEqualTo(403);

    String rigA = api.enroll(admin, "payout-hw-a").text("rigId");
    String rigB = api.enroll(admin, "payout-hw-b").text("rigId");
    assertThat(api.put("/api/v1/accounts/" + alice + "/rigs/" + rigA, admin, Map.of()).status())
        .isEqualTo(204);
    assertThat(api.put("/api/v1/accounts/" + bob + "/rigs/" + rigB, admin, Map.of()).status())
        .isEqualTo(204);

    // an hour of work: Alice's rig 30 shares, Bob's 10, all of difficulty 0.01 (the local source
    // is at difficulty 0.5, so the PPLNS window of N=2 is 1.0 and holds them all)
    Instant hour = Instant.parse("2026-03-01T11:00:00Z");
    jdbi.useHandle(h -> {
      for (int i = 0; i < 40; i++) {
        h.createUpdate(
                """
                INSERT INTO shares (rig_id, share_id, source, pool, job_id, difficulty,
                                    share_difficulty, upstream, block, ts)
                VALUES (:rig, :id, 'local', 'local', 'j1', 0.01, 0.02, false, false, :ts)\
                """)
            .bind("rig", i < 30 ? rigA : rigB)
            .bind("id", "s" + i)
            .bind("ts", hour.plusSeconds(60L * i))
            .execute();
      }
      // Alice's rig draws 1000 W for 50 minutes: 0.8333 kWh at 50 sats/kWh
      for (int i = 0; i <= 50; i++) {
        h.createUpdate(
                "INSERT INTO telemetry (rig_id, ts, received_at, hashrate_hs, power_w)"
                    + " VALUES (:rig, :ts, :ts, 1e6, 1000)")
            .bind("rig", rigA)
            .bind("ts", hour.plusSeconds(60L * i))
            .execute();
      }
    });
    app.payouts()
        .blocks()
        .accept(
            new BlockFound(
                7, BLOCK_HASH, 312_500_000L, rigA, "j1", "local", hour.plusSeconds(60 * 55)));
    app.clock.advance(Duration.ofHours(2));

    // the jobs: admin only
    assertThat(api.post("/api/v1/jobs/accounting/run", null, Map.of()).status()).isEqualTo(401);
    assertThat(api.post("/api/v1/jobs/accounting/run", viewer, Map.of()).status()).isEqualTo(403);
    assertThat(api.get("/api/v1/jobs", viewer).status()).isEqualTo(403);
    assertThat(api.post("/api/v1/jobs/nope/run", admin, Map.of()).status()).isEqualTo(404);
    assertThat(api.post("/api/v1/jobs/accounting/run", admin, Map.of()).status()).isEqualTo(202);
    JsonNode accounting = awaitRun(api, admin, "accounting");
    assertThat(accounting.path("outcome").asText()).isEqualTo("success");
    assertThat(accounting.path("detail").asText()).contains("periods accounted");

    JsonNode accounts = api.get("/api/v1/accounts", admin).body();
    JsonNode a = account(accounts, alice);
    JsonNode b = account(accounts, bob);
    assertThat(a.path("rigs").get(0).asText()).isEqualTo(rigA);
    assertThat(a.path("earningsSats").asLong()).isGreaterThan(b.path("earningsSats").asLong());
    assertThat(b.path("earningsSats").asLong()).isPositive();
    assertThat(a.path("earningsSats").asLong() + b.path("earningsSats").asLong())
        .isLessThanOrEqualTo(312_500_000L);
    assertThat(a.path("feesSats").asLong()).isPositive();
    assertThat(a.path("electricitySats").asLong()).isEqualTo(41);
    long aliceCredited = a.path("earningsSats").asLong() - a.path("feesSats").asLong();
    long aliceElectricity = a.path("electricitySats").asLong();
    assertThat(accounts.path("farm").has("farm:wallet")).isTrue();
    JsonNode blocks = api.get("/api/v1/earnings/blocks", viewer).body();
    assertThat(blocks.path("items").get(0).path("height").asLong()).isEqualTo(7);
    assertThat(blocks.path("items").get(0).path("distributedByRun").isNull()).isFalse();

    // the batch: created once whether asked through the API again or by the payout job
    Api.Reply first = api.post("/api/v1/payouts", admin, Map.of());
    assertThat(first.status()).isEqualTo(201);
    long batch = first.body().path("batch").path("id").asLong();
    assertThat(first.body().path("batch").path("items")).hasSize(2);
    Api.Reply again = api.post("/api/v1/payouts", admin, Map.of());
    assertThat(again.status()).isEqualTo(200);
    assertThat(again.body().path("batch").path("id").asLong()).isEqualTo(batch);
    assertThat(api.post("/api/v1/jobs/payout/run", admin, Map.of()).status()).isEqualTo(202);
    JsonNode payoutRun = awaitRun(api, admin, "payout");
    assertThat(payoutRun.path("outcome").asText()).isEqualTo("success");
    assertThat(payoutRun.path("detail").asText()).contains("batch " + batch).contains("existed");
    assertThat(api.get("/api/v1/payouts", admin).body().path("total").asInt()).isEqualTo(1);

    try (Response csv =
        APP.client()
            .target("http://localhost:" + APP.getLocalPort() + "/api/v1/payouts/" + batch + "/csv")
            .request("text/csv")
            .header("Authorization", "Bearer " + admin)
            .get()) {
      assertThat(csv.getStatus()).isEqualTo(200);
      assertThat(csv.readEntity(String.class)).contains(ALICE_ADDRESS).contains(BOB_ADDRESS);
    }
    JsonNode sendMany = api.get("/api/v1/payouts/" + batch + "/sendmany", admin).body();
    assertThat(sendMany.path("method").asText()).isEqualTo("sendmany");

    // a client sees its own account and payment only
    api.post(
        "/api/v1/users",
        admin,
        Map.of(
            "username", "alice",
            "password", "password-of-alice",
            "role", "client",
            "accountId", alice));
    String client = api.login("alice", "password-of-alice");
    JsonNode mine = api.get("/api/v1/accounts", client).body();
    assertThat(mine.path("total").asInt()).isEqualTo(1);
    assertThat(mine.has("farm")).isFalse();
    assertThat(api.get("/api/v1/accounts/" + bob, client).status()).isEqualTo(404);
    JsonNode myBatch = api.get("/api/v1/payouts", client).body().path("items").get(0);
    assertThat(myBatch.path("items")).hasSize(1);
    assertThat(myBatch.path("items").get(0).path("address").asText()).isEqualTo(ALICE_ADDRESS);
    assertThat(api.get("/api/v1/ledger/check", client).status()).isEqualTo(403);
    assertThat(api.post("/api/v1/payouts", client, Map.of()).status()).isEqualTo(403);

    // paid: the txid is recorded once
    Api.Reply paid =
        api.post(
            "/api/v1/payouts/" + batch + "/paid",
            admin,
            Map.of("txid", TXID, "networkFeeSats", 500));
    assertThat(paid.status()).isEqualTo(200);
    assertThat(paid.text("status")).isEqualToIgnoringCase("paid");
    assertThat(
            api.post(
                    "/api/v1/payouts/" + batch + "/paid",
                    admin,
                    Map.of("txid", TXID.replace('4', '5')))
                .status())
        .isEqualTo(409);
    JsonNode afterPayment = account(api.get("/api/v1/accounts", admin).body(), alice);
    assertThat(afterPayment.path("payableSats").asLong()).isZero();

    JsonNode check = api.get("/api/v1/ledger/check", viewer).body();
    assertThat(check.path("balanced").asBoolean()).isTrue();

    String prometheus = api.adminGetText("/prometheus");
    assertThat(prometheus)
        .contains("otedama_block_bookings_failed_total 0.0")
        .contains("otedama_payouts_total 1.0")
        .contains(
            "otedama_quartz_job_runs_total{outcome=\"success\",quartz_job=\"accounting\"} 1.0")
        .contains("otedama_quartz_job_last_success_timestamp_seconds{quartz_job=\"payout\"}")
        .contains("otedama_quartz_job_runs_total{outcome=\"failure\",quartz_job=\"analyze\"} 0.0");
    // the per-account series follow the ledger: credited is net of fees, electricity is its own
    // counter, and all of what Alice was owed is paid, none pending
    assertThat(sample(prometheus, "otedama_account_credited_sats_total{account=\"Alice\"}"))
        .isEqualTo((double) aliceCredited);
    assertThat(sample(prometheus, "otedama_account_electricity_sats_total{account=\"Alice\"}"))
        .isEqualTo((double) aliceElectricity);
    assertThat(sample(prometheus, "otedama_account_paid_sats_total{account=\"Alice\"}"))
        .isEqualTo((double) (aliceCredited - aliceElectricity));
    assertThat(sample(prometheus, "otedama_account_pending_sats{account=\"Alice\"}")).isZero();

    // a later hour without a block: electricity only. The counters only grow (credited stays, the
    // electricity counter takes the charge) and the gauge goes below zero: Alice owes the farm.
    Instant later = Instant.parse("2026-03-01T15:00:00Z");
    jdbi.useHandle(h -> {
      for (int i = 0; i <= 50; i++) {
        h.createUpdate(
                "INSERT INTO telemetry (rig_id, ts, received_at, hashrate_hs, power_w)"
                    + " VALUES (:rig, :ts, :ts, 1e6, 1000)")
            .bind("rig", rigA)
            .bind("ts", later.plusSeconds(60L * i))
            .execute();
      }
    });
    app.clock.advance(Duration.ofHours(3));
    assertThat(api.post("/api/v1/jobs/accounting/run", admin, Map.of()).status()).isEqualTo(202);
    JsonNode charging = awaitRunAfter(api, admin, "accounting", accounting);
    assertThat(charging.path("outcome").asText()).isEqualTo("success");
    JsonNode charged = account(api.get("/api/v1/accounts", admin).body(), alice);
    assertThat(charged.path("earningsSats").asLong() - charged.path("feesSats").asLong())
        .isEqualTo(aliceCredited);
    long electricityNow = charged.path("electricitySats").asLong();
    assertThat(electricityNow).isGreaterThan(aliceElectricity);
    assertThat(charged.path("payableSats").asLong())
        .isEqualTo(aliceElectricity - electricityNow)
        .isNegative();
    String after = api.adminGetText("/prometheus");
    assertThat(sample(after, "otedama_account_credited_sats_total{account=\"Alice\"}"))
        .isEqualTo((double) aliceCredited);
    assertThat(sample(after, "otedama_account_electricity_sats_total{account=\"Alice\"}"))
        .isEqualTo((double) electricityNow);
    assertThat(sample(after, "otedama_account_paid_sats_total{account=\"Alice\"}"))
        .isEqualTo((double) (aliceCredited - aliceElectricity));
    assertThat(sample(after, "otedama_account_pending_sats{account=\"Alice\"}"))
        .isEqualTo((double) charged.path("payableSats").asLong());
  }

  @Test
  void jobsAreListedWithSchedulesAndNextRuns() {
    Api api = new Api(APP);
    JsonNode jobs = api.get("/api/v1/jobs", api.loginAdmin()).body().path("items");
    assertThat(jobs)
        .extracting(j -> j.path("name").asText())
        .contains(
            "accounting",
            "payout",
            "share-log-pruning",
            "telemetry-rollup",
            "telemetry-partitions",
            "telemetry-retention",
            "analyze",
            "cleanup");
    for (JsonNode job : jobs) {
      assertThat(job.path("nextRun").asText()).isNotBlank();
      assertThat(job.path("schedule").asText()).matches("(cron|every) .+");
      assertThat(job.path("misfirePolicy").asText()).isIn("fire_once_now", "skip_to_next");
    }
  }

  private static long created(Api.Reply reply) {
    assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
    return reply.body().path("id").asLong();
  }

  private static JsonNode account(JsonNode accounts, long id) {
    for (JsonNode a : accounts.path("items")) {
      if (a.path("id").asLong() == id) {
        return a;
      }
    }
    throw new AssertionError("no account " + id + " in " + accounts);
  }

  private static JsonNode awaitRun(Api api, String admin, String job) {
    return awaitRunAfter(api, admin, job, null);
  }

  /** The job's finished last run, once it is another run than {@code previous} (null: any). */
  private static JsonNode awaitRunAfter(Api api, String admin, String job, JsonNode previous) {
    JsonNode[] last = new JsonNode[1];
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> {
          for (JsonNode j : api.get("/api/v1/jobs", admin).body().path("items")) {
            if (j.path("name").asText().equals(job)
                && !j.path("lastRun").isNull()
                && !j.path("lastRun").path("outcome").asText().equals("running")
                && !j.path("lastRun").isMissingNode()
                && (previous == null || !j.path("lastRun").equals(previous))) {
              last[0] = j.path("lastRun");
              return true;
            }
          }
          return false;
        });
    return last[0];
  }

  /** The value of one series in a Prometheus text exposition. */
  private static double sample(String exposition, String series) {
    return exposition
        .lines()
        .filter(l -> l.startsWith(series + " "))
        .map(l -> Double.parseDouble(l.substring(series.length() + 1).strip()))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no series " + series));
  }
}
