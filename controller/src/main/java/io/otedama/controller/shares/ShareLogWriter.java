package io.otedama.controller.shares;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Jdbi;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Appends accepted shares to the share log in batches, together with the upstream answers and the
 * per-rig hourly share counts, in one transaction per batch: COPY into a temporary table, then
 * {@code INSERT ... ON CONFLICT (rig_id, share_id) DO NOTHING}, so a replayed share is stored once.
 * A background thread writes as soon as a share is queued, together with everything queued by then
 * (up to {@code maxBatch} rows), and at least every {@code flushInterval} for counts and answers; a
 * failed write is retried with the next one (nothing is dropped unless the bounded queue overflows,
 * which {@code otedama_share_log_dropped_total} counts).
 *
 * <p>Thread-safe: any thread may append.
 */
public final class ShareLogWriter implements ShareSink, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ShareLogWriter.class);

  private final Jdbi jdbi;
  private final Clock clock;
  private final int maxBatch;
  private final Duration flushInterval;
  private final BlockingQueue<AcceptedShare> queue;
  private final BlockingQueue<UpstreamAnswer> answers;
  private final Map<CountKey, long[]> counts = new HashMap<>();
  private final Map<CountKey, double[]> difficultySums = new HashMap<>();
  private final List<AcceptedShare> pendingShares = new ArrayList<>();
  private final List<UpstreamAnswer> pendingAnswers = new ArrayList<>();
  private final Object flushLock = new Object();
  private final Counter dropped;
  private final Counter written;
  private final Timer latency;
  private final Timer delivery;
  private volatile Thread thread;
  private volatile boolean closed;

  private record CountKey(String rigId, Instant hour, String result, String reason) {}

  /**
   * @param maxBatch rows per COPY (e.g. 1000)
   * @param flushInterval how often counts and answers are written when no share arrives
   * @param queueCapacity how many shares may wait (beyond it they are dropped and counted)
   */
  public ShareLogWriter(
      Jdbi jdbi,
      Clock clock,
      MeterRegistry registry,
      int maxBatch,
      Duration flushInterval,
      int queueCapacity) {
    this.jdbi = jdbi;
    this.clock = clock;
    this.maxBatch = maxBatch;
    this.flushInterval = flushInterval;
    this.queue = new LinkedBlockingQueue<>(queueCapacity);
    this.answers = new LinkedBlockingQueue<>(queueCapacity);
    this.dropped =
        Counter.builder("otedama_share_log_dropped_total")
            .description("Accepted shares dropped because the share log queue was full")
            .register(registry);
    this.written =
        Counter.builder("otedama_share_log_rows_total")
            .description("Share log rows handed to PostgreSQL")
            .register(registry);
    this.latency =
        latencyTimer("otedama_share_log_latency_seconds")
            .description("From a share's arrival to its share log row being committed")
            .register(registry);
    this.delivery =
        latencyTimer("otedama_share_delivery_seconds")
            .description(
                "From an agent publishing a share (its batch timestamp, the rig's clock) to its"
                    + " share log row being committed")
            .register(registry);
  }

  /**
   * A histogram with the buckets the telemetry latencies use (0.05 s among them, the alert
   * threshold) and Micrometer's finer percentile buckets, so a load run can compute percentiles
   * over its own window.
   */
  private static Timer.Builder latencyTimer(String name) {
    return Timer.builder(name)
        .publishPercentiles(0.5, 0.99)
        .publishPercentileHistogram()
        .minimumExpectedValue(Duration.ofNanos(500_000))
        .maximumExpectedValue(Duration.ofSeconds(60))
        .serviceLevelObjectives(
            Duration.ofMillis(1),
            Duration.ofMillis(5),
            Duration.ofMillis(10),
            Duration.ofMillis(25),
            Duration.ofMillis(50),
            Duration.ofMillis(100),
            Duration.ofMillis(250),
            Duration.ofSeconds(1));
  }

  /** Starts the background writer. */
  public void start() {
    thread = Thread.ofPlatform().daemon().name("otedama-share-log").start(this::run);
  }

  /** Queues an accepted share; false (and counted) when the queue is full. */
  @Override
  public boolean append(AcceptedShare share) {
    if (!queue.offer(share)) {
      dropped.increment();
      return false;
    }
    return true;
  }

  /** Queues an upstream answer. */
  @Override
  public void appendAnswer(UpstreamAnswer answer) {
    if (!answers.offer(answer)) {
      LOG.warn("share log queue full: upstream answer for {} dropped", answer.shareId());
    }
  }

  /**
   * Counts a validated share in the hourly rollup.
   *
   * @param reason null for an accepted share
   */
  @Override
  public void count(String rigId, RejectReason reason, double creditedDifficulty, Instant at) {
    CountKey key =
        new CountKey(
            rigId,
            at.truncatedTo(ChronoUnit.HOURS),
            reason == null ? "accepted" : "rejected",
            reason == null ? "none" : reason.wireName());
    synchronized (counts) {
      counts.computeIfAbsent(key, k -> new long[1])[0]++;
      difficultySums.computeIfAbsent(key, k -> new double[1])[0] += creditedDifficulty;
    }
  }

  /** Shares waiting to be written. */
  public int backlog() {
    return queue.size() + pendingShares.size();
  }

  /** Writes everything queued now; returns the share rows written (0 on failure: retried later). */
  public int flush() {
    synchronized (flushLock) {
      queue.drainTo(pendingShares, Math.max(0, maxBatch - pendingShares.size()));
      answers.drainTo(pendingAnswers);
      Map<CountKey, long[]> countBatch;
      Map<CountKey, double[]> sumBatch;
      synchronized (counts) {
        countBatch = new HashMap<>(counts);
        sumBatch = new HashMap<>(difficultySums);
        counts.clear();
        difficultySums.clear();
      }
      if (pendingShares.isEmpty() && pendingAnswers.isEmpty() && countBatch.isEmpty()) {
        return 0;
      }
      try {
        jdbi.useTransaction(
            h -> write(h.getConnection(), pendingShares, pendingAnswers, countBatch, sumBatch));
      } catch (SQLException | RuntimeException e) {
        LOG.warn(
            "share log write of {} shares failed, retrying with the next batch: {}",
            pendingShares.size(),
            e.toString());
        synchronized (counts) {
          countBatch.forEach((k, v) -> counts.computeIfAbsent(k, x -> new long[1])[0] += v[0]);
          sumBatch.forEach(
              (k, v) -> difficultySums.computeIfAbsent(k, x -> new double[1])[0] += v[0]);
        }
        return 0;
      }
      int n = pendingShares.size();
      Instant now = clock.instant();
      for (AcceptedShare s : pendingShares) {
        latency.record(Duration.between(s.ts(), now).toNanos(), TimeUnit.NANOSECONDS);
        if (s.submittedAt() != null) {
          // a rig clock ahead of ours would give a negative time: counted as zero
          delivery.record(
              Math.max(0, Duration.between(s.submittedAt(), now).toNanos()), TimeUnit.NANOSECONDS);
        }
      }
      written.increment(n);
      pendingShares.clear();
      pendingAnswers.clear();
      return n;
    }
  }

  /**
   * Group commit: waits for the first share (or the interval, for counts and answers), then writes
   * it with whatever else is queued by then, so latency stays one write while batches grow with the
   * load.
   */
  private void run() {
    while (!closed) {
      try {
        AcceptedShare first = queue.poll(flushInterval.toNanos(), TimeUnit.NANOSECONDS);
        if (first != null) {
          pendingSharesAdd(first);
        }
        flush();
      } catch (InterruptedException e) {
        break;
      } catch (RuntimeException e) {
        LOG.warn("share log writer", e);
      }
    }
  }

  private void pendingSharesAdd(AcceptedShare share) {
    synchronized (flushLock) {
      pendingShares.add(share);
    }
  }

  /** Stops the writer after writing what is queued. */
  @Override
  public void close() {
    closed = true;
    Thread t = thread;
    if (t != null) {
      t.interrupt();
      try {
        t.join(5000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    for (int i = 0; i < 100 && (backlog() > 0 || !answers.isEmpty()); i++) {
      if (flush() == 0 && backlog() > 0) {
        break;
      }
    }
  }

  private static void write(
      Connection c,
      List<AcceptedShare> shares,
      List<UpstreamAnswer> upstream,
      Map<CountKey, long[]> countBatch,
      Map<CountKey, double[]> sumBatch)
      throws SQLException {
    try (Statement st = c.createStatement()) {
      st.execute("CREATE TEMP TABLE IF NOT EXISTS shares_in (LIKE shares) ON COMMIT DELETE ROWS");
      st.execute(
          "CREATE TEMP TABLE IF NOT EXISTS share_upstream_in (LIKE share_upstream_results)"
              + " ON COMMIT DELETE ROWS");
      st.execute(
          "CREATE TEMP TABLE IF NOT EXISTS share_counts_in (LIKE share_counts)"
              + " ON COMMIT DELETE ROWS");
    }
    PGConnection pg = c.unwrap(PGConnection.class);
    try {
      if (!shares.isEmpty()) {
        StringBuilder csv = new StringBuilder(shares.size() * 160);
        for (AcceptedShare s : shares) {
          csvField(csv, s.rigId()).append(',');
          csvField(csv, s.shareId()).append(',');
          csvField(csv, s.account()).append(',');
          csvField(csv, s.worker()).append(',');
          csvField(csv, s.source()).append(',');
          csvField(csv, s.pool()).append(',');
          csvField(csv, s.jobId()).append(',');
          csv.append(s.difficulty()).append(',');
          csv.append(s.shareDifficulty()).append(',');
          csv.append(s.upstream()).append(',');
          csv.append(s.block()).append(',');
          csv.append(s.ts()).append('\n');
        }
        pg.getCopyAPI()
            .copyIn(
                "COPY shares_in (rig_id, share_id, account, worker, source, pool, job_id,"
                    + " difficulty, share_difficulty, upstream, block, ts) FROM STDIN (FORMAT csv)",
                new StringReader(csv.toString()));
        try (Statement st = c.createStatement()) {
          st.execute(
              "INSERT INTO shares SELECT * FROM shares_in ON CONFLICT (rig_id, share_id) DO"
                  + " NOTHING");
        }
      }
      if (!upstream.isEmpty()) {
        StringBuilder csv = new StringBuilder();
        for (UpstreamAnswer a : upstream) {
          csvField(csv, a.rigId()).append(',');
          csvField(csv, a.shareId()).append(',');
          csvField(csv, a.pool()).append(',');
          csvField(csv, a.result()).append(',');
          csvField(csv, a.detail()).append(',');
          csv.append(a.answeredAt()).append('\n');
        }
        pg.getCopyAPI()
            .copyIn(
                "COPY share_upstream_in (rig_id, share_id, pool, result, detail, answered_at)"
                    + " FROM STDIN (FORMAT csv)",
                new StringReader(csv.toString()));
        try (Statement st = c.createStatement()) {
          st.execute(
              "INSERT INTO share_upstream_results SELECT * FROM share_upstream_in"
                  + " ON CONFLICT (rig_id, share_id) DO NOTHING");
        }
      }
      if (!countBatch.isEmpty()) {
        StringBuilder csv = new StringBuilder();
        for (Map.Entry<CountKey, long[]> e : countBatch.entrySet()) {
          CountKey k = e.getKey();
          csvField(csv, k.rigId()).append(',');
          csv.append(k.hour()).append(',');
          csv.append(k.result()).append(',');
          csv.append(k.reason()).append(',');
          csv.append(e.getValue()[0]).append(',');
          csv.append(sumBatch.get(k)[0]).append('\n');
        }
        pg.getCopyAPI()
            .copyIn(
                "COPY share_counts_in (rig_id, hour, result, reason, shares, difficulty)"
                    + " FROM STDIN (FORMAT csv)",
                new StringReader(csv.toString()));
        try (Statement st = c.createStatement()) {
          st.execute(
              "INSERT INTO share_counts SELECT * FROM share_counts_in"
                  + " ON CONFLICT (rig_id, hour, result, reason) DO UPDATE"
                  + " SET shares = share_counts.shares + EXCLUDED.shares,"
                  + " difficulty = share_counts.difficulty + EXCLUDED.difficulty");
        }
      }
    } catch (IOException e) {
      throw new SQLException("COPY into the share log failed", e);
    }
  }

  /** A CSV field: empty (NULL in COPY csv) for null, quoted otherwise. */
  private static StringBuilder csvField(StringBuilder csv, String value) {
    if (value == null) {
      return csv;
    }
    csv.append('"');
    for (int i = 0; i < value.length(); i++) {
      char ch = value.charAt(i);
      if (ch == '"') {
        csv.append('"');
      }
      csv.append(ch);
    }
    return csv.append('"');
  }
}
