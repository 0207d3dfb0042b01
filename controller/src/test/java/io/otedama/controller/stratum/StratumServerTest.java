package io.otedama.controller.stratum;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.otedama.controller.shares.ShareMetrics;
import io.otedama.controller.shares.ShareProcessor;
import io.otedama.controller.shares.ShareValidator;
import io.otedama.controller.support.MutableClock;
import io.otedama.controller.work.FeedSettings;
import io.otedama.controller.work.JobVector;
import io.otedama.controller.work.ManualWorkSource;
import io.otedama.controller.work.SourceJob;
import io.otedama.controller.work.SourceSession;
import io.otedama.controller.work.WorkAssignments;
import io.otedama.controller.work.WorkFeed;
import io.otedama.hashing.Algorithm;
import io.otedama.protocol.stratum.StratumCodec;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The Stratum server against line-level clients on loopback, with the real job of the shared
 * vectors: the miner in slot 0 submitting extranonce2 {@code 0000} after the server's {@code
 * 01000000 0000} extranonce1 produces the difficulty-683 share.
 */
class StratumServerTest {
  private final MutableClock clock = new MutableClock(Instant.parse("2026-05-26T12:00:00Z"));
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final ManualWorkSource sourceA = new ManualWorkSource("pool-a");
  private final ManualWorkSource sourceB = new ManualWorkSource("pool-b");
  private final WorkFeed feedA = new WorkFeed(sourceA, FeedSettings.DEFAULTS, clock);
  private final WorkFeed feedB = new WorkFeed(sourceB, FeedSettings.DEFAULTS, clock);
  private final WorkAssignments assignments =
      new WorkAssignments(g -> g != null && g == 2 ? feedB : feedA, clock, registry);
  private final RecordingShareSink sink = new RecordingShareSink();
  private final InMemoryStratumRigRegistry rigs =
      new InMemoryStratumRigRegistry().account("alice", null).account("bob", 2L);
  private final List<AutoCloseable> closeables = new ArrayList<>();
  private StratumServer server;

  private void start(StratumServerSettings settings) throws IOException {
    issue(sourceA, new SourceSession(1, "pool-a", "01000000", 4, 0x1fffe000), "a-1", true);
    issue(sourceB, new SourceSession(1, "pool-b", "02000000", 4, 0x1fffe000), "b-1", true);
    ShareProcessor processor =
        new ShareProcessor(
            new ShareValidator(Duration.ofSeconds(5), Duration.ofSeconds(10)),
            assignments,
            sink,
            new ShareMetrics(registry, clock),
            clock);
    server =
        new StratumServer(
            settings,
            new StratumCodec(),
            assignments,
            g -> g != null && g == 2 ? feedB : feedA,
            processor,
            rigs,
            clock,
            registry);
    server.start();
  }

  private void start() throws IOException {
    start(
        StratumServerSettings.defaults()
            .withPort(0)
            .withHost("127.0.0.1")
            .withStartDifficulty(683));
  }

  private void issue(ManualWorkSource source, SourceSession session, String id, boolean clean) {
    source.issue(
        SourceJob.of(
            JobVector.notify(id, clean), session, Algorithm.SHA256D, 512, clock.instant()));
  }

  @AfterEach
  void tearDown() throws Exception {
    for (AutoCloseable c : closeables) {
      c.close();
    }
    if (server != null) {
      server.close();
    }
  }

  private RawStratumClient client() throws IOException {
    RawStratumClient c = new RawStratumClient(server.port());
    closeables.add(c);
    return c;
  }

