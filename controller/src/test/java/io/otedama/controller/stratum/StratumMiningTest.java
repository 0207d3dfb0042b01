package io.otedama.controller.stratum;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.otedama.controller.shares.ShareLogWriter;
import io.otedama.controller.shares.ShareMetrics;
import io.otedama.controller.shares.ShareProcessor;
import io.otedama.controller.shares.ShareSummary;
import io.otedama.controller.shares.ShareSummaryQuery;
import io.otedama.controller.shares.ShareValidator;
import io.otedama.controller.support.MigratedDatabase;
import io.otedama.controller.work.BlockFound;
import io.otedama.controller.work.FeedSettings;
import io.otedama.controller.work.LocalSourceSettings;
import io.otedama.controller.work.LocalWorkSource;
import io.otedama.controller.work.WorkAssignments;
import io.otedama.controller.work.WorkFeed;
import io.otedama.protocol.stratum.StratumCodec;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * End to end on loopback: the repository's test miner hashes real SHA-256d on the local source's
 * jobs through the Stratum server; shares are validated, logged in PostgreSQL, and block candidates
 * found by the miner become blocks of the local source.
 */
class StratumMiningTest {
  private final Clock clock = Clock.systemUTC();
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final List<BlockFound> blocks = new CopyOnWriteArrayList<>();
  private Jdbi jdbi;
  private LocalWorkSource source;
  private ShareLogWriter log;
  private StratumServer server;
  private TestStratumMiner miner;

  @BeforeEach
  void setUp() throws Exception {
    jdbi = MigratedDatabase.create();
    source =
        new LocalWorkSource(
            "local", LocalSourceSettings.defaults().withNetworkDifficulty(0.002), clock);
    source.addBlockListener(blocks::add);
    WorkFeed feed = new WorkFeed(source, FeedSettings.DEFAULTS, clock);
    source.start();
    WorkAssignments assignments = new WorkAssignments(g -> feed, clock, registry);
    log = new ShareLogWriter(jdbi, clock, registry, 1000, Duration.ofMillis(100), 100_000);
    log.start();
    ShareProcessor processor =
        new ShareProcessor(
            new ShareValidator(Duration.ofSeconds(5), Duration.ofSeconds(10)),
            assignments,
            log,
            new ShareMetrics(registry, clock),
            clock);
    server =
        new StratumServer(
            StratumServerSettings.defaults().withPort(0).withHost("127.0.0.1"),
            new StratumCodec(),
            assignments,
            g -> feed,
            processor,
            new InMemoryStratumRigRegistry().account("carol", null),
            clock,
            registry);
    server.start();
  }

  @AfterEach
  void tearDown() throws Exception {
    if (miner != null) {
      miner.close();
    }
    server.close();
    log.close();
    source.close();
  }

  @Test
  void theTestMinersSharesAreAcceptedLoggedAndFindBlocks() throws Exception {
    miner = new TestStratumMiner(server.port(), "carol.cpu1", "x,d=0.0005");
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> miner.accepted.get() >= 8 && !blocks.isEmpty());
    assertThat(miner.rejections).isEmpty();
    assertThat(miner.difficulties).contains(0.0005);

    await()
        .atMost(Duration.ofSeconds(10))
        .until(() ->
            jdbi.withHandle(
                    h -> h.createQuery("SELECT count(*) FROM shares").mapTo(Long.class).one())
                >= 8);
    Map<String, Object> row =
        jdbi.withHandle(h -> h.createQuery("SELECT * FROM shares LIMIT 1").mapToMap().one());
    assertThat(row)
        .containsEntry("rig_id", "s-carol-cpu1")
        .containsEntry("account", "carol")
        .containsEntry("worker", "carol.cpu1")
        .containsEntry("source", "local")
        .containsEntry("difficulty", 0.0005);
    // the block candidates went "upstream" to the local source, which accepted them
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() ->
            jdbi.withHandle(h ->
                h.createQuery(
                        "SELECT count(*) FROM share_upstream_results WHERE result = 'accepted'")
                    .mapTo(Long.class)
                    .one())
                >= 1);
    assertThat(blocks.get(0).rigId()).isEqualTo("s-carol-cpu1");
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() ->
            new ShareSummaryQuery(jdbi)
                    .summary(
                        clock.instant().minusSeconds(3600), clock.instant().plusSeconds(1), null)
                    .total()
                    .accepted()
                >= 8);
    ShareSummary summary =
        new ShareSummaryQuery(jdbi)
            .summary(clock.instant().minusSeconds(3600), clock.instant().plusSeconds(1), null);
    assertThat(summary.total().rejected()).isZero();
  }
}
