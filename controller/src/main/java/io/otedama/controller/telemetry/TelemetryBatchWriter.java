package io.otedama.controller.telemetry;

import io.dropwizard.lifecycle.Managed;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.io.StringReader;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Appends telemetry rows to PostgreSQL in batches: one writer thread takes what is queued (up to
 * {@code batchSize}, waiting at most {@code flushIntervalMillis} for a batch to fill), sends it
 * with {@code COPY telemetry ... FROM STDIN} and, in the same transaction, updates the
 * latest-figure columns of {@code rigs} with one {@code UPDATE ... FROM unnest(...)} for the whole
 * batch.
 *
 * <p>Nothing is dropped silently. A full queue makes {@link #enqueue} wait (the MQTT intake slows
 * down, the broker buffers) and counts {@code otedama_telemetry_queue_full_total}. A database
 * outage is retried with backoff, the batch kept. A batch the database refuses for its data is
 * written row by row, and only rows refused on their own are dropped, each counted ({@code
 * otedama_telemetry_rows_failed_total}) and logged.
 */
public final class TelemetryBatchWriter implements Managed {

  private static final Logger log = LoggerFactory.getLogger(TelemetryBatchWriter.class);

  // The rows are locked in id order first, as the fleet's last-seen flush locks them: two writers
  // updating overlapping rigs in join order deadlocked under load. NO KEY UPDATE (what a plain
  // UPDATE takes) rather than UPDATE: the foreign-key checks of the telemetry and share COPYs take
  // KEY SHARE locks on rigs in row order, which FOR UPDATE would conflict with.
  static final String UPDATE_LATEST_SQL =
      """
      WITH u AS MATERIALIZED (
          SELECT * FROM unnest(?::text[], ?::int8[], ?::int8[], ?::float8[], ?::float8[],
                               ?::int4[], ?::float8[], ?::int8[], ?::int8[], ?::int8[])
              AS u(id, ts_ms, received_ms, hashrate_hs, temperature_c, fan_rpm, power_w,
                   accepted, rejected, uptime_s)),
      locked AS MATERIALIZED (
          SELECT id FROM rigs WHERE id IN (SELECT id FROM u) ORDER BY id FOR NO KEY UPDATE)
      UPDATE rigs AS r SET
          hashrate_hs = u.hashrate_hs,
          temperature_c = u.temperature_c,
          fan_rpm = u.fan_rpm,
          power_w = u.power_w,
          accepted_shares = u.accepted,
          rejected_shares = u.rejected,
          uptime_s = u.uptime_s,
          last_telemetry_at = timestamptz 'epoch' + u.ts_ms * interval '1 millisecond',
          last_seen = GREATEST(r.last_seen,
              timestamptz 'epoch' + u.received_ms * interval '1 millisecond')
      FROM u
      WHERE r.id = u.id
        AND r.id IN (SELECT id FROM locked)
        AND (r.last_telemetry_at IS NULL
             OR r.last_telemetry_at <= timestamptz 'epoch' + u.ts_ms * interval '1 millisecond')
      """;

