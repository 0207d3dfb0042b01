-- MQTT edge (V50..V99). Telemetry rows whose day has no partition (a rig clock far off, a spool
-- replayed after a long outage) land here instead of failing the whole COPY batch.
-- Trade-off: PostgreSQL must scan this partition whenever a new daily partition is attached, and
-- refuses to attach one while rows for that day sit here; TelemetryPartitionMaintainer therefore
-- moves such rows into the new partition in the same transaction. Keep it small: it is only for
-- stragglers, partitions are created days ahead.
CREATE TABLE telemetry_default PARTITION OF telemetry DEFAULT;
