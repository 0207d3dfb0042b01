package io.otedama.agent.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The collectors on a fake /sys and /proc tree laid out like a real Linux host's. */
class HostSensorsTest {
  @TempDir Path root;

  void write(String path, String content) throws IOException {
    Path file = root.resolve(path);
    Files.createDirectories(file.getParent());
    Files.writeString(file, content);
  }

  @Test
  void readsTemperaturesFansLoadMemoryAndPower() throws IOException {
    // coretemp: package and two cores (millidegrees), a fan controller, an unreadable-looking 0
    write("sys/class/hwmon/hwmon0/name", "coretemp\n");
    write("sys/class/hwmon/hwmon0/temp1_input", "61000\n");
    write("sys/class/hwmon/hwmon0/temp2_input", "58500\n");
    write("sys/class/hwmon/hwmon0/temp3_input", "57000\n");
    write("sys/class/hwmon/hwmon1/name", "nct6775\n");
    write("sys/class/hwmon/hwmon1/fan1_input", "1320\n");
    write("sys/class/hwmon/hwmon1/fan2_input", "0\n");
    write("sys/class/hwmon/hwmon1/temp7_input", "0\n");
    write("sys/class/hwmon/hwmon1/temp8_input", "garbage\n");
    write("sys/class/thermal/thermal_zone0/type", "x86_pkg_temp\n");
    write("sys/class/thermal/thermal_zone0/temp", "63000\n");
    write("sys/class/thermal/thermal_zone1/temp", "-273000\n");
    write("proc/loadavg", "0.42 0.35 0.30 1/234 5678\n");
    write(
        "proc/meminfo",
        "MemTotal:        8000000 kB\nMemFree:          100000 kB\nMemAvailable:    6500000 kB\n");
    write("sys/class/powercap/intel-rapl:0/energy_uj", "1000000\n");
    write("sys/class/powercap/intel-rapl:0:0/energy_uj", "500000\n");

    HostSensors sensors = new HostSensors(root);
    assertThat(sensors.temperaturesC()).containsExactlyInAnyOrder(61.0, 58.5, 57.0, 63.0);
    assertThat(sensors.maxTemperatureC()).hasValue(63.0);
    assertThat(sensors.fanRpms()).containsExactly(1320, 0);
    assertThat(sensors.maxFanRpm()).hasValue(1320);
    assertThat(sensors.load1()).isEqualTo(0.42);
    assertThat(sensors.memoryTotalAndAvailableBytes())
        .containsExactly(8_192_000_000L, 6_656_000_000L);

    assertThat(sensors.packagePowerW(1_000_000_000L)).isNull(); // the first reading has no rate yet
    write("sys/class/powercap/intel-rapl:0/energy_uj", "51000000\n"); // +50 J
    assertThat(sensors.packagePowerW(3_000_000_000L)).isEqualTo(25.0); // over 2 s
  }

  @Test
  void aHostWithoutSensorsReportsNothingAndDoesNotFail() {
    HostSensors sensors = new HostSensors(root.resolve("nothing-here"));
    assertThat(sensors.temperaturesC()).isEmpty();
    assertThat(sensors.fanRpms()).isEmpty();
    assertThat(sensors.load1()).isNull();
    assertThat(sensors.memoryTotalAndAvailableBytes()).containsOnlyNulls();
    assertThat(sensors.packagePowerW(1)).isNull();
  }
}