  /** Subscribes and authorizes; returns the local job id of the first notify. */
  private String login(RawStratumClient c, String user, String password, boolean extranonce)
      throws Exception {
    c.send("{\"id\":1,\"method\":\"mining.subscribe\",\"params\":[\"test/1\"]}");
    c.nextContaining("\"id\":1");
    if (extranonce) {
      c.send("{\"id\":2,\"method\":\"mining.extranonce.subscribe\",\"params\":[]}");
      c.nextContaining("\"id\":2");
    }
    c.send(
        "{\"id\":3,\"method\":\"mining.authorize\",\"params\":[\""
            + user
            + "\",\""
            + password
            + "\"]}");
    assertThat(c.nextContaining("\"id\":3")).contains("\"result\":true");
    return jobIdOf(c.nextContaining("mining.notify"));
  }

  private static String jobIdOf(String notify) {
    int start = notify.indexOf("\"params\":[\"") + 11;
    return notify.substring(start, notify.indexOf('"', start));
  }

  private static String submit(long id, String user, String job, String en2) {
    return "{\"id\":"
        + id
        + ",\"method\":\"mining.submit\",\"params\":[\""
        + user
        + "\",\""
        + job
        + "\",\""
        + en2
        + "\",\""
        + JobVector.NTIME
        + "\",\""
        + JobVector.NONCE
        + "\"]}";
  }

  private double disconnects(String reason) {
    return registry
        .get("otedama_stratum_disconnects_total")
        .tag("reason", reason)
        .counter()
        .count();
  }

  @Test
  void minesTheVectorShareThroughTheWholeHandshake() throws Exception {
    start();
    RawStratumClient c = client();
    c.send(
        "{\"id\":0,\"method\":\"mining.configure\",\"params\":[[\"version-rolling\",\"minimum-difficulty\"],{\"version-rolling.mask\":\"ffffffff\",\"version-rolling.min-bit-count\":2}]}");
    String configured = c.next();
    assertThat(configured)
        .contains(
            "\"version-rolling\":true",
            "\"version-rolling.mask\":\"1fffe000\"",
            "\"minimum-difficulty\":false");
    c.send("{\"id\":1,\"method\":\"mining.subscribe\",\"params\":[\"cgminer/4.12.0\"]}");
    String subscribed = c.next();
    assertThat(subscribed).contains("\"010000000000\",2]").contains("mining.notify");
    c.send("{\"id\":3,\"method\":\"mining.authorize\",\"params\":[\"alice.rig1\",\"x\"]}");
    assertThat(c.next()).isEqualTo("{\"id\":3,\"result\":true,\"error\":null}");
    assertThat(c.next()).contains("mining.set_difficulty").contains("[683]");
    String notify = c.next();
    assertThat(notify).contains("mining.notify").contains(JobVector.COINB1);
    String job = jobIdOf(notify);

    c.send(submit(10, "alice.rig1", job, "0000"));
    assertThat(c.nextContaining("\"id\":10")).contains("\"result\":true");
    assertThat(sink.accepted).hasSize(1);
    assertThat(sink.accepted.get(0).rigId()).isEqualTo("s-alice-rig1");
    assertThat(sink.accepted.get(0).account()).isEqualTo("alice");
    assertThat(sink.accepted.get(0).worker()).isEqualTo("alice.rig1");
    assertThat(sink.accepted.get(0).upstream()).isTrue();
    assertThat(sourceA.submitted).hasSize(1);
    assertThat(sourceA.submitted.get(0).extranonce2()).isEqualTo("00000000");
    assertThat(sourceA.submitted.get(0).job().upstreamJobId()).isEqualTo("a-1");

    c.send(submit(11, "alice.rig1", job, "0000"));
    assertThat(c.nextContaining("\"id\":11")).contains("[22,");
    c.send(submit(12, "alice.rig1", "nope", "0000"));
    assertThat(c.nextContaining("\"id\":12")).contains("[21,");
    c.send(submit(13, "mallory.rig1", job, "0000"));
    assertThat(c.nextContaining("\"id\":13")).contains("[24,");
    c.send(submit(14, "alice.rig1", job, "00"));
    assertThat(c.nextContaining("\"id\":14")).contains("[20,").contains("extranonce2");
  }

