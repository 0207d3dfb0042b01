package io.otedama.agent.telemetry;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * Reads the Linux host's sensors under a root directory ({@code /} on a rig, a fake tree in tests):
 * temperatures from {@code sys/class/hwmon/*&#47;temp*_input} and {@code
 * sys/class/thermal/thermal_zone*&#47;temp} (millidegrees), fan speeds from {@code
 * hwmon*&#47;fan*_input}, load from {@code proc/loadavg}, memory from {@code proc/meminfo}, power
 * from RAPL ({@code sys/class/powercap/intel-rapl:N/energy_uj}). Anything missing or unreadable is
 * simply absent: a rig without sensors still reports.
 */
public final class HostSensors {
  private static final double MIN_C = -50;
  private static final double MAX_C = 200;

  private final Path root;
  private final Object raplLock = new Object();
  private long lastEnergyMicroJ = -1;
  private long lastEnergyNanos;
  private Double lastPowerW;

  public HostSensors(Path root) {
    this.root = root;
  }

  /** The sensors of this machine. */
  public static HostSensors system() {
    return new HostSensors(Path.of("/"));
  }

  /** Every plausible temperature reading in °C. */
  public List<Double> temperaturesC() {
    List<Double> out = new ArrayList<>();
    for (Path hwmon : list(root.resolve("sys/class/hwmon"), "hwmon*")) {
      for (Path input : list(hwmon, "temp*_input")) {
        addTemperature(out, readLong(input));
      }
    }
    for (Path zone : list(root.resolve("sys/class/thermal"), "thermal_zone*")) {
      addTemperature(out, readLong(zone.resolve("temp")));
    }
    return out;
  }

  /** The hottest reading, if any. */
  public OptionalDouble maxTemperatureC() {
    return temperaturesC().stream().mapToDouble(Double::doubleValue).max();
  }

  /** Every fan reading in RPM (0 for a stopped fan). */
  public List<Integer> fanRpms() {
    List<Integer> out = new ArrayList<>();
    for (Path hwmon : list(root.resolve("sys/class/hwmon"), "hwmon*")) {
      for (Path input : list(hwmon, "fan*_input")) {
        Long rpm = readLong(input);
        if (rpm != null && rpm >= 0 && rpm <= 100_000) {
          out.add(rpm.intValue());
        }
      }
    }
    return out;
  }

  public OptionalInt maxFanRpm() {
    return fanRpms().stream().mapToInt(Integer::intValue).max();
  }

  /** The one-minute load average. */
  public Double load1() {
    String text = read(root.resolve("proc/loadavg"));
    if (text == null) {
      return null;
    }
    String[] parts = text.strip().split("\\s+");
    try {
      double load = Double.parseDouble(parts[0]);
      return load >= 0 && load <= 1e6 ? load : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** {@code MemTotal} and {@code MemAvailable} in bytes; either may be null. */
  public Long[] memoryTotalAndAvailableBytes() {
    Long[] out = new Long[2];
    String text = read(root.resolve("proc/meminfo"));
    if (text == null) {
      return out;
    }
    for (String line : text.split("\n")) {
      if (line.startsWith("MemTotal:")) {
        out[0] = kibibytes(line);
      } else if (line.startsWith("MemAvailable:")) {
        out[1] = kibibytes(line);
      }
    }
    return out;
  }

  /**
   * The package power from RAPL energy counters, averaged since the previous call; null on the
   * first call, without RAPL, or when the counters are not readable (they need root on most
   * kernels).
   */
  public Double packagePowerW(long nowNanos) {
    long total = 0;
    boolean any = false;
    for (Path zone : list(root.resolve("sys/class/powercap"), "intel-rapl:[0-9]*")) {
      if (zone.getFileName().toString().indexOf(':', "intel-rapl:".length()) >= 0) {
        continue; // sub-zones (core, uncore) are part of the package
      }
      Long energy = readLong(zone.resolve("energy_uj"));
      if (energy != null) {
        total += energy;
        any = true;
      }
    }
    synchronized (raplLock) {
      if (!any) {
        return null;
      }
      Double power = null;
      if (lastEnergyMicroJ >= 0 && total >= lastEnergyMicroJ && nowNanos > lastEnergyNanos) {
        double seconds = (nowNanos - lastEnergyNanos) / 1e9;
        power = (total - lastEnergyMicroJ) / 1e6 / seconds;
      } else if (lastEnergyMicroJ >= 0) {
        power = lastPowerW; // counter wrapped: keep the last figure
      }
      lastEnergyMicroJ = total;
      lastEnergyNanos = nowNanos;
      lastPowerW = power;
      return power;
    }
  }

  private static Long kibibytes(String line) {
    String[] parts = line.split("\\s+");
    try {
      return parts.length >= 2 ? Long.parseLong(parts[1]) * 1024 : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static void addTemperature(List<Double> out, Long millidegrees) {
    if (millidegrees == null) {
      return;
    }
    double c = millidegrees / 1000.0;
    if (c > MIN_C && c <= MAX_C && millidegrees != 0) {
      out.add(c);
    }
  }

  private static List<Path> list(Path dir, String glob) {
    List<Path> out = new ArrayList<>();
    if (!Files.isDirectory(dir)) {
      return out;
    }
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir, glob)) {
      entries.forEach(out::add);
    } catch (IOException | RuntimeException e) {
      return out;
    }
    out.sort(null);
    return out;
  }

  private static Long readLong(Path file) {
    String text = read(file);
    if (text == null) {
      return null;
    }
    try {
      return Long.parseLong(text.strip());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException | RuntimeException e) {
      return null; // absent, unreadable, or a sensor that errors on read (EIO is common)
    }
  }
}
