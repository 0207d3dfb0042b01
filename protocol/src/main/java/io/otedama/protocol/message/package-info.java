/**
 * Immutable records for every MQTT message of CONTRACTS.md §5 (birth, status, telemetry, share
 * batch, work assignment, command, command result). Each carries the schema version {@code v} and
 * the publish time {@code ts} (epoch ms). Optional figures are nullable boxed values: {@code null}
 * means "not measured / not sent" and is omitted on the wire. Validation lives in the codec; the
 * constructors only refuse nulls where a field is required and copy collections. Depends on Jackson
 * annotations only.
 */
package io.otedama.protocol.message;
