package io.otedama.controller.shares;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
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
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Appends accepted shares to the share log in batches, together with the upstream answers and the
 * per-rig hourly share counts, in one statement per batch ({@link #WRITE_SQL}: arrays unnested into
 * {@code INSERT ... ON CONFLICT (rig_id, share_id) DO NOTHING}), so a replayed share is stored once
 * and a batch is written whole or not at all. A background thread writes as soon as a share is
 * queued, together with everything queued by then (up to {@code maxBatch} rows), and at least every
 * {@code flushInterval} for counts and answers; a failed write is retried with the next one
 * (nothing is dropped unless the bounded queue overflows, which {@code
 * otedama_share_log_dropped_total} counts).
 *
 * <p>The writer keeps one connection of its own for as long as it works (reopened after a failure):
 * a share batch never waits for a pooled connection behind the API, the fleet's flushes or the
 * telemetry writer, and its statement is prepared once.
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
  private final Timer wait;
  private final Timer writeTime;
  private final DistributionSummary batchRows;
  private Handle handle;
  private PreparedStatement statement;
  private volatile Thread thread;
  private volatile boolean closed;

  private record CountKey(String rigId, Instant hour, String result, String reason) {}

  /**
   * Told of every committed write, on the writer's thread (keep it short; the list is valid only
   * during the call). A load run uses it to measure the latency of chosen rigs.
   */
  @FunctionalInterface
  public interface CommitListener {
    void committed(List<AcceptedShare> shares, Instant committedAt);
  }

  private final List<CommitListener> listeners = new java.util.concurrent.CopyOnWriteArrayList<>();

  /**
   * @param maxBatch rows per write (e.g. 1000)
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
    this.wait =
        latencyTimer("otedama_share_log_wait_seconds")
            .description(
                "From a share's arrival to the start of the share log write that takes it"
                    + " (inbound queue, validation and the share log queue)")
            .register(registry);
    this.writeTime =
        latencyTimer("otedama_share_log_write_seconds")
            .description("One share log write: the batch statement, with its commit")
            .register(registry);
    this.batchRows =
        DistributionSummary.builder("otedama_share_log_batch_rows")
            .description("Share rows per share log write")
            .serviceLevelObjectives(1, 10, 100, 1000)
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

  public void addCommitListener(CommitListener listener) {
    listeners.add(listener);
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
      long started = System.nanoTime();
      Instant startedAt = clock.instant();
      try {
        write(pendingShares, pendingAnswers, countBatch, sumBatch);
      } catch (SQLException | RuntimeException e) {
        discardHandle();
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
      writeTime.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
      batchRows.record(n);
      Instant now = clock.instant();
      for (AcceptedShare s : pendingShares) {
        wait.record(
            Math.max(0, Duration.between(s.ts(), startedAt).toNanos()), TimeUnit.NANOSECONDS);
        latency.record(Duration.between(s.ts(), now).toNanos(), TimeUnit.NANOSECONDS);
        if (s.submittedAt() != null) {
          // a rig clock ahead of ours would give a negative time: counted as zero
          delivery.record(
              Math.max(0, Duration.between(s.submittedAt(), now).toNanos()), TimeUnit.NANOSECONDS);
        }
      }
      written.increment(n);
      if (!listeners.isEmpty()) {
        List<AcceptedShare> committed = java.util.Collections.unmodifiableList(pendingShares);
        for (CommitListener listener : listeners) {
          listener.committed(committed, now);
        }
      }
      pendingShares.clear();
      pendingAnswers.clear();
      return n;
    }
  }

  /** The writer's own connection, opened on first use. */
  private Handle handle() {
    if (handle == null) {
      handle = jdbi.open();
    }
    return handle;
  }

  /** The batch statement, prepared once per connection (PgJDBC makes it server-side). */
  private PreparedStatement statement(Connection c) throws SQLException {
    if (statement == null) {
      statement = c.prepareStatement(WRITE_SQL);
    }
    return statement;
  }

  /** Drops the connection after a failed write: the next write opens a fresh one. */
  private void discardHandle() {
    Handle h = handle;
    handle = null;
    PreparedStatement st = statement;
    statement = null;
    if (st != null) {
      try {
        st.close();
      } catch (SQLException e) {
        LOG.debug("closing the share log statement: {}", e.toString());
      }
    }
    if (h != null) {
      try {
        h.close();
      } catch (RuntimeException e) {
        LOG.debug("closing the share log connection: {}", e.toString());
      }
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
    synchronized (flushLock) {
      discardHandle();
    }
  }

  /**
   * One statement per batch, run on its own (autocommit: it is atomic by itself, and the commit is
   * the statement's): the shares, the upstream answers and the count increments as arrays, each
   * inserted by a data-modifying CTE. One round trip to PostgreSQL per batch, where COPY into
   * temporary tables and three inserts took six and truncated the temporary tables at every commit;
   * on a busy machine every round trip waits for the backend to be scheduled.
   */
  static final String WRITE_SQL =
      """
      WITH new_shares AS (
        INSERT INTO shares (rig_id, share_id, account, worker, source, pool, job_id, difficulty,
            share_difficulty, upstream, block, ts)
        SELECT * FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
            ?::text[], ?::float8[], ?::float8[], ?::bool[], ?::bool[], ?::timestamptz[])
        ON CONFLICT (rig_id, share_id) DO NOTHING
        RETURNING 1
      ), new_answers AS (
        INSERT INTO share_upstream_results (rig_id, share_id, pool, result, detail, answered_at)
        SELECT * FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
            ?::timestamptz[])
        ON CONFLICT (rig_id, share_id) DO NOTHING
      ), counted AS (
        INSERT INTO share_counts (rig_id, hour, result, reason, shares, difficulty)
        SELECT * FROM unnest(?::text[], ?::timestamptz[], ?::text[], ?::text[], ?::int8[],
            ?::float8[])
        ON CONFLICT (rig_id, hour, result, reason) DO UPDATE
        SET shares = share_counts.shares + EXCLUDED.shares,
            difficulty = share_counts.difficulty + EXCLUDED.difficulty
      )
      SELECT count(*) FROM new_shares
      """;

  private void write(
      List<AcceptedShare> shares,
      List<UpstreamAnswer> upstream,
      Map<CountKey, long[]> countBatch,
      Map<CountKey, double[]> sumBatch)
      throws SQLException {
    Connection c = handle().getConnection();
    int n = shares.size();
    String[] rig = new String[n];
    String[] id = new String[n];
    String[] account = new String[n];
    String[] worker = new String[n];
    String[] source = new String[n];
    String[] pool = new String[n];
    String[] job = new String[n];
    Double[] difficulty = new Double[n];
    Double[] shareDifficulty = new Double[n];
    Boolean[] meetsUpstream = new Boolean[n];
    Boolean[] block = new Boolean[n];
    String[] ts = new String[n];
    for (int i = 0; i < n; i++) {
      AcceptedShare s = shares.get(i);
      rig[i] = s.rigId();
      id[i] = s.shareId();
      account[i] = s.account();
      worker[i] = s.worker();
      source[i] = s.source();
      pool[i] = s.pool();
      job[i] = s.jobId();
      difficulty[i] = s.difficulty();
      shareDifficulty[i] = s.shareDifficulty();
      meetsUpstream[i] = s.upstream();
      block[i] = s.block();
      ts[i] = s.ts().toString();
    }
    int a = upstream.size();
    String[] answerRig = new String[a];
    String[] answerId = new String[a];
    String[] answerPool = new String[a];
    String[] result = new String[a];
    String[] detail = new String[a];
    String[] answeredAt = new String[a];
    for (int i = 0; i < a; i++) {
      UpstreamAnswer u = upstream.get(i);
      answerRig[i] = u.rigId();
      answerId[i] = u.shareId();
      answerPool[i] = u.pool();
      result[i] = u.result();
      detail[i] = u.detail();
      answeredAt[i] = u.answeredAt().toString();
    }
    int k = countBatch.size();
    String[] countRig = new String[k];
    String[] hour = new String[k];
    String[] countResult = new String[k];
    String[] reason = new String[k];
    Long[] count = new Long[k];
    Double[] sum = new Double[k];
    int j = 0;
    for (Map.Entry<CountKey, long[]> e : countBatch.entrySet()) {
      CountKey key = e.getKey();
      countRig[j] = key.rigId();
      hour[j] = key.hour().toString();
      countResult[j] = key.result();
      reason[j] = key.reason();
      count[j] = e.getValue()[0];
      sum[j] = sumBatch.get(key)[0];
      j++;
    }
    PreparedStatement st = statement(c);
    int p = 1;
    for (Object[] values :
        new Object[][] {rig, id, account, worker, source, pool, job, difficulty, shareDifficulty}) {
      st.setArray(p++, c.createArrayOf(values instanceof Double[] ? "float8" : "text", values));
    }
    st.setArray(p++, c.createArrayOf("bool", meetsUpstream));
    st.setArray(p++, c.createArrayOf("bool", block));
    st.setArray(p++, c.createArrayOf("text", ts));
    for (String[] values : new String[][] {answerRig, answerId, answerPool, result, detail}) {
      st.setArray(p++, c.createArrayOf("text", values));
    }
    st.setArray(p++, c.createArrayOf("text", answeredAt));
    for (String[] values : new String[][] {countRig, hour, countResult, reason}) {
      st.setArray(p++, c.createArrayOf("text", values));
    }
    st.setArray(p++, c.createArrayOf("int8", count));
    st.setArray(p, c.createArrayOf("float8", sum));
    try (ResultSet rs = st.executeQuery()) {
      rs.next();
    }
  }
}
