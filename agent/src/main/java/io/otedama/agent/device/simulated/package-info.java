/**
 * The {@code simulated} device (made-up hashrate, temperature curve, failure modes, real shares)
 * and {@link io.otedama.agent.device.simulated.SimulatedHashing}, the shared budgeted hashing all
 * simulated devices of a process use. Depends on the device interface and the hashing module.
 */
package io.otedama.agent.device.simulated;
