package io.otedama.controller.firmware;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The {@code otedama_firmware_*} meters: uploads (and why they were refused), downloads (and bytes
 * served), rig updates by outcome, campaigns by state (a gauge fed by {@link CampaignStore}).
 */
final class FirmwareMetrics {
  private final MeterRegistry registry;
  private final Counter uploads;
  private final Counter downloadBytes;

  FirmwareMetrics(MeterRegistry registry) {
    this.registry = registry;
    this.uploads =
        Counter.builder("otedama_firmware_uploads_total")
            .description("Artifacts accepted (signature verified)")
            .register(registry);
    this.downloadBytes =
        Counter.builder("otedama_firmware_download_bytes")
            .baseUnit("bytes")
            .description("Artifact bytes served to agents")
            .register(registry);
  }

  MeterRegistry registry() {
    return registry;
  }

  void uploaded() {
    uploads.increment();
  }

  void uploadRejected(String reason) {
    registry.counter("otedama_firmware_upload_rejected_total", "reason", reason).increment();
  }

  /** {@code kind}: full (200) or range (206); refused downloads count as {@code refused}. */
  void download(String kind) {
    registry.counter("otedama_firmware_downloads_total", "kind", kind).increment();
  }

  void bytesServed(long n) {
    downloadBytes.increment(n);
  }

  /** A rig's update ended: installed, failed, rolled_back or timed_out. */
  void rigFinished(String result) {
    registry.counter("otedama_firmware_rig_updates_total", "result", result).increment();
  }
}
