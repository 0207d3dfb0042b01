package io.otedama.controller.telemetry;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.otedama.controller.fleet.RigPresenceSink;
import io.otedama.protocol.codec.MessageCodec;
import io.otedama.protocol.message.TelemetryMessage;
import java.time.Instant;

/**
 * Takes a decoded telemetry message of a rig: the rig's heartbeat for the fleet, its newest figures
 * in {@link LatestTelemetry}, and a row for the {@link TelemetryBatchWriter}.
 */
public final class TelemetryIngest {

  private final MessageCodec codec;
  private final LatestTelemetry latest;
  private final TelemetryBatchWriter writer;
  private final RigPresenceSink presence;
  private final Counter messages;

  public TelemetryIngest(
      MessageCodec codec,
      LatestTelemetry latest,
      TelemetryBatchWriter writer,
      RigPresenceSink presence,
      MeterRegistry registry) {
    this.codec = codec;
    this.latest = latest;
    this.writer = writer;
    this.presence = presence;
    this.messages =
        Counter.builder("otedama_telemetry_messages_total")
            .description("Telemetry messages accepted (decoded and valid)")
            .register(registry);
  }

  /**
   * Accepts one valid message; waits while the writer's queue is full (backpressure).
   *
   * @param receivedAtMillis wall clock at arrival
   * @param receivedNanos {@link System#nanoTime()} at arrival
   */
  public void accept(
      String rigId, TelemetryMessage message, long receivedAtMillis, long receivedNanos)
      throws InterruptedException {
    messages.increment();
    Instant receivedAt = Instant.ofEpochMilli(receivedAtMillis);
    latest.update(rigId, message, receivedAt);
    presence.telemetrySeen(rigId, receivedAt);
    writer.enqueue(
        new TelemetryRow(
            rigId,
            message.ts(),
            receivedAtMillis,
            receivedNanos,
            message.hashrateHs(),
            message.temperatureC(),
            message.fanRpm(),
            message.powerW(),
            message.accepted(),
            message.rejected(),
            message.uptimeS(),
            devicesJson(message)));
  }

  private String devicesJson(TelemetryMessage message) {
    // PostgreSQL's jsonb refuses \u0000; the codec admits only printable text, this is a guard
    return codec.toJsonText(message.devices()).replace("\\u0000", "\\ufffd");
  }
}
