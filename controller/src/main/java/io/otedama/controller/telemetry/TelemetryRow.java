package io.otedama.controller.telemetry;

/**
 * One accepted telemetry message as a row of the {@code telemetry} table, plus when it arrived.
 *
 * @param tsMillis the agent's publish time (epoch ms), the partition key
 * @param receivedAtMillis wall-clock arrival at the controller (epoch ms)
 * @param receivedNanos {@link System#nanoTime()} at arrival, for the ingest latency
 * @param devicesJson the per-device figures as a JSON array, or null
 */
public record TelemetryRow(
    String rigId,
    long tsMillis,
    long receivedAtMillis,
    long receivedNanos,
    double hashrateHs,
    Double temperatureC,
    Integer fanRpm,
    Double powerW,
    long accepted,
    long rejected,
    long uptimeS,
    String devicesJson) {}
