/**
 * Telemetry: the host's Linux sensors read from a root path ({@link
 * io.otedama.agent.telemetry.HostSensors}, a fake tree in tests) and the collector that turns
 * devices and host into one protocol {@code TelemetryMessage}. Depends on the device interface and
 * the protocol module.
 */
package io.otedama.agent.telemetry;
