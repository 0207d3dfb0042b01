/**
 * Safe updates (docs/firmware.md): {@link io.otedama.agent.update.FirmwareUpdater} downloads an
 * artifact with resume (HTTP ranges), verifies size, SHA-256 and the Ed25519 release signature
 * against the agent's own trusted keys before anything else, then hands it to an {@link
 * io.otedama.agent.update.Installer}: the agent's self-update (swap the jar or runtime image,
 * restart through the service manager, health check after the restart, automatic rollback) or the
 * simulated rigs' install. Depends on the protocol's release signatures and the command outcome
 * types; nothing here talks MQTT.
 */
package io.otedama.agent.update;
