package io.otedama.agent.spool;

/**
 * A snapshot of a spool's counters.
 *
 * @param records messages waiting
 * @param bytes bytes they take (on disk for the disk spool)
 * @param droppedTelemetry telemetry messages dropped to stay under the size limit (since start)
 * @param droppedOther shares and command results dropped because the limit was reached with no
 *     telemetry left to drop (since start)
 * @param writeFailures appends the disk refused (disk full, I/O error) since start
 */
public record SpoolStats(
    long records, long bytes, long droppedTelemetry, long droppedOther, long writeFailures) {}
