package io.otedama.controller.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Whole-machine CPU use from {@code /proc/stat} (Linux), to show what else was running. */
final class MachineCpu {

  private MachineCpu() {}

  /** {total jiffies, idle jiffies}, or zeros where /proc/stat is unavailable. */
  static long[] read() {
    try {
      String first = Files.readAllLines(Path.of("/proc/stat")).get(0);
      String[] f = first.trim().split("\\s+");
      long total = 0;
      for (int i = 1; i < f.length; i++) {
        total += Long.parseLong(f[i]);
      }
      long idle = Long.parseLong(f[4]) + Long.parseLong(f[5]);
      return new long[] {total, idle};
    } catch (IOException | RuntimeException e) {
      return new long[] {0, 0};
    }
  }

  static double busyCores(long[] start, long[] end) {
    long total = end[0] - start[0];
    long idle = end[1] - start[1];
    return total <= 0 ? 0 : (double) (total - idle) / total * cores();
  }

  /**
   * The machine's CPUs ({@code cpuN} lines of /proc/stat): not this JVM's available processors,
   * which a CPU affinity ({@code --controller-cpus}) narrows.
   */
  static int cores() {
    try {
      int n = 0;
      for (String line : Files.readAllLines(Path.of("/proc/stat"))) {
        if (line.length() > 3 && line.startsWith("cpu") && Character.isDigit(line.charAt(3))) {
          n++;
        }
      }
      return n == 0 ? Runtime.getRuntime().availableProcessors() : n;
    } catch (IOException | RuntimeException e) {
      return Runtime.getRuntime().availableProcessors();
    }
  }
}
