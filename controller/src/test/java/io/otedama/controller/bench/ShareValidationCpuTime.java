package io.otedama.controller.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * The share validation benchmark's two cases measured in shares per CPU-second of the validating
 * thread: on a machine shared with other work, wall-clock throughput says more about the neighbours
 * than about the code; CPU time is what one dedicated core would do. Run as in docs/performance.md.
 */
public final class ShareValidationCpuTime {
  private ShareValidationCpuTime() {}

  public static void main(String[] args) throws Exception {
    int shares = args.length > 0 ? Integer.parseInt(args[0]) : 2_000_000;
    ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
    for (String mode : new String[] {"sameExtranonce2", "interleavedRigs"}) {
      ShareValidationBenchmark bench = new ShareValidationBenchmark();
      bench.setUp();
      boolean same = mode.equals("sameExtranonce2");
      for (int i = 0; i < shares / 2; i++) { // warm-up
        Object v = same ? bench.sameExtranonce2() : bench.interleavedRigs();
        if (v == null) {
          throw new IllegalStateException();
        }
      }
      long start = cpu.getCurrentThreadCpuTime();
      long wallStart = System.nanoTime();
      for (int i = 0; i < shares; i++) {
        Object v = same ? bench.sameExtranonce2() : bench.interleavedRigs();
        if (v == null) {
          throw new IllegalStateException();
        }
      }
      double cpuSeconds = (cpu.getCurrentThreadCpuTime() - start) / 1e9;
      double wallSeconds = (System.nanoTime() - wallStart) / 1e9;
      System.out.printf(
          "%s: %,.0f shares per CPU-second (%,.0f per wall-clock second)%n",
          mode, shares / cpuSeconds, shares / wallSeconds);
    }
  }
}
