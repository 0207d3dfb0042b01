package io.otedama.agent.device.cpu;

import io.otedama.agent.device.AssignedWork;
import io.otedama.agent.device.DeviceState;
import io.otedama.agent.device.MiningDevice;
import io.otedama.agent.device.PowerMode;
import io.otedama.agent.device.RateMeter;
import io.otedama.agent.device.ShareSink;
import io.otedama.agent.telemetry.HostSensors;
import io.otedama.hashing.miner.CpuMiner;
import io.otedama.protocol.message.DeviceInfo;
import io.otedama.protocol.message.DeviceTelemetry;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicLong;

/**
 * This machine's CPU, mining the controller's assignment with the hashing module's multi-threaded
 * {@link CpuMiner} (vector SHA-256d where the JVM has {@code jdk.incubator.vector}). A clean-jobs
 * assignment switches the threads at once; the miner drops shares of a replaced job. Temperature,
 * fan and (with RAPL) power come from the host's sensors. Power modes change the thread count: low
 * = a quarter, normal = as configured, high = every core; sleep pauses the threads.
 */
public final class CpuDevice implements MiningDevice {
  private final String id;
  private final int configuredThreads;
  private final ShareSink sink;
  private final HostSensors sensors;
  private final Clock clock;
  private final RateMeter rate = new RateMeter(30_000);
  private final AtomicLong found = new AtomicLong();
  private final AtomicLong hashesBefore = new AtomicLong();

  private CpuMiner miner;
  private int threads;
  private PowerMode mode = PowerMode.NORMAL;
  private AssignedWork work;
  private boolean running = true;

  public CpuDevice(String id, int threads, ShareSink sink, HostSensors sensors, Clock clock) {
    this.id = id;
    this.configuredThreads = threads;
    this.threads = threads;
    this.sink = sink;
    this.sensors = sensors;
    this.clock = clock;
    this.miner = newMiner(threads);
  }

  private CpuMiner newMiner(int n) {
    return new CpuMiner(
        n,
        share -> {
          found.incrementAndGet();
          sink.found(id, share);
        });
  }

  @Override
  public synchronized DeviceInfo info() {
    // not the scanner's name: asking for it loads the Vector API, which an idle agent should not
    // pay for (the birth is sent before any work arrives)
    return new DeviceInfo(id, "cpu", "CPU, " + threads + " threads", null, null);
  }

  @Override
  public synchronized void start() {
    running = true;
    if (work != null && mode != PowerMode.SLEEP) {
      miner.setWork(work.mining());
    }
  }

  @Override
  public synchronized void stop() {
    running = false;
    miner.pause();
  }

  @Override
  public synchronized DeviceState state() {
    if (!running) {
      return DeviceState.STOPPED;
    }
    if (mode == PowerMode.SLEEP) {
      return DeviceState.IDLE;
    }
    return miner.work() == null ? DeviceState.IDLE : DeviceState.MINING;
  }

  @Override
  public double hashrateHs() {
    return rate.update(hashes(), clock.millis());
  }

  private synchronized long hashes() {
    return hashesBefore.get() + miner.hashes();
  }

  @Override
  public synchronized void applyWork(AssignedWork assigned) {
    this.work = assigned;
    if (running && mode != PowerMode.SLEEP) {
      miner.setWork(assigned.mining());
    }
  }

  @Override
  public DeviceTelemetry telemetry() {
    double hashrate = hashrateHs();
    Double temperature = boxed(sensors.maxTemperatureC());
    Integer fan = sensors.maxFanRpm().isPresent() ? sensors.maxFanRpm().getAsInt() : null;
    Double power = sensors.packagePowerW(System.nanoTime());
    return new DeviceTelemetry(
        id, "cpu", hashrate, temperature, fan, power, found.get(), 0, state().word());
  }

  @Override
  public synchronized void restart() {
    hashesBefore.addAndGet(miner.hashes());
    miner.close();
    miner = newMiner(threads);
    if (running && work != null && mode != PowerMode.SLEEP) {
      miner.setWork(work.mining());
    }
  }

  @Override
  public boolean hasPowerModes() {
    return true;
  }

  @Override
  public synchronized void setPowerMode(PowerMode newMode) {
    int available = Runtime.getRuntime().availableProcessors();
    if (newMode == PowerMode.SLEEP) {
      mode = newMode;
      miner.pause();
      return;
    }
    boolean waking = mode == PowerMode.SLEEP;
    int wanted =
        switch (newMode) {
          case SLEEP -> threads;
          case LOW -> Math.max(1, configuredThreads / 4);
          case NORMAL -> configuredThreads;
          case HIGH -> Math.max(configuredThreads, available);
        };
    mode = newMode;
    if (wanted != threads) {
      threads = wanted;
      restart();
    } else if (waking && running && work != null) {
      miner.setWork(work.mining());
    }
  }

  public synchronized PowerMode powerMode() {
    return mode;
  }

  public synchronized int threads() {
    return threads;
  }

  @Override
  public synchronized void close() {
    running = false;
    miner.close();
  }

  private static Double boxed(java.util.OptionalDouble d) {
    return d.isPresent() ? d.getAsDouble() : null;
  }
}
