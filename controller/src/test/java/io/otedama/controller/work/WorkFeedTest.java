package io.otedama.controller.work;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.otedama.controller.support.MutableClock;
import io.otedama.hashing.Algorithm;
import io.otedama.protocol.message.WorkAssignmentMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class WorkFeedTest {
  private final MutableClock clock = new MutableClock(Instant.parse("2026-05-26T12:00:00Z"));
  private final ManualWorkSource source = new ManualWorkSource("pool-a");
  private final SourceSession session = new SourceSession(1, "pool-a", "01000000", 4, 0x1fffe000);

  private SourceJob job(String upstreamId, boolean clean, SourceSession s) {
    return SourceJob.of(
        JobVector.notify(upstreamId, clean), s, Algorithm.SHA256D, 1024, clock.instant());
  }

  private RigWork rig(String id, Long group, WorkSubscriber subscriber) {
    return new RigWork(
        id,
        id,
        null,
        RigWork.Kind.AGENT,
        group,
        Vardiff.variable(VardiffSettings.DEFAULTS, 1, clock.instant()),
        subscriber);
  }

  @Test
  void fansEachJobOutToEveryRigWithItsOwnPrefix() throws Exception {
    WorkFeed feed = new WorkFeed(source, FeedSettings.DEFAULTS, clock);
    List<WorkAssignmentMessage> published = new CopyOnWriteArrayList<>();
    Map<String, WorkAssignmentMessage> byRig = new HashMap<>();
    AgentAssignments agents =
        new AgentAssignments(
            (rigId, m) -> {
              published.add(m);
              byRig.put(rigId, m);
            },
            clock);
    for (int i = 0; i < 100; i++) {
      feed.attach(rig("rig-" + i, null, agents));
    }
    assertThat(published).isEmpty(); // no job yet
    source.issue(job("upstream-1", true, session));
    assertThat(published).hasSize(100);
    assertThat(byRig.values().stream().map(WorkAssignmentMessage::extranonce2Prefix).distinct())
        .hasSize(100);
    WorkAssignmentMessage m = byRig.get("rig-5");
    assertThat(m.extranonce2Prefix()).isEqualTo("0005");
    assertThat(m.extranonce2Size()).isEqualTo(4);
    assertThat(m.extranonce1()).isEqualTo("01000000");
    assertThat(m.versionMask()).isEqualTo("1fffe000");
    assertThat(m.job().jobId()).isEqualTo(feed.current().orElseThrow().id());
    assertThat(m.job().coinb1()).isEqualTo(JobVector.COINB1);
    assertThat(m.source()).isEqualTo("pool-a");

    // a rig joining later gets the current job at once
    feed.attach(rig("late", null, agents));
    assertThat(byRig.get("late").extranonce2Prefix()).isEqualTo("0064");
  }

  @Test
  void localJobIdsAreUniqueEvenWhenUpstreamIdsRepeat() {
    WorkFeed feed = new WorkFeed(source, FeedSettings.DEFAULTS, clock);
    source.issue(job("same", true, session));
    String first = feed.current().orElseThrow().id();
    source.issue(job("same", true, new SourceSession(2, "pool-b", "02000000", 4, 0)));
    String second = feed.current().orElseThrow().id();
    assertThat(first).isNotEqualTo(second);
    assertThat(feed.find(first).orElseThrow().supersededAt()).isNotNull();
    assertThat(feed.find(second).orElseThrow().source().session().poolName()).isEqualTo("pool-b");
  }

  @Test
  void forgetsSupersededJobsAfterTheRetentionAndKeepsAtMostMaxJobs() {
    FeedSettings settings = new FeedSettings(1024, 2, 4, 3, Duration.ofMinutes(2), 1024);
    WorkFeed feed = new WorkFeed(source, settings, clock);
    source.issue(job("a", true, session));
    String a = feed.current().orElseThrow().id();
    source.issue(job("b", true, session));
    clock.advance(Duration.ofMinutes(3));
    source.issue(job("c", false, session));
    assertThat(feed.find(a)).isEmpty();
    source.issue(job("d", false, session));
    source.issue(job("e", false, session));
    source.issue(job("f", false, session));
    assertThat(feed.find(feed.current().orElseThrow().id())).isPresent();
    long known =
        List.of("1", "2", "3", "4", "5", "6").stream()
            .filter(id -> feed.find(id).isPresent())
            .count();
    assertThat(known).isEqualTo(3);
  }

  @Test
  void refusesRigsBeyondTheSessionsSlices() throws Exception {
    WorkFeed feed = new WorkFeed(source, FeedSettings.DEFAULTS.withMaxNtimeWindowBits(0), clock);
    source.issue(job("a", true, new SourceSession(1, "tiny", "", 1, 0)));
    RecordingSubscriber sub = new RecordingSubscriber();
    feed.attach(rig("only", null, sub));
    assertThatThrownBy(() -> feed.attach(rig("second", null, sub)))
        .isInstanceOf(SliceExhaustedException.class)
        .hasMessageContaining("add an upstream session");
    feed.detach(feed.rigs().iterator().next());
    feed.attach(rig("second", null, sub));
    assertThat(feed.rigCount()).isEqualTo(1);
  }

  @Test
  void ntimeWindowsMakeRoomWhereTheExtranonce2HasNone() throws Exception {
    WorkFeed feed = new WorkFeed(source, FeedSettings.DEFAULTS.withMaxNtimeWindowBits(2), clock);
    source.issue(job("a", true, new SourceSession(1, "tiny", "", 1, 0)));
    RecordingSubscriber sub = new RecordingSubscriber();
    for (int i = 0; i < 4; i++) {
      feed.attach(rig("r" + i, null, sub));
    }
    assertThat(sub.deliveries).hasSize(4);
    assertThat(sub.deliveries.stream().map(d -> d.slice().ntimeOffset()).distinct())
        .containsExactlyInAnyOrder(0, 1, 2, 3);
    assertThatThrownBy(() -> feed.attach(rig("fifth", null, sub)))
        .isInstanceOf(SliceExhaustedException.class);
  }

  @Test
  void movesAGroupsRigsToTheirNewProfileAtOnce() throws Exception {
    ManualWorkSource other = new ManualWorkSource("pool-b");
    WorkFeed feedA = new WorkFeed(source, FeedSettings.DEFAULTS, clock);
    WorkFeed feedB = new WorkFeed(other, FeedSettings.DEFAULTS, clock);
    source.issue(job("a", true, session));
    other.issue(job("b", true, new SourceSession(7, "pool-b", "0a0b0c0d", 4, 0)));
    Map<Long, WorkFeed> profileOfGroup = new HashMap<>(Map.of(1L, feedA, 2L, feedA));
    WorkAssignments assignments =
        new WorkAssignments(
            g -> profileOfGroup.getOrDefault(g, feedA), clock, new SimpleMeterRegistry());
    RecordingSubscriber sub = new RecordingSubscriber();
    assignments.assign(rig("g1-a", 1L, sub));
    assignments.assign(rig("g1-b", 1L, sub));
    assignments.assign(rig("g2-a", 2L, sub));
    assertThat(feedA.rigCount()).isEqualTo(3);

    profileOfGroup.put(1L, feedB);
    assertThat(assignments.moveGroup(1L)).isEqualTo(2);
    assertThat(feedA.rigCount()).isEqualTo(1);
    assertThat(feedB.rigCount()).isEqualTo(2);
    assertThat(sub.last().job().session().poolName()).isEqualTo("pool-b");
    assertThat(assignments.find("g1-a").orElseThrow().feed()).isSameAs(feedB);
  }

  @Test
  void aRetargetDeliversTheJobAgainAtTheNewDifficulty() throws Exception {
    WorkFeed feed = new WorkFeed(source, FeedSettings.DEFAULTS, clock);
    source.issue(job("a", true, session));
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    WorkAssignments assignments = new WorkAssignments(g -> feed, clock, registry);
    RecordingSubscriber sub = new RecordingSubscriber();
    RigWork rig = assignments.assign(rig("r", null, sub));
    assertThat(sub.deliveries).hasSize(1);
    clock.advance(Duration.ofSeconds(30));
    assertThat(assignments.retargetAll()).isEqualTo(1); // no share in 30 s: difficulty / 4
    assertThat(sub.deliveries).hasSize(2);
    assertThat(sub.last().difficulty()).isEqualTo(0.25);
    assertThat(rig.vardiff().difficulty()).isEqualTo(0.25);
    assertThat(registry.get("otedama_vardiff_difficulty").summary().count()).isEqualTo(1);
  }

  @Test
  void aVersionWindowRigGetsItsOwnJobVersion() throws Exception {
    WorkFeed feed = new WorkFeed(source, FeedSettings.DEFAULTS.withPlannedRigs(1024), clock);
    source.issue(job("a", true, new SourceSession(1, "small", "01000000", 1, 0x1fffe000)));
    List<WorkAssignmentMessage> out = new CopyOnWriteArrayList<>();
    AgentAssignments agents = new AgentAssignments((id, m) -> out.add(m), clock);
    for (int i = 0; i < 257; i++) {
      feed.attach(rig("r" + i, null, agents));
    }
    WorkAssignmentMessage first = out.get(0);
    WorkAssignmentMessage beyond = out.get(256); // slot 256: prefix 00 again, window bit set
    assertThat(first.extranonce2Prefix()).isEmpty(); // 1-byte extranonce2: the rig keeps it
    assertThat(beyond.job().version()).isNotEqualTo(first.job().version());
    assertThat(beyond.versionMask()).isNotEqualTo("1fffe000");
  }

  @Test
  void aFailedPublishIsCountedAndTheFanOutGoesOnWhileEveryJobIsTimed() throws Exception {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    WorkMetrics metrics = new WorkMetrics(registry);
    WorkFeed feed = new WorkFeed(source, FeedSettings.DEFAULTS, clock, metrics.fanout("pool-a"));
    List<String> published = new CopyOnWriteArrayList<>();
    AgentAssignments agents =
        new AgentAssignments(
            (rigId, m) -> {
              if (rigId.equals("broken")) {
                throw new IllegalStateException("publishing work to broken failed");
              }
              published.add(rigId);
            },
            clock,
            metrics);
    feed.attach(rig("a", null, agents));
    feed.attach(rig("broken", null, agents));
    feed.attach(rig("b", null, agents));
    source.issue(job("upstream-1", true, session));
    source.issue(job("upstream-2", true, session));

    assertThat(published).containsExactlyInAnyOrder("a", "b", "a", "b");
    assertThat(registry.get("otedama_work_publish_failed_total").counter().count()).isEqualTo(2);
    assertThat(registry.get("otedama_work_fanout_seconds").tag("profile", "pool-a").timer().count())
        .isEqualTo(2);

    metrics.blockFound("local");
    assertThat(registry.get("otedama_blocks_found_total").tag("profile", "local").counter().count())
        .isEqualTo(1);
  }

  /** The job each rig received last. */
  private static Map<String, String> lastJobByRig(RecordingSubscriber sub) {
    Map<String, String> last = new HashMap<>();
    for (RecordingSubscriber.Delivery d : sub.deliveries) {
      last.put(d.rig().key(), d.job().id());
    }
    return last;
  }

  @Test
  void spreadsAnUpdateJobOverTimeAndStillReachesEveryRig() throws Exception {
    // 100 rigs a second: one rig per 10 ms tick, so 200 rigs take about 2 s
    WorkFeed feed = new WorkFeed(source, FeedSettings.DEFAULTS.withUpdateFanoutRate(100), clock);
    RecordingSubscriber sub = new RecordingSubscriber();
    for (int i = 0; i < 200; i++) {
      feed.attach(rig("r" + i, null, sub));
    }
    source.issue(job("a", true, session));
    String a = feed.current().orElseThrow().id();
    assertThat(lastJobByRig(sub))
        .hasSize(200)
        .allSatisfy((rig, job) -> assertThat(job).isEqualTo(a));

    source.issue(job("b", false, session));
    String b = feed.current().orElseThrow().id();
    long onB = lastJobByRig(sub).values().stream().filter(b::equals).count();
    assertThat(onB).as("the first slice goes at once, the rest later").isBetween(1L, 199L);
    // the rigs not reached yet keep mining a, which is still valid
    assertThat(feed.find(a).orElseThrow().supersededAt()).isNull();
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(() -> assertThat(lastJobByRig(sub).values()).hasSize(200).containsOnly(b));
    assertThat(sub.deliveries).hasSize(400); // each rig got each job once
  }

  @Test
  void aCleanJobDuringASpreadUpdateLeavesNoRigOnOlderWork() throws Exception {
    WorkFeed feed = new WorkFeed(source, FeedSettings.DEFAULTS.withUpdateFanoutRate(100), clock);
    RecordingSubscriber sub = new RecordingSubscriber();
    for (int i = 0; i < 50; i++) {
      feed.attach(rig("r" + i, null, sub));
    }
    source.issue(job("a", true, session));
    source.issue(job("b", false, session)); // spread over about half a second
    source.issue(job("c", true, session)); // a new block: every rig at once
    String c = feed.current().orElseThrow().id();
    assertThat(lastJobByRig(sub).values()).hasSize(50).containsOnly(c);
    // the spread of b stops: no rig is sent back to b, during and after its would-be end
    await()
        .during(Duration.ofSeconds(1))
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(() -> assertThat(lastJobByRig(sub).values()).containsOnly(c));
  }

  @Test
  void aRigNeverGoesBackToAnOlderJobOfItsFeed() throws Exception {
    WorkFeed feed = new WorkFeed(source, FeedSettings.DEFAULTS, clock);
    RecordingSubscriber sub = new RecordingSubscriber();
    RigWork r = rig("r", null, sub);
    feed.attach(r);
    source.issue(job("a", true, session));
    IssuedJob a = feed.current().orElseThrow();
    source.issue(job("b", false, session));
    IssuedJob b = feed.current().orElseThrow();
    assertThat(sub.last().job()).isSameAs(b);
    r.deliver(feed, a); // a late delivery of the older job, as a racing retarget would make
    assertThat(sub.last().job()).isSameAs(b);
    assertThat(r.lastJob()).isSameAs(b);
    r.redeliver(); // a difficulty change sends the latest job again
    assertThat(sub.deliveries).hasSize(3);
    assertThat(sub.last().job()).isSameAs(b);
    // nor does a feed the rig has left reach it
    WorkFeed other = new WorkFeed(new ManualWorkSource("pool-b"), FeedSettings.DEFAULTS, clock);
    r.deliver(other, a);
    assertThat(sub.deliveries).hasSize(3);
  }
}
