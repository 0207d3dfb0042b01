package io.otedama.controller.shares;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.otedama.controller.support.MigratedDatabase;
import io.otedama.controller.support.MutableClock;
import io.otedama.controller.work.FeedSettings;
import io.otedama.controller.work.JobVector;
import io.otedama.controller.work.ManualWorkSource;
import io.otedama.controller.work.RecordingSubscriber;
import io.otedama.controller.work.RigWork;
import io.otedama.controller.work.SourceJob;
import io.otedama.controller.work.SourceSession;
import io.otedama.controller.work.UpstreamResult;
import io.otedama.controller.work.Vardiff;
import io.otedama.controller.work.VardiffSettings;
import io.otedama.controller.work.WorkAssignments;
import io.otedama.controller.work.WorkFeed;
import io.otedama.hashing.Algorithm;
import io.otedama.protocol.message.Share;
import io.otedama.protocol.message.ShareBatchMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The share path into real PostgreSQL: log, idempotent replay, upstream answers, counts, summary.
 */
class ShareLogTest {
  private final MutableClock clock = new MutableClock(Instant.parse("2026-05-26T12:10:00Z"));
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private Jdbi jdbi;
  private ShareLogWriter writer;
  private ShareProcessor processor;
  private ManualWorkSource source;
  private WorkFeed feed;
  private WorkAssignments assignments;
  private ShareMetrics metrics;

  @BeforeEach
  void setUp() throws Exception {
    jdbi = MigratedDatabase.create();
    writer = new ShareLogWriter(jdbi, clock, registry, 1000, Duration.ofMillis(50), 100_000);
    source = new ManualWorkSource("pool-a");
    feed = new WorkFeed(source, FeedSettings.DEFAULTS, clock);
    source.issue(
        SourceJob.of(
            JobVector.notify("6a1f", true),
            new SourceSession(1, "pool-a", JobVector.EXTRANONCE1, 4, 0),
            Algorithm.SHA256D,
            512,
            clock.instant()));
    assignments = new WorkAssignments(g -> feed, clock, registry);
    metrics = new ShareMetrics(registry, clock);
    processor =
        new ShareProcessor(
            new ShareValidator(Duration.ofSeconds(5), Duration.ofSeconds(10)),
            assignments,
            writer,
            metrics,
            clock);
    assignments.assign(
        new RigWork(
            "rig-a",
            "rig-a",
            "alice",
            RigWork.Kind.AGENT,
            null,
            Vardiff.variable(VardiffSettings.DEFAULTS, 600, clock.instant()),
            new RecordingSubscriber()));
  }

  @AfterEach
  void tearDown() {
    writer.close();
  }

  private ShareBatchMessage batch(String... shareIds) {
    String job = feed.current().orElseThrow().id();
    List<Share> shares = new ArrayList<>();
    for (String id : shareIds) {
      shares.add(
          new Share(
              id,
              job,
              JobVector.EXTRANONCE2,
              JobVector.NTIME,
              JobVector.NONCE,
              null,
              683.5,
              null,
              null));
    }
    return new ShareBatchMessage(clock.millis(), shares);
  }

  private long rows(String sql) {
    return jdbi.withHandle(h -> h.createQuery(sql).mapTo(Long.class).one());
  }

  @Test
  void acceptedSharesAreLoggedOnceEvenWhenTheBatchIsReplayed() {
    List<ShareVerdict> first = processor.ingest("rig-a", batch("rig-a:1"));
    assertThat(first.get(0).accepted()).isTrue();
    assertThat(writer.flush()).isEqualTo(1);

    // the agent replays the batch from its spool: the validator calls it a duplicate, and even a
    // row that got through again would be absorbed by the (rig_id, share_id) key
    List<ShareVerdict> replay = processor.ingest("rig-a", batch("rig-a:1"));
    assertThat(replay.get(0).reason()).isEqualTo(RejectReason.DUPLICATE);
    writer.append(
        new AcceptedShare(
            "rig-a",
            "rig-a:1",
            "alice",
            null,
            "pool-a",
            "pool-a",
            "6a1f",
            600,
            683.5,
            true,
            false,
            clock.instant()));
    writer.flush();

    assertThat(rows("SELECT count(*) FROM shares")).isEqualTo(1);
    Map<String, Object> row =
        jdbi.withHandle(h -> h.createQuery("SELECT * FROM shares").mapToMap().one());
    assertThat(row)
        .containsEntry("rig_id", "rig-a")
        .containsEntry("share_id", "rig-a:1")
        .containsEntry("account", "alice")
        .containsEntry("source", "pool-a")
        .containsEntry("pool", "pool-a")
        .containsEntry("job_id", "6a1f")
        .containsEntry("difficulty", 600.0)
        .containsEntry("upstream", true)
        .containsEntry("block", false);
    assertThat((Double) row.get("share_difficulty")).isBetween(683.5, 683.6);
  }

  @Test
  void theUpstreamAnswerIsRecordedAndCounted() {
    source.answerWith(
        new UpstreamResult(UpstreamResult.Status.REJECTED, "pool-a", "Low difficulty share"));
    processor.ingest("rig-a", batch("rig-a:7"));
    assertThat(source.submitted).hasSize(1);
    assertThat(source.submitted.get(0).worker()).isEqualTo("rig-a");
    assertThat(source.submitted.get(0).extranonce2()).isEqualTo("00000000");
    writer.flush();
    Map<String, Object> answer =
        jdbi.withHandle(
            h -> h.createQuery("SELECT * FROM share_upstream_results").mapToMap().one());
    assertThat(answer)
        .containsEntry("share_id", "rig-a:7")
        .containsEntry("pool", "pool-a")
        .containsEntry("result", "rejected")
        .containsEntry("detail", "Low difficulty share");
    assertThat(
            registry
                .get("otedama_pool_shares_total")
                .tag("pool", "pool-a")
                .tag("result", "rejected")
                .counter()
                .count())
        .isEqualTo(1);
  }

