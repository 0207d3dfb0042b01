package io.otedama.controller.work;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.otedama.hashing.Algorithm;
import io.otedama.protocol.stratum.StratumCodec;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The upstream client against scripted pools on loopback: subscribe → notify → submit → reject →
 * reconnect → failover → switch back, set_extranonce and set_version_mask, TLS.
 */
class FailoverWorkSourceTest {
  private static final Duration WAIT = Duration.ofSeconds(10);
  private final List<AutoCloseable> closeables = new ArrayList<>();
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final List<SourceJob> jobs = new CopyOnWriteArrayList<>();

  @AfterEach
  void tearDown() throws Exception {
    for (AutoCloseable c : closeables) {
      c.close();
    }
  }

  private ScriptedPool pool() throws Exception {
    ScriptedPool pool = new ScriptedPool();
    closeables.add(pool);
    return pool;
  }

  private FailoverWorkSource source(PoolClientSettings client, PoolEndpoint... pools) {
    FailoverWorkSource source =
        new FailoverWorkSource(
            "profile-a",
            List.of(pools),
            client,
            new FailoverSettings(
                3,
                Duration.ofMinutes(1),
                Duration.ofMillis(50),
                Duration.ofMillis(200),
                Duration.ofMillis(200)),
            new StratumCodec(),
            Clock.systemUTC(),
            registry);
    source.addListener(jobs::add);
    closeables.add(source);
    source.start();
    return source;
  }

  private static PoolClientSettings fast() {
    return new PoolClientSettings(
        Duration.ofSeconds(2),
        Duration.ofSeconds(2),
        Duration.ofSeconds(2),
        Duration.ofSeconds(30),
        "otedama-test/1",
        0x1fffe000,
        null);
  }

  private static PoolEndpoint endpoint(String name, ScriptedPool pool) {
    return PoolEndpoint.parse(name, pool.url(false), "farm.worker1", "x", Algorithm.SHA256D);
  }

  private SourceJob lastJob() {
    return jobs.get(jobs.size() - 1);
  }

  private UpstreamResult submitVectorShare(FailoverWorkSource source) throws Exception {
    SourceJob job = source.currentJob().orElseThrow();
    return source
        .submit(
            new UpstreamShare(
                job, "rig-1", JobVector.EXTRANONCE2, JobVector.NTIME, JobVector.NONCE, null))
        .get();
  }

  private double failovers() {
    return registry.get("otedama_pool_failovers_total").counter().count();
  }

  @Test
  void subscribesAuthorizesAndTakesJobsWithTheNegotiatedSession() throws Exception {
    ScriptedPool pool = pool();
    pool.grantedMask = "1fffe000";
    source(fast(), endpoint("primary", pool));
    await().atMost(WAIT).until(() -> !jobs.isEmpty());

    SourceJob job = lastJob();
    assertThat(job.upstreamJobId()).isEqualTo("6a1f");
    assertThat(job.session().extranonce1Hex()).isEqualTo("01000000");
    assertThat(job.session().extranonce2Size()).isEqualTo(4);
    assertThat(job.session().versionMask()).isEqualTo(0x1fffe000);
    assertThat(job.session().poolName()).isEqualTo("primary");
    assertThat(job.upstreamDifficulty()).isEqualTo(512);
    assertThat(job.cleanJobs()).isTrue();
    // configure comes first (BIP310), then subscribe, extranonce.subscribe and authorize
    assertThat(pool.received.get(0)).contains("mining.configure").contains("1fffe000");
    assertThat(pool.received.get(1)).contains("mining.subscribe").contains("otedama-test/1");
    assertThat(pool.received.get(2)).contains("mining.extranonce.subscribe");
    assertThat(pool.received.get(3)).contains("mining.authorize").contains("farm.worker1");
  }

