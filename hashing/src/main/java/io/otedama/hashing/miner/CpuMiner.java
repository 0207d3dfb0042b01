package io.otedama.hashing.miner;

import io.otedama.hashing.Difficulty;
import io.otedama.hashing.Hex;
import io.otedama.hashing.scan.NonceListener;
import io.otedama.hashing.scan.NonceScanner;
import io.otedama.hashing.stratum.HeaderAssembler;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

/**
 * Mines {@link MiningWork} on N threads. Thread {@code t} of {@code N} scans the nonces {@code
 * [t·2^32/N, (t+1)·2^32/N)} for each extranonce2 it counts through; since the nonce ranges are
 * disjoint, every thread can count extranonce2 on its own and no two threads ever hash the same
 * header. Threads check for new work between chunks of about 10 ms, so {@link #setWork} takes
 * effect promptly; once a job with {@code cleanJobs} replaces the current one, shares of the old
 * job are no longer reported. New work that covers the same headers as the current work (only the
 * share target changed, as on a vardiff retarget) does not restart the search: every thread goes on
 * from the extranonce2 and nonce it had reached, so no header is hashed twice and no share is
 * reported twice.
 *
 * <p>Thread-safe.
 */
public final class CpuMiner implements AutoCloseable {
  private static final long NONCE_SPACE = 1L << 32;
  private static final long CHUNK_NANOS = 10_000_000;
  private static final int MIN_CHUNK = 16; // one vector pass
  private static final int MAX_CHUNK = 1 << 22;

  private final int threadCount;
  private final ShareListener listener;
  private final Supplier<NonceScanner> sha256dScanners;
  private final LongAdder hashes = new LongAdder();
  private final List<Thread> threads = new ArrayList<>();
  private final Object signal = new Object();
  private volatile Assignment current;
  // the last assignment with work (guarded by signal): a pause must not forget where we were
  private Assignment lastMined;
  private volatile boolean closed;

  /** A miner with the fastest scanners available here. */
  public CpuMiner(int threads, ShareListener listener) {
    this(threads, listener, () -> NonceScanner.create(io.otedama.hashing.Algorithm.SHA256D));
  }

  /** A miner whose SHA-256d threads use scanners from {@code sha256dScanners} (one per thread). */
  public CpuMiner(int threads, ShareListener listener, Supplier<NonceScanner> sha256dScanners) {
    if (threads < 1) {
      throw new IllegalArgumentException("a miner needs at least one thread, got " + threads);
    }
    this.threadCount = threads;
    this.listener = Objects.requireNonNull(listener, "listener");
    this.sha256dScanners = Objects.requireNonNull(sha256dScanners, "scanner factory");
  }

  /** Starts mining this work, replacing any earlier work. Threads start on the first call. */
  public void setWork(MiningWork work) {
    Objects.requireNonNull(work, "work");
    synchronized (signal) {
      if (closed) {
        throw new IllegalStateException("the miner is closed");
      }
      Assignment previous = current;
      Object search =
          lastMined != null && lastMined.work.sameSearchSpaceAs(work)
              ? lastMined.search
              : new Object();
      current = new Assignment(work, previous == null ? 1 : previous.generation + 1, search);
      lastMined = current;
      if (threads.isEmpty()) {
        for (int t = 0; t < threadCount; t++) {
          Thread thread = new Thread(new Worker(t), "otedama-miner-" + t);
          thread.setDaemon(true);
          threads.add(thread);
          thread.start();
        }
      }
      signal.notifyAll();
    }
  }

  /** Stops hashing until the next {@link #setWork}; threads stay parked. */
  public void pause() {
    synchronized (signal) {
      Assignment previous = current;
      if (previous != null) {
        current = new Assignment(null, previous.generation + 1, null);
      }
    }
  }

  /** Hashes computed so far by all threads. */
  public long hashes() {
    return hashes.sum();
  }

  public int threads() {
    return threadCount;
  }

  /** The work being mined, or null when idle. */
  public MiningWork work() {
    Assignment a = current;
    return a == null ? null : a.work;
  }

