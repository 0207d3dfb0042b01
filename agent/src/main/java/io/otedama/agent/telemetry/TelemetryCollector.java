package io.otedama.agent.telemetry;

import io.otedama.agent.device.MiningDevice;
import io.otedama.protocol.codec.MessageLimits;
import io.otedama.protocol.message.DeviceTelemetry;
import io.otedama.protocol.message.HostTelemetry;
import io.otedama.protocol.message.TelemetryMessage;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Builds one {@link TelemetryMessage} from the devices and the host: the rig's hashrate, power and
 * share counts are the devices' sums, its temperature the hottest device (or the host's hottest
 * sensor when no device has one), its fan the fastest of devices and host. Devices that do I/O
 * (ASICs) are asked in parallel, each within its own timeout; a device that fails reports {@code
 * error} and the rest still goes out.
 */
public final class TelemetryCollector {
  private static final System.Logger LOG = System.getLogger(TelemetryCollector.class.getName());

  private final List<MiningDevice> devices;
  private final HostSensors host;
  private final Clock clock;
  private final long startedAtMillis;

  /**
   * @param host the host's sensors, or null to report no host figures (simulated rigs)
   */
  public TelemetryCollector(
      List<MiningDevice> devices, HostSensors host, Clock clock, long startedAtMillis) {
    this.devices = List.copyOf(devices);
    this.host = host;
    this.clock = clock;
    this.startedAtMillis = startedAtMillis;
  }

  public TelemetryMessage collect() {
    List<DeviceTelemetry> perDevice = deviceFigures();
    double hashrate = 0;
    Double temperature = null;
    Integer fan = null;
    Double power = null;
    long accepted = 0;
    long rejected = 0;
    for (DeviceTelemetry d : perDevice) {
      hashrate += d.hashrateHs();
      temperature = max(temperature, d.temperatureC());
      if (d.fanRpm() != null) {
        fan = fan == null ? d.fanRpm() : Math.max(fan, d.fanRpm());
      }
      if (d.powerW() != null) {
        power = power == null ? d.powerW() : power + d.powerW();
      }
      accepted += d.accepted();
      rejected += d.rejected();
    }
    HostTelemetry hostFigures = null;
    if (host != null) {
      if (temperature == null) {
        temperature =
            host.maxTemperatureC().isPresent() ? host.maxTemperatureC().getAsDouble() : null;
      }
      if (host.maxFanRpm().isPresent()) {
        fan =
            fan == null ? host.maxFanRpm().getAsInt() : Math.max(fan, host.maxFanRpm().getAsInt());
      }
      Long[] memory = host.memoryTotalAndAvailableBytes();
      hostFigures = new HostTelemetry(host.load1(), memory[0], memory[1]);
    }
    long now = clock.millis();
    return new TelemetryMessage(
        now,
        clamp(hashrate, 0, MessageLimits.MAX_HASHRATE_HS),
        temperature == null
            ? null
            : clamp(temperature, MessageLimits.MIN_TEMPERATURE_C, MessageLimits.MAX_TEMPERATURE_C),
        fan == null ? null : Math.min(fan, MessageLimits.MAX_FAN_RPM),
        power == null ? null : clamp(power, 0, MessageLimits.MAX_POWER_W),
        accepted,
        rejected,
        Math.max(0, (now - startedAtMillis) / 1000),
        perDevice,
        hostFigures);
  }

  private List<DeviceTelemetry> deviceFigures() {
    List<DeviceTelemetry> out = new ArrayList<>(devices.size());
    if (devices.size() <= 1
        || devices.stream().allMatch(d -> "simulated".equals(d.info().kind()))) {
      for (MiningDevice d : devices) {
        out.add(safely(d));
      }
      return out;
    }
    try (ExecutorService parallel = Executors.newVirtualThreadPerTaskExecutor()) {
      List<Future<DeviceTelemetry>> futures = new ArrayList<>();
      for (MiningDevice d : devices) {
        futures.add(parallel.submit(() -> safely(d)));
      }
      for (int i = 0; i < futures.size(); i++) {
        try {
          out.add(futures.get(i).get(60, TimeUnit.SECONDS));
        } catch (Exception e) {
          out.add(failed(devices.get(i)));
        }
      }
    }
    return out;
  }

  private static DeviceTelemetry safely(MiningDevice d) {
    try {
      return d.telemetry();
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "telemetry of device {0} failed: {1}", d.id(), e.toString());
      return failed(d);
    }
  }

  private static DeviceTelemetry failed(MiningDevice d) {
    return new DeviceTelemetry(d.id(), d.info().kind(), 0, null, null, null, 0, 0, "error");
  }

  private static Double max(Double a, Double b) {
    if (a == null) {
      return b;
    }
    return b == null ? a : Math.max(a, b);
  }

  private static double clamp(double v, double min, double max) {
    return Math.max(min, Math.min(max, v));
  }
}