  @Test
  void aPasswordDifficultyFixesTheConnectionsDifficulty() throws Exception {
    start();
    RawStratumClient c = client();
    c.send("{\"id\":1,\"method\":\"mining.subscribe\",\"params\":[]}");
    c.next();
    c.send("{\"id\":3,\"method\":\"mining.authorize\",\"params\":[\"alice.hi\",\"x,d=684\"]}");
    c.nextContaining("\"id\":3");
    assertThat(c.nextContaining("set_difficulty")).contains("[684]");
    String job = jobIdOf(c.nextContaining("mining.notify"));
    c.send(submit(10, "alice.hi", job, "0000"));
    assertThat(c.nextContaining("\"id\":10")).contains("[23,");

    RawStratumClient cpu = client();
    cpu.send("{\"id\":1,\"method\":\"mining.subscribe\",\"params\":[]}");
    cpu.next();
    cpu.send("{\"id\":3,\"method\":\"mining.authorize\",\"params\":[\"alice.cpu\",\"d=0.0001\"]}");
    String set = cpu.nextContaining("set_difficulty");
    double fixed = Double.parseDouble(set.substring(set.indexOf('[') + 1, set.indexOf(']')));
    assertThat(fixed).isEqualTo(0.0001);
    // a fixed difficulty does not move with vardiff
    clock.advance(Duration.ofMinutes(1));
    assignments.retargetAll();
    cpu.send("{\"id\":4,\"method\":\"mining.suggest_difficulty\",\"params\":[5]}");
    assertThat(cpu.nextContaining("\"id\":4")).contains("true");
    assertThat(
            assignments.all().stream()
                .filter(r -> r.rigId().equals("s-alice-cpu"))
                .findFirst()
                .orElseThrow()
                .vardiff()
                .difficulty())
        .isEqualTo(0.0001);
  }

  @Test
  void vardiffRetargetsAConnectionAndTellsTheMiner() throws Exception {
    start();
    RawStratumClient c = client();
    login(c, "alice.slow", "x", false);
    clock.advance(Duration.ofSeconds(30));
    assertThat(assignments.retargetAll()).isEqualTo(1);
    assertThat(c.nextContaining("set_difficulty")).contains("[170.75]");
    assertThat(c.nextContaining("mining.notify")).contains(JobVector.COINB2);
  }

  @Test
  void refusesWhatComesOutOfOrderOrFromStrangers() throws Exception {
    start();
    RawStratumClient c = client();
    c.send(submit(5, "alice.rig1", "1", "0000"));
    assertThat(c.next()).contains("[25,");
    c.send("{\"id\":6,\"method\":\"mining.authorize\",\"params\":[\"mallory.rig\",\"x\"]}");
    assertThat(c.next()).contains("[24,");
    c.send("{\"id\":7,\"method\":\"mining.get_transactions\",\"params\":[]}");
    assertThat(c.next()).contains("[20,").contains("not supported");
    assertThat(c.ended()).isFalse();
  }

  @Test
  void badJsonGetsAnErrorAndRepeatedBadJsonADisconnect() throws Exception {
    start();
    RawStratumClient c = client();
    for (int i = 0; i < 4; i++) {
      c.send("this is not json");
      assertThat(c.next()).contains("\"id\":null").contains("[20,");
    }
    c.send("{\"id\":1,\"method\":\"mining.subscribe\",\"params\":[]}");
    assertThat(c.next()).contains("\"id\":1"); // a good line resets the count
    for (int i = 0; i < 5; i++) {
      c.send("{oops");
    }
    await().atMost(Duration.ofSeconds(10)).until(c::ended);
    assertThat(disconnects("bad_messages")).isEqualTo(1);
  }