  /** Stops all threads and waits for them to finish their current chunk. */
  @Override
  public void close() {
    synchronized (signal) {
      closed = true;
      signal.notifyAll();
    }
    for (Thread t : threads) {
      try {
        t.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  /**
   * What the threads mine. {@code search} identifies the header space: assignments that differ only
   * in their share target share it, and a thread resumes its position within it.
   */
  private record Assignment(MiningWork work, long generation, Object search) {}

  private final class Worker implements Runnable {
    private final int index;
    private final long firstNonce;
    private final long nonceCount;
    private final HeaderAssembler assembler = new HeaderAssembler();
    private final byte[] header = new byte[HeaderAssembler.HEADER_LENGTH];
    private byte[] extranonce2 = new byte[0];
    private int chunk = MIN_CHUNK;
    private NonceScanner sha256d;
    private NonceScanner scrypt;
    // the assignment being mined right now (its target may have been replaced mid-header)
    private Assignment active;
    // where this thread stopped in the search space it last mined
    private Object searchAt;
    private long counterAt;
    private long doneAt;

    Worker(int index) {
      this.index = index;
      this.firstNonce = NONCE_SPACE * index / threadCount;
      this.nonceCount = NONCE_SPACE * (index + 1) / threadCount - firstNonce;
    }

    @Override
    public void run() {
      Assignment assignment;
      while ((assignment = awaitWork(null)) != null) {
        mine(assignment);
      }
    }

    /**
     * Waits for an assignment with work outside the search space {@code exhausted} (null: any
     * work); null once the miner closes.
     */
    private Assignment awaitWork(Object exhausted) {
      synchronized (signal) {
        while (!closed) {
          Assignment a = current;
          if (a != null && a.work != null && (exhausted == null || a.search != exhausted)) {
            return a;
          }
          try {
            signal.wait();
          } catch (InterruptedException e) {
            return null;
          }
        }
        return null;
      }
    }

    private void mine(Assignment assignment) {
      active = assignment;
      MiningWork work = assignment.work;
      NonceScanner scanner = scannerFor(work);
      if (extranonce2.length != work.extranonce2Size()) {
        extranonce2 = new byte[work.extranonce2Size()];
      }
      String jobId = work.job().jobId();
      int ntime = work.job().ntime();
      NonceListener found = (nonce, hash) -> report(jobId, ntime, nonce, hash);
      long extranonce2Values = work.extranonce2Values();
      boolean resume = assignment.search == searchAt;
      long counter = resume ? counterAt : 0;
      long done = resume ? doneAt : 0;
      searchAt = assignment.search;
      for (; counter < extranonce2Values; counter++, done = 0) {
        work.extranonce2(counter, extranonce2);
        assembler.assemble(work.job(), work.extranonce1Bytes(), extranonce2, ntime, 0, header);
        scanner.setWork(header, active.work.shareTarget());
        while (done < nonceCount) {
          Assignment now = current;
          if (closed || now != active) {
            if (closed || now.work == null || now.search != active.search) {
              counterAt = counter;
              doneAt = done;
              return;
            }
            // the same headers with another share target: go on from here
            active = now;
            scanner.setWork(header, now.work.shareTarget());
          }
          int n = (int) Math.min(chunk, nonceCount - done);
          long started = System.nanoTime();
          scanner.scan((int) (firstNonce + done), n, found);
          adaptChunk(System.nanoTime() - started);
          hashes.add(n);
          done += n;
        }
      }
      // extranonce2 space exhausted: wait for work that is not this space again
      counterAt = extranonce2Values;
      doneAt = 0;
      awaitWork(searchAt);
    }

    /**
     * Keeps a chunk near 10 ms whatever the speed: the vector code runs a thousand times slower
     * until the JIT has compiled it, and a fixed chunk would then take seconds, delaying both the
     * switch to new work and the hash count.
     */
    private void adaptChunk(long nanos) {
      if (nanos < CHUNK_NANOS / 2 && chunk < MAX_CHUNK) {
        chunk <<= 1;
      } else if (nanos > 2 * CHUNK_NANOS && chunk > MIN_CHUNK) {
        chunk >>= 1;
      }
    }

    private void report(String jobId, int ntime, int nonce, byte[] hash) {
      Assignment now = current;
      if (now != active
          && now.search != active.search
          && (now.work == null || now.work.job().cleanJobs())) {
        return; // the job was replaced by a clean one: this share would be stale
      }
      MiningWork work = active.work;
      listener.onShare(
          new FoundShare(
              work.algorithm(),
              jobId,
              Hex.encode(extranonce2),
              ntime,
              nonce,
              Hex.displayOrder(hash),
              Difficulty.ofHash(work.algorithm(), hash)));
    }

    private NonceScanner scannerFor(MiningWork work) {
      return switch (work.algorithm()) {
        case SHA256D -> sha256d == null ? (sha256d = sha256dScanners.get()) : sha256d;
        case SCRYPT ->
            scrypt == null
                ? (scrypt = NonceScanner.create(io.otedama.hashing.Algorithm.SCRYPT))
                : scrypt;
      };
    }

    @Override
    public String toString() {
      return "miner thread " + index;
    }
  }
}
