/**
 * One rig put together: {@link io.otedama.agent.runtime.RigAgent} wires link, outbox, spool,
 * devices, telemetry, work and commands; {@link io.otedama.agent.runtime.AgentEnvironment} is what
 * all rigs of a process share; plus the small parts they need (share batches and ids, the birth
 * sequence, a serial executor, the device factory). Depends on every other agent package.
 */
package io.otedama.agent.runtime;