  @Test
  void aFloodingMinerIsCutOff() throws Exception {
    start(
        StratumServerSettings.defaults()
            .withPort(0)
            .withHost("127.0.0.1")
            .withLimits(5, 5, 5, 1000, Duration.ofMinutes(1)));
    RawStratumClient c = client();
    StringBuilder burst = new StringBuilder();
    for (int i = 0; i < 200; i++) {
      burst.append("{\"id\":").append(i).append(",\"method\":\"mining.extranonce.subscribe\"}\n");
    }
    c.send(burst.toString());
    await().atMost(Duration.ofSeconds(10)).until(c::ended);
    assertThat(disconnects("rate_limit")).isEqualTo(1);
  }

  @Test
  void aMinerThatDoesNotReadIsDroppedWithoutHoldingUpTheOthers() throws Exception {
    start(
        StratumServerSettings.defaults()
            .withPort(0)
            .withHost("127.0.0.1")
            .withStartDifficulty(683)
            .withLimits(50, 200, 5, 64, Duration.ofMinutes(1)));
    Socket stuck = new Socket();
    closeables.add(stuck);
    stuck.setReceiveBufferSize(4096);
    stuck.connect(new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), server.port()));
    OutputStream out = stuck.getOutputStream();
    out.write(
        ("{\"id\":1,\"method\":\"mining.subscribe\",\"params\":[]}\n"
                + "{\"id\":3,\"method\":\"mining.authorize\",\"params\":[\"alice.stuck\",\"x\"]}\n")
            .getBytes(StandardCharsets.UTF_8));
    out.flush();
    RawStratumClient healthy = client();
    login(healthy, "alice.ok", "x", false);
    await().atMost(Duration.ofSeconds(10)).until(() -> server.connectionCount() == 2);

    // jobs pile up for the stuck miner until its queue overflows; the healthy one gets every job
    // as it is issued
    for (int i = 0; i < 5000 && disconnects("slow_reader") == 0; i++) {
      issue(
          sourceA,
          new SourceSession(1, "pool-a", "01000000", 4, 0x1fffe000),
          "a-" + (i + 2),
          false);
      String localId = feedA.current().orElseThrow().id();
      assertThat(jobIdOf(healthy.nextContaining("mining.notify"))).isEqualTo(localId);
    }
    await().atMost(Duration.ofSeconds(20)).until(() -> disconnects("slow_reader") == 1);
    assertThat(healthy.ended()).isFalse();
    InputStream in = stuck.getInputStream();
    assertThat(in).isNotNull();
  }

  @Test
  void silentConnectionsAreClosed() throws Exception {
    start(
        StratumServerSettings.defaults()
            .withPort(0)
            .withHost("127.0.0.1")
            .withLimits(50, 200, 5, 1000, Duration.ofMillis(800)));
    RawStratumClient idle = client();
    login(idle, "alice.idle", "x", false);
    await().atMost(Duration.ofSeconds(10)).until(idle::ended);
    assertThat(disconnects("idle")).isEqualTo(1);

    RawStratumClient lurker = client();
    lurker.send("{\"id\":1,\"method\":\"mining.subscribe\",\"params\":[]}");
    lurker.next();
    clock.advance(Duration.ofSeconds(61));
    await().atMost(Duration.ofSeconds(10)).until(lurker::ended);
    assertThat(disconnects("handshake_timeout")).isEqualTo(1);
  }

  @Test
  void aNewUpstreamSessionReachesMinersAsSetExtranonceOrAReconnect() throws Exception {
    start();
    RawStratumClient modern = client();
    login(modern, "alice.modern", "x", true);
    RawStratumClient old = client();
    login(old, "alice.old", "x", false);

    issue(sourceA, new SourceSession(2, "pool-a", "0a0b0c0d", 4, 0x1fffe000), "a-9", true);
    assertThat(modern.nextContaining("set_extranonce")).contains("[\"0a0b0c0d0000\",2]");
    assertThat(modern.nextContaining("mining.notify")).contains("true]}");
    await().atMost(Duration.ofSeconds(10)).until(old::ended);
    assertThat(disconnects("extranonce_changed")).isEqualTo(1);
  }

  @Test
  void aMinerOfAGroupWithAnotherProfileMovesThereAfterAuthorize() throws Exception {
    start();
    RawStratumClient bob = client();
    bob.send("{\"id\":1,\"method\":\"mining.subscribe\",\"params\":[]}");
    assertThat(bob.next()).contains("\"010000000000\",2]"); // the default profile first
    bob.send("{\"id\":2,\"method\":\"mining.extranonce.subscribe\",\"params\":[]}");
    bob.next();
    bob.send("{\"id\":3,\"method\":\"mining.authorize\",\"params\":[\"bob.rig\",\"x\"]}");
    bob.nextContaining("\"id\":3");
    assertThat(bob.nextContaining("set_extranonce")).contains("[\"020000000000\",2]");
    String notify = bob.nextContaining("mining.notify");
    assertThat(feedB.find(jobIdOf(notify))).isPresent();
    bob.send(submit(9, "bob.rig", jobIdOf(notify), "0000"));
    assertThat(bob.nextContaining("\"id\":9")).contains("[23,"); // other extranonce1: another hash

    RawStratumClient legacy = client();
    legacy.send("{\"id\":1,\"method\":\"mining.subscribe\",\"params\":[]}");
    legacy.next();
    legacy.send("{\"id\":3,\"method\":\"mining.authorize\",\"params\":[\"bob.legacy\",\"x\"]}");
    legacy.nextContaining("\"id\":3");
    String stays = legacy.nextContaining("mining.notify");
    assertThat(feedA.find(jobIdOf(stays))).isPresent();
  }

  @Test
  void onASessionWithoutRoomInExtranonce2EachMinerGetsItsOwnNtime() throws Exception {
    start();
    // one byte of extranonce2 and no version rolling: only ntime windows can tell miners apart
    issue(sourceA, new SourceSession(2, "pool-a", "0a0b0c0d", 1, 0), "a-2", true);
    Set<String> ntimes = new HashSet<>();
    for (String worker : List.of("alice.t1", "alice.t2", "alice.t3")) {
      RawStratumClient c = client();
      c.send("{\"id\":1,\"method\":\"mining.subscribe\",\"params\":[]}");
      assertThat(c.nextContaining("\"id\":1")).contains("\"0a0b0c0d\"");
      c.send("{\"id\":3,\"method\":\"mining.authorize\",\"params\":[\"" + worker + "\",\"x\"]}");
      assertThat(c.nextContaining("\"id\":3")).contains("\"result\":true");
      var params =
          new com.fasterxml.jackson.databind.ObjectMapper()
              .readTree(c.nextContaining("mining.notify"))
              .path("params");
      ntimes.add(params.get(7).asText());
    }
    int jobNtime = Integer.parseUnsignedInt(JobVector.NTIME, 16);
    assertThat(ntimes)
        .containsExactlyInAnyOrder(
            io.otedama.hashing.Hex.encodeInt32(jobNtime),
            io.otedama.hashing.Hex.encodeInt32(jobNtime + 1),
            io.otedama.hashing.Hex.encodeInt32(jobNtime + 2));
  }

  @Test
  void everyConnectionGetsItsOwnExtranonce1() throws Exception {
    start();
    Set<String> extranonces = new HashSet<>();
    List<RawStratumClient> clients = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      RawStratumClient c = client();
      clients.add(c);
      c.send("{\"id\":1,\"method\":\"mining.subscribe\",\"params\":[]}");
    }
    for (RawStratumClient c : clients) {
      String result = c.next();
      int start = result.indexOf("]],\"") + 4;
      extranonces.add(result.substring(start, result.indexOf('"', start)));
    }
    assertThat(extranonces).hasSize(300);
    assertThat(server.connectionCount()).isEqualTo(300);
    for (RawStratumClient c : clients) {
      c.close();
    }
    await().atMost(Duration.ofSeconds(10)).until(() -> server.connectionCount() == 0);
    assertThat(feedA.rigCount()).isZero();
  }
}
