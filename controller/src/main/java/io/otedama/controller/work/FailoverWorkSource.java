package io.otedama.controller.work;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.otedama.hashing.Algorithm;
import io.otedama.protocol.stratum.MiningNotify;
import io.otedama.protocol.stratum.StratumCodec;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A work profile's upstream: an ordered list of Stratum v1 pools, one connected at a time.
 *
 * <p>Rules: the profile mines on the first pool in the list that connects and authorizes. When its
 * connection ends it starts again from the top of the list (so a dropped primary is retried first,
 * then the next pool). After {@link FailoverSettings#maxConsecutiveRejects()} rejected shares in a
 * row it leaves the pool for the next one and does not come back to it for the reject cooldown.
 * While on a backup it probes the pools before it every {@link
 * FailoverSettings#primaryProbeInterval()}: one that connects, authorizes and sends a job takes
 * over. A round in which no pool works is followed by a backoff that doubles up to a maximum. Every
 * switch to another pool counts in {@code otedama_pool_failovers_total{profile}}, and the new
 * pool's first job goes out as a clean job.
 *
 * <p>One manager thread (virtual) makes every connection decision; each connection reads on its own
 * virtual thread.
 */
public final class FailoverWorkSource implements WorkSource, PoolConnection.Events {
  private static final Logger LOG = LoggerFactory.getLogger(FailoverWorkSource.class);

  private final String name;
  private final Algorithm algorithm;
  private final List<PoolEndpoint> pools;
  private final PoolClientSettings clientSettings;
  private final FailoverSettings failover;
  private final StratumCodec codec;
  private final Clock clock;
  private final Counter failovers;
  private final List<WorkSourceListener> listeners = new CopyOnWriteArrayList<>();
  private final AtomicLong sessionIds = new AtomicLong(1);
  private final AtomicInteger consecutiveRejects = new AtomicInteger();
  private final Instant[] cooldownUntil;
  private final Object signal = new Object();
  private volatile PoolConnection active;
  private volatile int activeIndex = -1;
  private volatile String lastPool;
  private volatile SourceJob current;
  private volatile boolean switchRequested;
  private volatile boolean closed;
  private Thread manager;

  public FailoverWorkSource(
      String name,
      List<PoolEndpoint> pools,
      PoolClientSettings clientSettings,
      FailoverSettings failover,
      StratumCodec codec,
      Clock clock,
      MeterRegistry registry) {
    if (pools.isEmpty()) {
      throw new IllegalArgumentException("profile " + name + " has no pools");
    }
    this.name = name;
    this.pools = List.copyOf(pools);
    this.algorithm = pools.get(0).algorithm();
    for (PoolEndpoint p : pools) {
      if (p.algorithm() != algorithm) {
        throw new IllegalArgumentException(
            "profile " + name + " mixes algorithms: " + algorithm + " and " + p.algorithm());
      }
    }
    this.clientSettings = clientSettings;
    this.failover = failover;
    this.codec = codec;
    this.clock = clock;
    this.cooldownUntil = new Instant[pools.size()];
    this.failovers =
        Counter.builder("otedama_pool_failovers_total")
            .description("Times a pool profile switched to another pool")
            .tag("profile", name)
            .register(registry);
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public Algorithm algorithm() {
    return algorithm;
  }

  /** The pool mined now, if connected. */
  public Optional<PoolEndpoint> activePool() {
    PoolConnection c = active;
    return c == null ? Optional.empty() : Optional.of(c.pool());
  }

  @Override
  public synchronized void start() {
    if (manager == null) {
      manager = Thread.ofVirtual().name("pool-profile-" + name).start(this::manage);
    }
  }

  @Override
  public void addListener(WorkSourceListener listener) {
    listeners.add(listener);
  }

  @Override
  public Optional<SourceJob> currentJob() {
    return Optional.ofNullable(current);
  }

  @Override
  public CompletableFuture<UpstreamResult> submit(UpstreamShare share) {
    PoolConnection c = active;
    if (c == null) {
      return CompletableFuture.completedFuture(
          new UpstreamResult(
              UpstreamResult.Status.UNANSWERED,
              share.job().session().poolName(),
              "no pool connected"));
    }
    return c.submit(share).thenApply(result -> track(c, result));
  }

  private UpstreamResult track(PoolConnection c, UpstreamResult result) {
    if (c != active) {
      return result;
    }
    if (result.status() == UpstreamResult.Status.REJECTED) {
      int n = consecutiveRejects.incrementAndGet();
      if (n >= failover.maxConsecutiveRejects() && !switchRequested) {
        LOG.warn("{}: {} rejected {} shares in a row, switching pools", name, c.pool(), n);
        switchRequested = true;
        wake();
      }
    } else if (result.status() == UpstreamResult.Status.ACCEPTED) {
      consecutiveRejects.set(0);
    }
    return result;
  }

  @Override
  public void onJob(
      PoolConnection connection, MiningNotify notify, SourceSession session, double d) {
    if (connection != active) {
      wake(); // a probe waiting for its first job
      return;
    }
    emit(notify, session, d);
  }

  @Override
  public void onClosed(PoolConnection connection, String why) {
    if (connection == active) {
      synchronized (signal) {
        if (connection == active) {
          active = null;
          activeIndex = -1;
        }
      }
      LOG.warn("{}: lost {}: {}", name, connection.pool(), why);
      wake();
    }
  }

  private void emit(MiningNotify notify, SourceSession session, double difficulty) {
    SourceJob job;
    try {
      job = SourceJob.of(notify, session, algorithm, difficulty, clock.instant());
    } catch (IllegalArgumentException e) {
      LOG.warn("{}: job {} ignored: {}", name, notify.jobId(), e.getMessage());
      return;
    }
    current = job;
    for (WorkSourceListener l : listeners) {
      try {
        l.onJob(job);
      } catch (RuntimeException e) {
        LOG.warn("{}: a job listener failed", name, e);
      }
    }
  }

  private void manage() {
    Duration backoff = failover.initialBackoff();
    Instant nextProbe = clock.instant().plus(failover.primaryProbeInterval());
    while (!closed) {
      if (switchRequested) {
        leaveForRejects();
      }
      if (active == null) {
        if (connectFirstAvailable()) {
          backoff = failover.initialBackoff();
          nextProbe = clock.instant().plus(failover.primaryProbeInterval());
        } else {
          LOG.warn("{}: no pool reachable, retrying in {} s", name, backoff.toSeconds());
          await(backoff, false);
          backoff = backoff.multipliedBy(2);
          if (backoff.compareTo(failover.maxBackoff()) > 0) {
            backoff = failover.maxBackoff();
          }
        }
        continue;
      }
      Instant now = clock.instant();
      if (activeIndex > 0 && !now.isBefore(nextProbe)) {
        probeBetterPools();
        nextProbe = clock.instant().plus(failover.primaryProbeInterval());
        continue;
      }
      await(
          activeIndex > 0 ? Duration.between(now, nextProbe) : failover.primaryProbeInterval(),
          true);
    }
  }

  private void leaveForRejects() {
    switchRequested = false;
    PoolConnection c = active;
    int index = activeIndex;
    if (c == null) {
      return;
    }
    cooldownUntil[index] = clock.instant().plus(failover.rejectCooldown());
    synchronized (signal) {
      active = null;
      activeIndex = -1;
    }
    c.close();
  }

  /** Tries the pools in order, those cooling down after rejects last; true once one is active. */
  private boolean connectFirstAvailable() {
    Instant now = clock.instant();
    for (int pass = 0; pass < 2 && !closed; pass++) {
      for (int i = 0; i < pools.size() && !closed; i++) {
        boolean cooling = cooldownUntil[i] != null && now.isBefore(cooldownUntil[i]);
        if (cooling != (pass == 1)) {
          continue;
        }
        PoolConnection c = open(i);
        if (c != null) {
          promote(i, c);
          return true;
        }
      }
    }
    return false;
  }

  private void probeBetterPools() {
    Instant now = clock.instant();
    for (int i = 0; i < activeIndex && !closed; i++) {
      if (cooldownUntil[i] != null && now.isBefore(cooldownUntil[i])) {
        continue;
      }
      PoolConnection c = open(i);
      if (c == null) {
        continue;
      }
      if (awaitFirstJob(c)) {
        LOG.info("{}: {} is healthy again, switching back", name, c.pool());
        PoolConnection old = active;
        promote(i, c);
        if (old != null) {
          old.close();
        }
        return;
      }
      c.close();
    }
  }

  private PoolConnection open(int index) {
    PoolEndpoint pool = pools.get(index);
    PoolConnection c =
        new PoolConnection(pool, clientSettings, codec, this, sessionIds::getAndIncrement);
    try {
      c.open();
      return c;
    } catch (IOException e) {
      LOG.warn("{}: {} unavailable: {}", name, pool, e.getMessage());
      return null;
    }
  }

  private boolean awaitFirstJob(PoolConnection c) {
    long deadline = System.nanoTime() + clientSettings.handshakeTimeout().toNanos();
    synchronized (signal) {
      while (c.lastNotify() == null && c.isOpen() && !closed) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return false;
        }
        try {
          signal.wait(Math.max(1, left / 1_000_000));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return false;
        }
      }
    }
    return c.lastNotify() != null && c.isOpen();
  }

  private void promote(int index, PoolConnection c) {
    synchronized (signal) {
      active = c;
      activeIndex = index;
      consecutiveRejects.set(0);
    }
    String poolName = c.pool().name();
    if (lastPool != null && !lastPool.equals(poolName)) {
      failovers.increment();
      LOG.warn("{}: switched from {} to {}", name, lastPool, poolName);
    }
    lastPool = poolName;
    MiningNotify n = c.lastNotify();
    if (n != null) {
      emit(
          new MiningNotify(
              n.jobId(),
              n.prevhash(),
              n.coinb1(),
              n.coinb2(),
              n.merkleBranch(),
              n.version(),
              n.nbits(),
              n.ntime(),
              true),
          c.lastNotifySession(),
          c.lastNotifyDifficulty());
    }
  }

  /** Waits; with {@code whileActive}, only while a pool is active and no switch is asked for. */
  private void await(Duration duration, boolean whileActive) {
    long millis = Math.max(1, duration.toMillis());
    synchronized (signal) {
      if (closed || (whileActive && (switchRequested || active == null))) {
        return;
      }
      try {
        signal.wait(millis);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        closed = true;
      }
    }
  }

  private void wake() {
    synchronized (signal) {
      signal.notifyAll();
    }
  }

  @Override
  public void close() {
    closed = true;
    wake();
    PoolConnection c = active;
    if (c != null) {
      c.close();
    }
    Thread t = manager;
    if (t != null) {
      t.interrupt();
    }
  }

  @Override
  public String toString() {
    return "pool profile " + name + " " + pools;
  }
}
