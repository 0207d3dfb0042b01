package io.otedama.controller.mqtt;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.otedama.protocol.message.ShareBatchMessage;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The share handler while no shares feature is wired in: counts the shares it could not process
 * ({@code otedama_mqtt_shares_unhandled_total}) and says so in the log once a minute, so they are
 * visibly not lost in silence. Agents keep unacknowledged shares in their spool.
 */
public final class UnhandledShares implements ShareBatchHandler {

  private static final Logger log = LoggerFactory.getLogger(UnhandledShares.class);
  private static final long LOG_INTERVAL_NANOS = 60_000_000_000L;

  private final Counter unhandled;
  private final AtomicLong lastLog = new AtomicLong(System.nanoTime() - LOG_INTERVAL_NANOS);

  public UnhandledShares(MeterRegistry registry) {
    this.unhandled =
        Counter.builder("otedama_mqtt_shares_unhandled_total")
            .description("Shares received while no shares feature is wired in")
            .register(registry);
  }

  @Override
  public void onShares(String rigId, ShareBatchMessage batch, long receivedAtMillis) {
    unhandled.increment(batch.shares().size());
    long now = System.nanoTime();
    long last = lastLog.get();
    if (now - last >= LOG_INTERVAL_NANOS && lastLog.compareAndSet(last, now)) {
      log.warn(
          "Share batches arrive (latest from rig {}) but no shares feature is wired in; {} shares"
              + " unhandled so far",
          rigId,
          (long) unhandled.count());
    }
  }
}
