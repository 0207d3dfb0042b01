package io.otedama.protocol.message;

/**
 * Figures of the host the agent runs on; every field may be null.
 *
 * @param load1 one-minute load average, >= 0
 * @param memoryTotalBytes total memory in bytes, >= 0
 * @param memoryAvailableBytes available memory in bytes, >= 0
 */
public record HostTelemetry(Double load1, Long memoryTotalBytes, Long memoryAvailableBytes) {}
