/**
 * The offline spool and the outbox. {@link io.otedama.agent.spool.Spool} is a bounded ordered queue
 * ({@link io.otedama.agent.spool.DiskSpool} on a rig: segment files, survives restarts, drops the
 * oldest telemetry first; {@link io.otedama.agent.spool.MemorySpool} for simulated rigs); {@link
 * io.otedama.agent.spool.Outbox} delivers through a {@link io.otedama.agent.spool.MessagePublisher}
 * and commits only what the broker acknowledged. Depends on the protocol module's topic kinds only.
 */
package io.otedama.agent.spool;
