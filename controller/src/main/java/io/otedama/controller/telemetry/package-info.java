/**
 * Telemetry ingest: the latest figures of each rig in memory, batched {@code COPY} of raw rows into
 * the day-partitioned {@code telemetry} table (with the rigs' latest-figure columns updated in the
 * same transaction), and the partitions themselves. Depends on the {@code protocol} message
 * records, JDBC (PgJDBC's COPY API) and Micrometer; knows nothing of MQTT.
 */
package io.otedama.controller.telemetry;
