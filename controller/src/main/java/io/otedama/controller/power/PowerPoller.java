package io.otedama.controller.power;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls every registered device asynchronously on a bounded pool (at most {@code
 * maxConcurrentPolls} devices at once; SNMP4J applies the timeout and retries per request). A
 * device that does not answer gets a failed reading, and its rigs fall back to reported power; the
 * others are not held up.
 */
public final class PowerPoller {
  private static final Logger LOG = LoggerFactory.getLogger(PowerPoller.class);
  private final PowerDeviceStore devices;
  private final DeviceReader reader;
  private final PowerReadings readings;
  private final PowerMeasurements measurements;
  private final PowerMetrics metrics;
  private final Clock clock;
  private final ExecutorService pool;

  public PowerPoller(
      PowerDeviceStore devices,
      DeviceReader reader,
      PowerReadings readings,
      PowerMeasurements measurements,
      PowerMetrics metrics,
      Clock clock,
      ExecutorService pool) {
    this.devices = devices;
    this.reader = reader;
    this.readings = readings;
    this.measurements = measurements;
    this.metrics = metrics;
    this.clock = clock;
    this.pool = pool;
  }

  /** Polls all devices; completes when every poll has an outcome, then refreshes the metrics. */
  public CompletableFuture<List<DeviceReading>> pollAll() {
    List<PowerDevice> all = devices.list();
    List<CompletableFuture<DeviceReading>> polls = all.stream().map(this::poll).toList();
    return CompletableFuture.allOf(polls.toArray(CompletableFuture[]::new))
        .thenApply(done -> {
          List<DeviceReading> results = polls.stream().map(CompletableFuture::join).toList();
          metrics.devices(all, readings.snapshot());
          metrics.rigs(measurements.all());
          return results;
        });
  }

  /** Polls one device; the future never fails (a failure is a reading with the reason). */
  public CompletableFuture<DeviceReading> poll(PowerDevice device) {
    return CompletableFuture.supplyAsync(() -> read(device), pool);
  }

  private DeviceReading read(PowerDevice device) {
    long start = System.nanoTime();
    DeviceReading reading;
    try {
      reading = reader.read(device, clock.instant());
    } catch (SnmpException | RuntimeException e) {
      LOG.warn("Polling {} failed: {}", device.id(), e.getMessage());
      reading = DeviceReading.failed(device.id(), clock.instant(), e.getMessage());
    }
    readings.put(reading);
    metrics.polled(device, reading, Duration.ofNanos(System.nanoTime() - start));
    return reading;
  }
}