  @Test
  void submitsUnderThePoolUserAndReportsTheAnswers() throws Exception {
    ScriptedPool pool = pool();
    FailoverWorkSource source = source(fast(), endpoint("primary", pool));
    await().atMost(WAIT).until(() -> !jobs.isEmpty());

    UpstreamResult ok = submitVectorShare(source);
    assertThat(ok.status()).isEqualTo(UpstreamResult.Status.ACCEPTED);
    assertThat(ok.pool()).isEqualTo("primary");
    String submit = pool.receivedOf("mining.submit").get(0);
    assertThat(submit)
        .contains("\"farm.worker1\"", "\"6a1f\"", "\"00000000\"", "\"647025b5\"", "\"0a029ed1\"");

    pool.submitAnswer = ScriptedPool.SubmitAnswer.REJECT_LOW_DIFFICULTY;
    UpstreamResult rejected = submitVectorShare(source);
    assertThat(rejected.status()).isEqualTo(UpstreamResult.Status.REJECTED);
    assertThat(rejected.detail()).isEqualTo("Low difficulty share");

    pool.submitAnswer = ScriptedPool.SubmitAnswer.REJECT_STALE;
    assertThat(submitVectorShare(source).status()).isEqualTo(UpstreamResult.Status.STALE);
  }

  @Test
  void followsSetExtranonceAndSetVersionMaskFromTheNextJob() throws Exception {
    ScriptedPool pool = pool();
    FailoverWorkSource source = source(fast(), endpoint("primary", pool));
    await().atMost(WAIT).until(() -> !jobs.isEmpty());
    SourceSession first = lastJob().session();

    pool.broadcast(
        "{\"id\":null,\"method\":\"mining.set_extranonce\",\"params\":[\"0badf00d\",8]}");
    pool.notifyAll("6a20", true);
    await().atMost(WAIT).until(() -> lastJob().upstreamJobId().equals("6a20"));
    SourceSession second = lastJob().session();
    assertThat(second.id()).isNotEqualTo(first.id());
    assertThat(second.extranonce1Hex()).isEqualTo("0badf00d");
    assertThat(second.extranonce2Size()).isEqualTo(8);

    // a share of the old session is not sent: its extranonce1 is gone
    UpstreamResult old =
        source
            .submit(
                new UpstreamShare(
                    jobs.get(0), "rig-1", "00000000", JobVector.NTIME, JobVector.NONCE, null))
            .get();
    assertThat(old.status()).isEqualTo(UpstreamResult.Status.STALE);

    pool.broadcast(
        "{\"id\":null,\"method\":\"mining.set_version_mask\",\"params\":[\"00ffe000\"]}");
    pool.notifyAll("6a21", false);
    await().atMost(WAIT).until(() -> lastJob().upstreamJobId().equals("6a21"));
    assertThat(lastJob().session().versionMask()).isEqualTo(0x00ffe000);
  }

  @Test
  void reconnectsToTheSamePoolAfterADrop() throws Exception {
    ScriptedPool pool = pool();
    FailoverWorkSource source = source(fast(), endpoint("primary", pool));
    await().atMost(WAIT).until(() -> !jobs.isEmpty());
    long firstSession = lastJob().session().id();
    pool.dropAll();
    await().atMost(WAIT).until(() -> lastJob().session().id() != firstSession);
    assertThat(source.activePool().orElseThrow().name()).isEqualTo("primary");
    assertThat(pool.receivedOf("mining.subscribe")).hasSize(2);
    assertThat(failovers()).isZero();
  }