  private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);
  private static final int SHUTDOWN_ATTEMPTS = 3;

  private final DataSource dataSource;
  private final int batchSize;
  private final long flushIntervalNanos;
  private final BlockingQueue<TelemetryRow> queue;

  private final Timer ingestLatency;
  private final Timer deliveryLatency;
  private final DistributionSummary batchRows;
  private final Counter rowsWritten;
  private final Counter queueFull;
  private final Counter writeFailures;
  private final Counter rowsFailed;

  private volatile boolean running;
  private Thread writer;
  private Connection connection;
  private PreparedStatement updateLatest;

  public TelemetryBatchWriter(
      DataSource dataSource, TelemetryConfiguration config, MeterRegistry registry) {
    this.dataSource = dataSource;
    this.batchSize = config.getBatchSize();
    this.flushIntervalNanos = TimeUnit.MILLISECONDS.toNanos(config.getFlushIntervalMillis());
    this.queue = new ArrayBlockingQueue<>(config.getQueueCapacity());

    this.ingestLatency =
        latencyTimer("otedama_telemetry_ingest_seconds")
            .description(
                "From arrival at the controller to the row committed in PostgreSQL (decoded,"
                    + " validated, latest state updated, batched, written)")
            .register(registry);
    this.deliveryLatency =
        latencyTimer("otedama_telemetry_delivery_seconds")
            .description(
                "From the agent's publish timestamp (ts) to the row committed; includes broker"
                    + " transit and agent clock skew, and spool replays after an outage")
            .register(registry);
    this.batchRows =
        DistributionSummary.builder("otedama_telemetry_batch_rows")
            .description("Rows per COPY transaction")
            .serviceLevelObjectives(1, 10, 50, 100, 250, 500, 1000, 2500, 5000, 10000)
            .register(registry);
    this.rowsWritten =
        Counter.builder("otedama_telemetry_rows_written_total")
            .description("Telemetry rows committed")
            .register(registry);
    this.queueFull =
        Counter.builder("otedama_telemetry_queue_full_total")
            .description("Rows that had to wait because the write queue was full (backpressure)")
            .register(registry);
    this.writeFailures =
        Counter.builder("otedama_telemetry_write_failures_total")
            .description("Batches that failed to commit and were retried or split")
            .register(registry);
    this.rowsFailed =
        Counter.builder("otedama_telemetry_rows_failed_total")
            .description("Rows PostgreSQL refused on their own; dropped and logged")
            .register(registry);
    Gauge.builder("otedama_telemetry_queue_rows", queue, BlockingQueue::size)
        .description("Rows waiting for the telemetry writer")
        .register(registry);
  }

  private static Timer.Builder latencyTimer(String name) {
    return Timer.builder(name)
        .publishPercentileHistogram()
        .minimumExpectedValue(Duration.ofNanos(500_000))
        .maximumExpectedValue(Duration.ofSeconds(60))
        // the buckets docs/metrics.md agrees on (the alert uses 0.05), plus Micrometer's finer
        // percentile buckets for the load benchmark
        .serviceLevelObjectives(
            Duration.ofNanos(500_000),
            Duration.ofMillis(1),
            Duration.ofNanos(2_500_000),
            Duration.ofMillis(5),
            Duration.ofMillis(10),
            Duration.ofMillis(25),
            Duration.ofMillis(50),
            Duration.ofMillis(100),
            Duration.ofMillis(250),
            Duration.ofMillis(500),
            Duration.ofSeconds(1));
  }

  /**
   * Queues a row for the next batch. Waits while the queue is full, so a slow database slows the
   * intake instead of losing rows.
   *
   * @throws IllegalStateException when the writer is not running
   */
  public void enqueue(TelemetryRow row) throws InterruptedException {
    if (!running) {
      throw new IllegalStateException("the telemetry writer is not running");
    }
    if (!queue.offer(row)) {
      queueFull.increment();
      queue.put(row);
    }
  }

  public int queueDepth() {
    return queue.size();
  }

  @Override
  public synchronized void start() {
    if (running) {
      return;
    }
    running = true;
    writer = new Thread(this::run, "telemetry-writer");
    writer.setDaemon(true);
    writer.start();
  }

  /** Stops taking rows, writes what is queued, and returns when done (or after 60 s). */
  @Override
  public synchronized void stop() throws InterruptedException {
    if (!running) {
      return;
    }
    running = false;
    writer.join(TimeUnit.SECONDS.toMillis(60));
    if (writer.isAlive()) {
      writer.interrupt();
      writer.join(TimeUnit.SECONDS.toMillis(5));
    }
    if (!queue.isEmpty()) {
      rowsFailed.increment(queue.size());
      log.error("Telemetry writer stopped with {} rows not written", queue.size());
      queue.clear();
    }
  }

  private void run() {
    List<TelemetryRow> batch = new ArrayList<>(batchSize);
    try {
      while (running || !queue.isEmpty()) {
        TelemetryRow first = queue.poll(200, TimeUnit.MILLISECONDS);
        if (first == null) {
          continue;
        }
        batch.add(first);
        fill(batch);
        writeWithRetry(batch);
        batch.clear();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      if (!batch.isEmpty()) {
        rowsFailed.increment(batch.size());
        log.error("Telemetry writer interrupted with {} rows of a batch not written", batch.size());
      }
    } finally {
      closeConnection();
    }
  }

  /** Adds what is queued; waits for more only while the batch is short and young. */
  private void fill(List<TelemetryRow> batch) throws InterruptedException {
    long deadline = System.nanoTime() + flushIntervalNanos;
    while (batch.size() < batchSize) {
      queue.drainTo(batch, batchSize - batch.size());
      long remaining = deadline - System.nanoTime();
      if (batch.size() >= batchSize || remaining <= 0) {
        return;
      }
      TelemetryRow next = queue.poll(remaining, TimeUnit.NANOSECONDS);
      if (next == null) {
        return;
      }
      batch.add(next);
    }
  }

  private void writeWithRetry(List<TelemetryRow> batch) throws InterruptedException {
    Duration backoff = Duration.ofMillis(250);
    int attempts = 0;
    while (true) {
      attempts++;
      try {
        write(batch);
        return;
      } catch (SQLException e) {
        writeFailures.increment();
        closeConnection();
        if (!isTransient(e)) {
          log.warn(
              "PostgreSQL refused a telemetry batch of {} rows ({}); writing them one by one",
              batch.size(),
              describe(e));
          writeOneByOne(batch);
          return;
        }
        if (!running && attempts >= SHUTDOWN_ATTEMPTS) {
          rowsFailed.increment(batch.size());
          log.error(
              "Shutting down: {} telemetry rows not written, database unavailable: {}",
              batch.size(),
              describe(e));
          return;
        }
        log.warn(
            "Telemetry batch of {} rows not written, retrying in {} ms: {}",
            batch.size(),
            backoff.toMillis(),
            describe(e));
        Thread.sleep(backoff.toMillis());
        backoff =
            backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0
                ? MAX_BACKOFF
                : backoff.multipliedBy(2);
      }
    }
  }

  private void writeOneByOne(List<TelemetryRow> batch) throws InterruptedException {
    for (TelemetryRow row : batch) {
      try {
        write(List.of(row));
      } catch (SQLException e) {
        closeConnection();
        if (isTransient(e)) {
          writeWithRetry(List.of(row));
        } else {
          rowsFailed.increment();
          log.warn(
              "Telemetry row of rig {} at ts {} refused by PostgreSQL and dropped: {}",
              row.rigId(),
              row.tsMillis(),
              describe(e));
        }
      }
    }
  }

  private void write(List<TelemetryRow> batch) throws SQLException {
    Connection c = connection();
    try {
      c.unwrap(PGConnection.class)
          .getCopyAPI()
          .copyIn(
              TelemetryCopyFormat.COPY_SQL, new StringReader(TelemetryCopyFormat.encode(batch)));
      updateLatest(c, batch);
      c.commit();
    } catch (SQLException e) {
      rollbackQuietly(c);
      throw e;
    } catch (java.io.IOException e) {
      rollbackQuietly(c);
      throw new SQLException("COPY stream failed: " + e.getMessage(), "08006", e);
    }
    long committedNanos = System.nanoTime();
    long committedMillis = System.currentTimeMillis();
    for (TelemetryRow row : batch) {
      ingestLatency.record(committedNanos - row.receivedNanos(), TimeUnit.NANOSECONDS);
      deliveryLatency.record(Math.max(0, committedMillis - row.tsMillis()), TimeUnit.MILLISECONDS);
    }
    batchRows.record(batch.size());
    rowsWritten.increment(batch.size());
  }

  /** One statement for the batch; only the newest row of each rig counts. */
  private void updateLatest(Connection c, List<TelemetryRow> batch) throws SQLException {
    Map<String, TelemetryRow> newest = new HashMap<>(batch.size() * 2);
    for (TelemetryRow row : batch) {
      newest.merge(row.rigId(), row, (a, b) -> b.tsMillis() >= a.tsMillis() ? b : a);
    }
    int n = newest.size();
    String[] ids = new String[n];
    Long[] ts = new Long[n];
    Long[] received = new Long[n];
    Double[] hashrate = new Double[n];
    Double[] temperature = new Double[n];
    Integer[] fan = new Integer[n];
    Double[] power = new Double[n];
    Long[] accepted = new Long[n];
    Long[] rejected = new Long[n];
    Long[] uptime = new Long[n];
    int i = 0;
    for (TelemetryRow row : newest.values()) {
      ids[i] = row.rigId();
      ts[i] = row.tsMillis();
      received[i] = row.receivedAtMillis();
      hashrate[i] = row.hashrateHs();
      temperature[i] = row.temperatureC();
      fan[i] = row.fanRpm();
      power[i] = row.powerW();
      accepted[i] = row.accepted();
      rejected[i] = row.rejected();
      uptime[i] = row.uptimeS();
      i++;
    }
    PreparedStatement update = updateLatest;
    Array[] arrays = {
      c.createArrayOf("text", ids),
      c.createArrayOf("int8", ts),
      c.createArrayOf("int8", received),
      c.createArrayOf("float8", hashrate),
      c.createArrayOf("float8", temperature),
      c.createArrayOf("int4", fan),
      c.createArrayOf("float8", power),
      c.createArrayOf("int8", accepted),
      c.createArrayOf("int8", rejected),
      c.createArrayOf("int8", uptime)
    };
    for (int p = 0; p < arrays.length; p++) {
      update.setArray(p + 1, arrays[p]);
    }
    update.executeUpdate();
    for (Array array : arrays) {
      array.free();
    }
  }

  private Connection connection() throws SQLException {
    if (connection == null) {
      Connection c = dataSource.getConnection();
      try {
        c.setAutoCommit(false);
        updateLatest = c.prepareStatement(UPDATE_LATEST_SQL);
      } catch (SQLException e) {
        c.close();
        throw e;
      }
      connection = c;
    }
    return connection;
  }

  private void closeConnection() {
    if (connection != null) {
      try {
        connection.close();
      } catch (SQLException ignored) {
        // a broken connection is being thrown away anyway
      }
      connection = null;
      updateLatest = null;
    }
  }

  private static void rollbackQuietly(Connection c) {
    try {
      c.rollback();
    } catch (SQLException ignored) {
      // the connection is closed by the caller
    }
  }

  /**
   * Connection trouble, resource shortage, serialization conflicts and operator intervention are
   * worth retrying; anything else is about the data.
   */
  static boolean isTransient(SQLException e) {
    String state = e.getSQLState();
    if (state == null) {
      return true;
    }
    return state.startsWith("08")
        || state.startsWith("53")
        || state.startsWith("57")
        || state.startsWith("58")
        || state.startsWith("40");
  }

  private static String describe(SQLException e) {
    return e.getSQLState() + " " + e.getMessage();
  }
}
