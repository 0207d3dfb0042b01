package io.otedama.agent.cli;

import io.otedama.hashing.Algorithm;
import io.otedama.hashing.Target;
import io.otedama.hashing.miner.CpuMiner;
import io.otedama.hashing.miner.MiningWork;
import io.otedama.hashing.scan.NonceScanner;
import io.otedama.hashing.stratum.StratumJob;
import java.io.PrintWriter;
import java.math.BigInteger;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code bench}: runs the real CPU miner on a synthetic job with an unreachable target and reports
 * the hash rate. The run starts with a warm-up that is not counted: the vector code is very slow
 * until the JIT has compiled it (a few seconds), so the warm-up lasts at least a third of the run
 * (at most 3 s), then until two consecutive quarter-second rates agree within 10 %, but at most
 * half the run.
 */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    header = "Measures this machine's CPU hash rate.",
    description = {
      "The last line is exactly",
      "  <algo>: <rate> <unit> (<N> threads)",
      "with MH/s for sha256d and kH/s for scrypt. The first part of the run (until the rate is"
          + " steady, at most half) is JIT warm-up and not counted. The vector path needs java"
          + " --add-modules jdk.incubator.vector (the start script adds it); without it hashing"
          + " is scalar."
    })
final class BenchCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--algo",
      defaultValue = "sha256d",
      paramLabel = "sha256d|scrypt",
      description = "Hash function (default: ${DEFAULT-VALUE}).")
  Algorithm algorithm;

  @Option(
      names = "--threads",
      paramLabel = "N",
      description = "Mining threads (default: the number of processors).")
  Integer threads;

  @Option(
      names = "--seconds",
      defaultValue = "10",
      paramLabel = "S",
      description = "Total run time in seconds, warm-up included (default: ${DEFAULT-VALUE}).")
  double seconds;

  @Override
  public Integer call() {
    int n = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
    if (n < 1 || n > 1024) {
      throw new ParameterException(
          spec.commandLine(), "--threads must be between 1 and 1024, got " + n);
    }
    if (!(seconds > 0) || seconds > 86_400) {
      throw new ParameterException(
          spec.commandLine(), "--seconds must be between 0 and 86400, got " + seconds);
    }
    PrintWriter out = spec.commandLine().getOut();
    long totalNanos = (long) (seconds * 1e9);
    out.printf(Locale.ROOT, "%s, %d threads, %.1f s%n", implementation(), n, seconds);
    out.flush();

    double rate;
    try (CpuMiner miner = new CpuMiner(n, share -> {})) {
      miner.setWork(syntheticWork());
      long start = System.nanoTime();
      long minimum = start + Math.min(TimeUnit.SECONDS.toNanos(3), totalNanos / 3);
      long measuredFrom = warmUp(miner, minimum, start + totalNanos / 2);
      long hashesFrom = miner.hashes();
      sleepUntil(start + totalNanos);
      long measuredTo = System.nanoTime();
      long hashesTo = miner.hashes();
      rate = (hashesTo - hashesFrom) / ((measuredTo - measuredFrom) / 1e9);
      out.printf(Locale.ROOT, "warm-up %.1f s%n", (measuredFrom - start) / 1e9);
    }
    boolean sha = algorithm == Algorithm.SHA256D;
    out.printf(
        Locale.ROOT,
        "%s: %.2f %s (%d threads)%n",
        algorithm.id(),
        rate / (sha ? 1e6 : 1e3),
        sha ? "MH/s" : "kH/s",
        n);
    return 0;
  }

  private String implementation() {
    return NonceScanner.create(algorithm).implementation();
  }

  /** A job nobody can solve: target zero, so the miner hashes without ever reporting. */
  private MiningWork syntheticWork() {
    StratumJob job =
        StratumJob.of(
            "bench",
            new byte[32],
            new byte[] {1, 0, 0, 0, 1},
            new byte[] {(byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff},
            List.of(),
            0x20000000,
            0x1d00ffff,
            (int) (System.currentTimeMillis() / 1000),
            true);
    return new MiningWork(
        algorithm, job, new byte[] {0, 0, 0, 1}, new byte[0], 4, Target.of(BigInteger.ZERO));
  }

  /**
   * Waits at least until {@code minimum} (the slow, not yet compiled phase can look steady too),
   * then until the hash rate is steady, at most until {@code deadline}; returns when measuring may
   * start.
   */
  private static long warmUp(CpuMiner miner, long minimum, long deadline) {
    sleepUntil(minimum);
    long step = TimeUnit.MILLISECONDS.toNanos(250);
    double previous = -1;
    long now = System.nanoTime();
    while (now + step <= deadline) {
      long hashes = miner.hashes();
      sleepUntil(now + step);
      long later = System.nanoTime();
      double rate = (miner.hashes() - hashes) / (double) (later - now);
      if (previous > 0 && Math.abs(rate - previous) <= 0.1 * previous) {
        return later;
      }
      previous = rate;
      now = later;
    }
    sleepUntil(deadline);
    return System.nanoTime();
  }

  private static void sleepUntil(long deadline) {
    long left;
    while ((left = deadline - System.nanoTime()) > 0) {
      LockSupport.parkNanos(left);
    }
  }
}
