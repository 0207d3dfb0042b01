package io.otedama.controller.telemetry;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/**
 * The {@code telemetry:} section of the controller configuration: batching of the ingest and the
 * daily partitions of the {@code telemetry} table. Documented in {@code docs/configuration.md}.
 */
public class TelemetryConfiguration {

  /** Most rows per COPY transaction. */
  @JsonProperty
  @Min(1)
  @Max(100_000)
  private int batchSize = 2000;

  /**
   * Longest a row waits for more rows to share its transaction. The writer never waits when it has
   * a full batch, and under load batches grow by themselves while a commit is running.
   */
  @JsonProperty
  @Min(0)
  @Max(10_000)
  private long flushIntervalMillis = 5;

  /** Rows waiting for the writer; when full, MQTT intake waits (backpressure, never a drop). */
  @JsonProperty
  @Min(1)
  private int queueCapacity = 50_000;

  /** Daily partitions created ahead of today (today and yesterday always exist). */
  @JsonProperty
  @Min(1)
  @Max(366)
  private int partitionDaysAhead = 3;

  /**
   * The maintainer's own re-check timer; 0 (the default) leaves it to the Quartz job {@code
   * telemetry-partitions}. Set it (at least 60) only with {@code scheduling.enabled: false}.
   */
  @JsonProperty
  @Min(0)
  private long partitionCheckIntervalSeconds = 0;

  public int getBatchSize() {
    return batchSize;
  }

  public void setBatchSize(int batchSize) {
    this.batchSize = batchSize;
  }

  public long getFlushIntervalMillis() {
    return flushIntervalMillis;
  }

  public void setFlushIntervalMillis(long flushIntervalMillis) {
    this.flushIntervalMillis = flushIntervalMillis;
  }

  public int getQueueCapacity() {
    return queueCapacity;
  }

  public void setQueueCapacity(int queueCapacity) {
    this.queueCapacity = queueCapacity;
  }

  public int getPartitionDaysAhead() {
    return partitionDaysAhead;
  }

  public void setPartitionDaysAhead(int partitionDaysAhead) {
    this.partitionDaysAhead = partitionDaysAhead;
  }

  public long getPartitionCheckIntervalSeconds() {
    return partitionCheckIntervalSeconds;
  }

  public void setPartitionCheckIntervalSeconds(long partitionCheckIntervalSeconds) {
    this.partitionCheckIntervalSeconds = partitionCheckIntervalSeconds;
  }
}
