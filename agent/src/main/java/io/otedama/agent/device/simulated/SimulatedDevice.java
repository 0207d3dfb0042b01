package io.otedama.agent.device.simulated;

import io.otedama.agent.config.DeviceConfig;
import io.otedama.agent.device.AssignedWork;
import io.otedama.agent.device.DeviceState;
import io.otedama.agent.device.MiningDevice;
import io.otedama.agent.device.PoolSetting;
import io.otedama.agent.device.PowerMode;
import io.otedama.agent.device.ShareSink;
import io.otedama.protocol.message.DeviceInfo;
import io.otedama.protocol.message.DeviceTelemetry;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A miner that is not there: it reports a configured hashrate with a little noise, a temperature
 * that follows its load towards {@code ambient + loadRise} (about a minute's lag), a fan that
 * speeds up with it and a power draw, and can fail on cue:
 *
 * <ul>
 *   <li>{@code overheat}: the fan dies (reads 0 RPM), the temperature climbs; above 95 °C the
 *       device throttles to nothing ({@code overheat}) until it has cooled below 80 °C;
 *   <li>{@code hashrate-drop}: hashrate (reported and real) falls to {@code dropFraction};
 *   <li>{@code hang}: hashrate 0, status {@code hung}, no shares, until {@code restart-miner}.
 * </ul>
 *
 * A restart clears the failure and re-arms it {@code after} later. Meanwhile it hashes for real
 * ({@code hashesPerSecond}, in the shared {@link SimulatedHashing}) on the controller's assignment,
 * so its shares are real shares.
 */
public final class SimulatedDevice implements MiningDevice {
  static final double OVERHEAT_C = 95;
  static final double RECOVER_C = 80;
  private static final double TAU_SECONDS = 60;

  private final DeviceConfig.Simulated config;
  private final boolean powerModes;
  private final Clock clock;
  private final SimulatedHashing.Task hashing;
  private final SimulatedHashing pool;
  private final SplittableRandom random;
  private final double personality;
  private final AtomicLong found = new AtomicLong();

  private boolean running = true;
  private AssignedWork work;
  private long failureArmedAt;
  private PowerMode mode = PowerMode.NORMAL;
  private double temperature;
  private long lastUpdate = -1;
  private boolean throttled;
  private boolean hung;
  private long ledUntil;
  private List<PoolSetting> pools = List.of();

  public SimulatedDevice(
      DeviceConfig.Simulated config,
      ShareSink sink,
      SimulatedHashing pool,
      Clock clock,
      long seed) {
    this(config, sink, pool, clock, seed, true);
  }

  /**
   * @param powerModes false: a miner without power modes (many stock ASIC firmwares), which refuses
   *     {@code set-power-mode}
   */
  public SimulatedDevice(
      DeviceConfig.Simulated config,
      ShareSink sink,
      SimulatedHashing pool,
      Clock clock,
      long seed,
      boolean powerModes) {
    this.powerModes = powerModes;
    this.config = config;
    this.clock = clock;
    this.pool = pool;
    this.random = new SplittableRandom(seed ^ config.id().hashCode());
    // every device runs a little differently (±3 % hashrate, ±3 °C)
    this.personality = random.nextDouble(-1, 1);
    this.temperature = config.ambientC();
    this.failureArmedAt = clock.millis();
    this.hashing =
        pool.register(
            config.id(),
            share -> {
              found.incrementAndGet();
              sink.found(config.id(), share);
            });
    updateHashing();
  }

  @Override
  public DeviceInfo info() {
    return new DeviceInfo(config.id(), "simulated", config.model(), "sim-1", null);
  }

  @Override
  public synchronized void start() {
    running = true;
    updateHashing();
  }

  @Override
  public synchronized void stop() {
    running = false;
    updateHashing();
  }

  @Override
  public synchronized void restart() {
    running = true;
    hung = false;
    throttled = false;
    failureArmedAt = clock.millis();
    updateHashing();
  }

  @Override
  public synchronized DeviceState state() {
    advance();
    return stateNow();
  }

  private DeviceState stateNow() {
    if (!running) {
      return DeviceState.STOPPED;
    }
    if (hung) {
      return DeviceState.HUNG;
    }
    if (throttled) {
      return DeviceState.OVERHEAT;
    }
    return work == null || mode == PowerMode.SLEEP ? DeviceState.IDLE : DeviceState.MINING;
  }

  @Override
  public synchronized double hashrateHs() {
    advance();
    return reportedHashrate();
  }

  private double reportedHashrate() {
    if (stateNow() != DeviceState.MINING) {
      return 0;
    }
    double noise = 1 + 0.03 * personality + 0.01 * random.nextGaussian();
    return Math.max(0, config.hashrateHs() * modeFactor() * failureFactor() * noise);
  }

  @Override
  public synchronized void applyWork(AssignedWork assigned) {
    work = assigned;
    hashing.work(assigned);
    updateHashing();
  }

  @Override
  public synchronized DeviceTelemetry telemetry() {
    advance();
    DeviceState state = stateNow();
    boolean fanDead = failing("overheat");
    int fan =
        fanDead
            ? 0
            : (int) Math.round(Math.min(6600, 2400 + (temperature - config.ambientC()) * 90));
    double power =
        state == DeviceState.MINING
            ? config.powerW() * powerFactor() * failureFactor() * (1 + 0.01 * random.nextGaussian())
            : config.powerW() * 0.05;
    return new DeviceTelemetry(
        config.id(),
        "simulated",
        reportedHashrate(),
        Math.round(temperature * 10) / 10.0,
        fan,
        Math.round(Math.max(0, power) * 10) / 10.0,
        found.get(),
        0,
        state.word());
  }

  @Override
  public boolean hasPowerModes() {
    return powerModes;
  }

  @Override
  public synchronized void setPowerMode(PowerMode newMode) {
    if (!powerModes) {
      MiningDevice.super.setPowerMode(newMode); // refuses, as such a miner does
    }
    mode = newMode;
    updateHashing();
  }

  public synchronized PowerMode powerMode() {
    return mode;
  }

  /** A simulated miner takes any pools (and keeps mining the controller's work). */
  @Override
  public synchronized void setPools(List<PoolSetting> newPools) {
    pools = List.copyOf(newPools);
  }

  public synchronized List<PoolSetting> pools() {
    return pools;
  }

  @Override
  public synchronized void blinkLed(Duration duration) {
    ledUntil = clock.millis() + duration.toMillis();
  }

  public synchronized boolean ledBlinking() {
    return clock.millis() < ledUntil;
  }

  /** Shares this device found so far. */
  public long sharesFound() {
    return found.get();
  }

  @Override
  public synchronized void close() {
    running = false;
    hashing.enabled(false);
    pool.unregister(hashing);
  }

  // ---- the model

  private boolean failing(String mode) {
    return config.failure().mode().equals(mode)
        && clock.millis() - failureArmedAt >= config.failure().after().toMillis();
  }

  private double failureFactor() {
    return failing("hashrate-drop") ? config.failure().dropFraction() : 1;
  }

  private double modeFactor() {
    return switch (mode) {
      case SLEEP -> 0;
      case LOW -> 0.7;
      case NORMAL -> 1.0;
      case HIGH -> 1.15;
    };
  }

  private double powerFactor() {
    return switch (mode) {
      case SLEEP -> 0.05;
      case LOW -> 0.6;
      case NORMAL -> 1.0;
      case HIGH -> 1.3;
    };
  }

  /** Moves the temperature and the failure state to now. */
  private void advance() {
    long now = clock.millis();
    if (failing("hang") && !hung) {
      hung = true;
      updateHashing();
    }
    double load =
        running && !hung && !throttled && work != null && mode != PowerMode.SLEEP
            ? modeFactor() * failureFactor()
            : 0.05;
    double rise = config.loadRiseC() * (failing("overheat") ? 2.5 : 1);
    double target = config.ambientC() + 3 * personality + rise * load;
    if (lastUpdate >= 0 && now > lastUpdate) {
      double dt = (now - lastUpdate) / 1000.0;
      temperature += (target - temperature) * (1 - Math.exp(-dt / TAU_SECONDS));
    }
    lastUpdate = now;
    boolean wasThrottled = throttled;
    if (!throttled && temperature >= OVERHEAT_C) {
      throttled = true;
    } else if (throttled && temperature < RECOVER_C) {
      throttled = false;
    }
    if (wasThrottled != throttled) {
      updateHashing();
    }
  }

  private void updateHashing() {
    boolean active = running && !hung && !throttled && work != null;
    hashing.budget(config.hashesPerSecond() * modeFactor() * failureFactor());
    hashing.enabled(active);
  }

  /** For tests: the temperature now. */
  synchronized double temperatureC() {
    advance();
    return temperature;
  }
}
