/**
 * The {@code cpu} device: this machine's CPU mining with the hashing module's {@code CpuMiner}.
 * Depends on the device interface, the hashing module and the host sensors.
 */
package io.otedama.agent.device.cpu;
