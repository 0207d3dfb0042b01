package io.otedama.agent.device;

import io.otedama.protocol.message.DeviceInfo;
import io.otedama.protocol.message.DeviceTelemetry;
import java.time.Duration;
import java.util.List;

/**
 * One hashing device of the rig, whatever it is: this machine's CPU, an ASIC on the LAN, a
 * simulated miner. The agent starts it, feeds it work, asks it for figures, and passes commands to
 * it. Implementations are thread-safe; every method returns promptly (slow I/O happens on the
 * device's own schedule, and {@link #telemetry()} answers from what was last seen).
 *
 * <p>Commands a device cannot carry out throw {@link UnsupportedCommandException} with a sentence
 * for the operator; other failures throw {@link IllegalStateException}.
 */
public interface MiningDevice extends AutoCloseable {
  DeviceInfo info();

  default String id() {
    return info().id();
  }

  /** Starts hashing (on the current work, if any). Idempotent. */
  void start();

  /** Stops hashing until {@link #start()}. Idempotent. */
  void stop();

  DeviceState state();

  /** Current hashrate in H/s. */
  double hashrateHs();

  /**
   * Switches to this work. A clean-jobs assignment replaces the current job at once; shares of the
   * old job are not reported any more. Devices that get work elsewhere (an ASIC mining on its own
   * pools) ignore it.
   */
  void applyWork(AssignedWork work);

  /** The device's figures now. */
  DeviceTelemetry telemetry();

  /** {@code restart-miner}: stop and start again, clearing a hang. */
  default void restart() {
    stop();
    start();
  }

  /** {@code set-pool}: point the device at these pools, first one preferred. */
  default void setPools(List<PoolSetting> pools) {
    throw new UnsupportedCommandException(
        "device " + id() + " (" + info().kind() + ") mines the controller's work and has no pools");
  }

  /**
   * Whether {@link #setPowerMode} works. The agent advertises {@code cmd:set-power-mode} only when
   * one of its devices has power modes: the controller's curtailment sends it to such rigs and
   * switches the others off at their PDU outlet, so a rig must not claim modes it cannot apply.
   */
  default boolean hasPowerModes() {
    return false;
  }

  /** {@code set-power-mode}. */
  default void setPowerMode(PowerMode mode) {
    throw new UnsupportedCommandException(
        "device " + id() + " (" + info().kind() + ") has no power modes");
  }

  /** {@code blink-led}: blink the locator LED for a while. */
  default void blinkLed(Duration duration) {
    throw new UnsupportedCommandException(
        "device " + id() + " (" + info().kind() + ") has no locator LED the agent can reach");
  }

  /** Stops for good and releases threads and sockets. */
  @Override
  default void close() {
    stop();
  }
}