  @Test
  void failsOverAfterConsecutiveRejectsAndComesBackWhenThePrimaryIsHealthy() throws Exception {
    ScriptedPool primary = pool();
    ScriptedPool backup = pool();
    backup.extranonce1 = "02000000";
    FailoverWorkSource source =
        source(fast(), endpoint("primary", primary), endpoint("backup", backup));
    await().atMost(WAIT).until(() -> !jobs.isEmpty());
    assertThat(source.activePool().orElseThrow().name()).isEqualTo("primary");

    primary.submitAnswer = ScriptedPool.SubmitAnswer.REJECT_LOW_DIFFICULTY;
    for (int i = 0; i < 3; i++) {
      assertThat(submitVectorShare(source).status()).isEqualTo(UpstreamResult.Status.REJECTED);
    }
    await().atMost(WAIT).until(() -> lastJob().session().poolName().equals("backup"));
    assertThat(lastJob().cleanJobs()).isTrue();
    assertThat(lastJob().session().extranonce1Hex()).isEqualTo("02000000");
    assertThat(failovers()).isEqualTo(1);
    assertThat(submitVectorShare(source).status()).isEqualTo(UpstreamResult.Status.ACCEPTED);
  }

  @Test
  void switchesToTheBackupWhenThePrimaryIsDownAndBackWhenItRecovers() throws Exception {
    ScriptedPool primary = pool();
    ScriptedPool backup = pool();
    primary.serving = false;
    FailoverWorkSource source =
        source(fast(), endpoint("primary", primary), endpoint("backup", backup));
    await().atMost(WAIT).until(() -> !jobs.isEmpty());
    assertThat(lastJob().session().poolName()).isEqualTo("backup");

    primary.serving = true;
    await()
        .atMost(WAIT)
        .until(() -> source.activePool().map(p -> p.name().equals("primary")).orElse(false));
    await().atMost(WAIT).until(() -> lastJob().session().poolName().equals("primary"));
    assertThat(failovers())
        .isEqualTo(1); // backup was the first pool used: only the switch back counts
    await().atMost(WAIT).until(() -> backup.connections() == 0);
  }

  @Test
  void failsOverWhenThePrimaryDropsAndCannotBeReached() throws Exception {
    ScriptedPool primary = pool();
    ScriptedPool backup = pool();
    source(fast(), endpoint("primary", primary), endpoint("backup", backup));
    await().atMost(WAIT).until(() -> !jobs.isEmpty());
    primary.serving = false;
    primary.dropAll();
    await().atMost(WAIT).until(() -> lastJob().session().poolName().equals("backup"));
    assertThat(failovers()).isEqualTo(1);
  }

  @Test
  void aSilentPoolIsTakenAsDead() throws Exception {
    ScriptedPool pool = pool();
    source(fast().withSilenceTimeout(Duration.ofMillis(500)), endpoint("primary", pool));
    await().atMost(WAIT).until(() -> !jobs.isEmpty());
    // the pool sends nothing more: after half a second the client reconnects
    await().atMost(WAIT).until(() -> pool.receivedOf("mining.subscribe").size() >= 2);
  }

  @Test
  void minesOverTls(@TempDir Path dir) throws Exception {
    TestTls tls = new TestTls(dir);
    ScriptedPool pool = new ScriptedPool(tls.server);
    closeables.add(pool);
    PoolEndpoint endpoint =
        PoolEndpoint.parse("tls", pool.url(true), "farm.worker1", "x", Algorithm.SHA256D);
    assertThat(endpoint.tls()).isTrue();
    FailoverWorkSource source = source(fast().withSslContext(tls.client), endpoint);
    await().atMost(WAIT).until(() -> !jobs.isEmpty());
    assertThat(submitVectorShare(source).isAccepted()).isTrue();
  }

  @Test
  void poolUrlsAreCheckedWithClearErrors() {
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> PoolEndpoint.parse("p", "http://pool:3333", "u", "x", Algorithm.SHA256D))
        .hasMessageContaining("stratum+tcp://");
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> PoolEndpoint.parse("p", "stratum+tcp://pool", "u", "x", Algorithm.SHA256D))
        .hasMessageContaining("host and a port");
    assertThat(
            PoolEndpoint.parse("p", "stratum+ssl://pool.example:443", "u", null, Algorithm.SHA256D)
                .url())
        .isEqualTo("stratum+ssl://pool.example:443");
  }
}