  @Test
  void countsEveryOutcomeInMetricsAndTheSummary() {
    processor.ingest("rig-a", batch("a", "b")); // accepted, then duplicate
    ShareBatchMessage bad =
        new ShareBatchMessage(
            clock.millis(),
            List.of(
                new Share(
                    "c", "nope", "00000000", JobVector.NTIME, JobVector.NONCE, null, 1, null, null),
                new Share(
                    "d",
                    feed.current().orElseThrow().id(),
                    "00000000",
                    JobVector.NTIME,
                    "00000000",
                    null,
                    1,
                    null,
                    null)));
    processor.ingest("rig-a", bad); // job_not_found, low_difficulty
    processor.ingest("rig-ghost", batch("e")); // no work: unauthorized
    writer.flush();

    assertThat(count("accepted", "none")).isEqualTo(1);
    assertThat(count("rejected", "duplicate")).isEqualTo(1);
    assertThat(count("rejected", "job_not_found")).isEqualTo(1);
    assertThat(count("rejected", "low_difficulty")).isEqualTo(1);
    assertThat(count("rejected", "unauthorized")).isEqualTo(1);
    assertThat(count("rejected", "stale")).isZero(); // registered up front
    assertThat(
            registry
                .get("otedama_rig_shares_total")
                .tag("rig", "rig-a")
                .tag("result", "rejected")
                .counter()
                .count())
        .isEqualTo(3);
    assertThat(metrics.estimatedHashrate("rig-a")).isGreaterThan(0);
    assertThat(
            registry.get("otedama_rig_estimated_hashrate_hs").tag("rig", "rig-a").gauge().value())
        .isGreaterThan(0);

    ShareSummary summary =
        new ShareSummaryQuery(jdbi)
            .summary(clock.instant().minusSeconds(3600), clock.instant(), null);
    assertThat(summary.total().accepted()).isEqualTo(1);
    assertThat(summary.total().rejected()).isEqualTo(4);
    assertThat(summary.total().rejectedByReason())
        .containsEntry("duplicate", 1L)
        .containsEntry("job_not_found", 1L)
        .containsEntry("low_difficulty", 1L)
        .containsEntry("unauthorized", 1L)
        .containsEntry("stale", 0L);
    assertThat(summary.total().acceptedDifficulty()).isEqualTo(600);
    assertThat(summary.rigs())
        .extracting(ShareSummary.RigCounts::rigId)
        .containsExactly("rig-a", "rig-ghost");
    assertThat(summary.rigs().get(1).rejectedByReason()).containsEntry("unauthorized", 1L);

    // the counts add up across flushes (upsert) and rig filtering works
    processor.ingest("rig-ghost", batch("f"));
    writer.flush();
    ShareSummary ghost =
        new ShareSummaryQuery(jdbi)
            .summary(clock.instant().minusSeconds(3600), clock.instant(), "rig-ghost");
    assertThat(ghost.total().rejected()).isEqualTo(2);
    assertThat(ghost.rigs()).hasSize(1);

    metrics.forgetRig("rig-a");
    assertThat(registry.find("otedama_rig_shares_total").tag("rig", "rig-a").counters()).isEmpty();
  }

  @Test
  void theBackgroundWriterLogsSharesPromptly() {
    writer.start();
    processor.ingest("rig-a", batch("x"));
    await().atMost(Duration.ofSeconds(10)).until(() -> rows("SELECT count(*) FROM shares") == 1);
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> rows("SELECT coalesce(sum(shares), 0) FROM share_counts") == 1);
    // an agent's share: both the arrival and the rig's publish time are measured to the commit
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> registry.get("otedama_share_delivery_seconds").timer().count() == 1);
    assertThat(registry.get("otedama_share_log_latency_seconds").timer().count()).isEqualTo(1);
  }

  @Test
  void aLostConnectionIsReplacedAndTheBatchIsWrittenOnTheNextTry() {
    // a rejected share: only its count is written, on the writer's own connection
    processor.ingest(
        "rig-a",
        new ShareBatchMessage(
            clock.millis(),
            List.of(
                new Share(
                    "r",
                    "no-such-job",
                    JobVector.EXTRANONCE2,
                    JobVector.NTIME,
                    JobVector.NONCE,
                    null,
                    683.5,
                    null,
                    null))));
    writer.flush();
    assertThat(rows("SELECT coalesce(sum(shares), 0) FROM share_counts")).isEqualTo(1);
    long killed =
        rows(
            "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity"
                + " WHERE datname = current_database() AND pid <> pg_backend_pid()"
                + " AND query LIKE '%new_shares%'");
    assertThat(killed).as("the share log's connection").isEqualTo(1);

    processor.ingest("rig-a", batch("x"));
    assertThat(writer.flush()).as("the write on the dead connection").isZero();
    assertThat(writer.backlog()).isEqualTo(1);
    assertThat(writer.flush()).as("the retry on a new connection").isEqualTo(1);
    assertThat(rows("SELECT count(*) FROM shares WHERE share_id = 'x' AND job_id = '6a1f'"))
        .isEqualTo(1);
    assertThat(rows("SELECT coalesce(sum(shares), 0) FROM share_counts")).isEqualTo(2);
  }

  private double count(String result, String reason) {
    return registry
        .get("otedama_shares_total")
        .tag("result", result)
        .tag("reason", reason)
        .counter()
        .count();
  }
}
