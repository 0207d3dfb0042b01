package io.otedama.agent.config;

import java.time.Duration;

/** One hashing device of the rig, as configured under {@code devices:}. */
public sealed interface DeviceConfig {
  /** Unique within the rig; appears in telemetry and birth. */
  String id();

  /** {@code cpu}, {@code asic} or {@code simulated}. */
  String kind();

  /** Mines on this machine's CPU with the hashing module's miner. */
  record Cpu(String id, int threads) implements DeviceConfig {
    @Override
    public String kind() {
      return "cpu";
    }
  }

  /** An ASIC miner on the LAN, reached through its cgminer API (TCP 4028). */
  record Asic(String id, String host, int port, Duration timeout, String model)
      implements DeviceConfig {
    @Override
    public String kind() {
      return "asic";
    }

    public String address() {
      return host + ":" + port;
    }
  }

  /**
   * A simulated miner: reports {@code hashrateHs} and a temperature curve, and finds real shares by
   * hashing {@code hashesPerSecond} for real.
   *
   * @param failure what goes wrong, and when
   */
  record Simulated(
      String id,
      String model,
      double hashrateHs,
      double powerW,
      double ambientC,
      double loadRiseC,
      double hashesPerSecond,
      Failure failure)
      implements DeviceConfig {
    @Override
    public String kind() {
      return "simulated";
    }
  }

  /**
   * A simulated failure: {@code none}, {@code overheat} (the temperature climbs past the limit and
   * the device throttles), {@code hashrate-drop} (the hashrate falls to {@code dropFraction}) or
   * {@code hang} (the device stops hashing until restarted), starting {@code after} the device
   * starts.
   */
  record Failure(String mode, Duration after, double dropFraction) {
    public static final Failure NONE = new Failure("none", Duration.ZERO, 1.0);

    public boolean none() {
      return "none".equals(mode);
    }
  }
}
