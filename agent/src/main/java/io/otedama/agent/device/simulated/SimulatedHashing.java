package io.otedama.agent.device.simulated;

import io.otedama.agent.device.AssignedWork;
import io.otedama.hashing.Algorithm;
import io.otedama.hashing.Difficulty;
import io.otedama.hashing.Hex;
import io.otedama.hashing.miner.FoundShare;
import io.otedama.hashing.miner.MiningWork;
import io.otedama.hashing.scan.NonceScanner;
import io.otedama.hashing.stratum.HeaderAssembler;
import java.lang.System.Logger.Level;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Real hashing for simulated devices, shared by all of them in a process: a few threads visit every
 * registered {@link Task} each tick and scan as many nonces as its budget allows, so 10,000
 * simulated rigs cost one budgeted core, not 10,000 threads. The hashes are real (the hashing
 * module's scanners), so the shares found are valid and the controller's validation, accounting and
 * payouts run on real data; only the hashrate a simulated device reports is made up.
 */
public final class SimulatedHashing implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger(SimulatedHashing.class.getName());
  static final long TICK_MILLIS = 100;
  private static final long NONCE_SPACE = 1L << 32;

  private final List<Task> tasks = new CopyOnWriteArrayList<>();
  private final Thread[] threads;
  private final AtomicLong hashes = new AtomicLong();
  private volatile boolean closed;

  /** Starts {@code threadCount} hashing threads (daemon, low priority). */
  public SimulatedHashing(int threadCount) {
    threads = new Thread[threadCount];
    for (int i = 0; i < threadCount; i++) {
      int index = i;
      threads[i] = new Thread(() -> run(index), "otedama-sim-hashing-" + i);
      threads[i].setDaemon(true);
      threads[i].setPriority(Thread.MIN_PRIORITY);
      threads[i].start();
    }
  }

  /** Hashes computed so far by all tasks. */
  public long hashes() {
    return hashes.get();
  }

  /** Registers a device's hashing; it runs while its work is set and it is enabled. */
  public Task register(String deviceId, Consumer<FoundShare> sink) {
    Task task = new Task(deviceId, sink);
    tasks.add(task);
    return task;
  }

  void unregister(Task task) {
    tasks.remove(task);
  }

  /**
   * One device's hashing state. The device sets the work, the budget and whether it runs; the
   * pool's thread does the rest.
   */
  public static final class Task {
    private final String deviceId;
    private final Consumer<FoundShare> sink;
    private final AtomicLong done = new AtomicLong();
    private volatile AssignedWork work;
    private volatile double hashesPerSecond;
    private volatile boolean enabled;

    // owned by the hashing thread
    private AssignedWork seen;
    private final byte[] header = new byte[HeaderAssembler.HEADER_LENGTH];
    private byte[] extranonce2 = new byte[0];
    private long counter;
    private long nonce;
    private double credit;

    Task(String deviceId, Consumer<FoundShare> sink) {
      this.deviceId = deviceId;
      this.sink = sink;
    }

    public void work(AssignedWork work) {
      this.work = work;
    }

    public void budget(double hashesPerSecond) {
      this.hashesPerSecond = Math.max(0, hashesPerSecond);
    }

    public void enabled(boolean enabled) {
      this.enabled = enabled;
    }

    /** Hashes this task computed. */
    public long hashes() {
      return done.get();
    }

    @Override
    public String toString() {
      return "hashing for " + deviceId;
    }
  }

  private void run(int index) {
    Worker worker = new Worker();
    long next = System.nanoTime();
    while (!closed) {
      List<Task> all = tasks;
      for (int i = index; i < all.size(); i += threads.length) {
        Task task = all.get(i);
        try {
          worker.visit(task);
        } catch (RuntimeException e) {
          LOG.log(
              Level.WARNING, "simulated hashing for {0} failed: {1}", task.deviceId, e.toString());
          task.work = null;
        }
      }
      next += TICK_MILLIS * 1_000_000;
      long sleep = next - System.nanoTime();
      if (sleep > 0) {
        try {
          Thread.sleep(sleep / 1_000_000, (int) (sleep % 1_000_000));
        } catch (InterruptedException e) {
          return;
        }
      } else {
        next = System.nanoTime(); // behind: do not try to catch up, just run slower
      }
    }
  }

  private final class Worker {
    private final HeaderAssembler assembler = new HeaderAssembler();
    private NonceScanner sha256d;
    private NonceScanner scrypt;

    void visit(Task task) {
      AssignedWork work = task.work;
      if (work == null || !task.enabled) {
        task.credit = 0;
        return;
      }
      task.credit += task.hashesPerSecond * TICK_MILLIS / 1000.0;
      // scan in runs of at least 64 nonces: setting up a header costs a few hashes itself
      if (task.credit < 64) {
        return;
      }
      int budget = (int) Math.min(task.credit, 1 << 22);
      task.credit -= budget;
      MiningWork mining = work.mining();
      if (task.seen != work) {
        // the same job again with only a new share target (vardiff) or a redelivery of the
        // retained assignment: keep going where we were, or the shares already sent would be
        // found again (and rejected as duplicates)
        boolean sameSpace = task.seen != null && sameSearchSpace(task.seen, work);
        task.seen = work;
        if (!sameSpace) {
          task.counter = 0;
          task.nonce = 0;
        }
        if (task.extranonce2.length != mining.extranonce2Size()) {
          task.extranonce2 = new byte[mining.extranonce2Size()];
        }
        buildHeader(task, mining);
      }
      NonceScanner scanner = scanner(mining.algorithm());
      scanner.setWork(task.header, mining.shareTarget());
      String jobId = work.jobId();
      int ntime = mining.job().ntime();
      while (budget > 0) {
        long left = NONCE_SPACE - task.nonce;
        int n = (int) Math.min(budget, left);
        scanner.scan(
            (int) task.nonce,
            n,
            (nonce, hash) -> {
              if (!task.enabled) {
                return; // stopped while scanning: a stopped device reports nothing new
              }
              AssignedWork now = task.work;
              if (now != work && (now == null || now.cleanJobs())) {
                return; // replaced by a clean job while scanning: the share would be stale
              }
              task.sink.accept(
                  new FoundShare(
                      mining.algorithm(),
                      jobId,
                      Hex.encode(task.extranonce2),
                      ntime,
                      nonce,
                      Hex.displayOrder(hash),
                      Difficulty.ofHash(mining.algorithm(), hash)));
            });
        task.nonce += n;
        budget -= n;
        task.done.addAndGet(n);
        hashes.addAndGet(n);
        if (task.nonce >= NONCE_SPACE) {
          task.nonce = 0;
          task.counter++;
          buildHeader(task, mining);
          scanner.setWork(task.header, mining.shareTarget());
        }
      }
    }

    private static boolean sameSearchSpace(AssignedWork a, AssignedWork b) {
      var x = a.message();
      var y = b.message();
      return x.job().equals(y.job())
          && x.extranonce1().equals(y.extranonce1())
          && x.extranonce2Prefix().equals(y.extranonce2Prefix())
          && x.extranonce2Size() == y.extranonce2Size()
          && x.algorithm() == y.algorithm();
    }

    private void buildHeader(Task task, MiningWork mining) {
      byte[] prefix = mining.extranonce2Prefix();
      byte[] e2 = task.extranonce2;
      System.arraycopy(prefix, 0, e2, 0, prefix.length);
      long c = task.counter;
      for (int i = e2.length - 1; i >= prefix.length; i--) {
        e2[i] = (byte) c;
        c >>>= 8;
      }
      assembler.assemble(
          mining.job(), mining.extranonce1(), e2, mining.job().ntime(), 0, task.header);
    }

    private NonceScanner scanner(Algorithm algorithm) {
      return switch (algorithm) {
        case SHA256D -> sha256d == null ? (sha256d = NonceScanner.create(algorithm)) : sha256d;
        case SCRYPT -> scrypt == null ? (scrypt = NonceScanner.create(algorithm)) : scrypt;
      };
    }
  }

  @Override
  public void close() {
    closed = true;
    for (Thread t : threads) {
      t.interrupt();
    }
  }
}
