/**
 * The device seam: {@link io.otedama.agent.device.MiningDevice} (start, stop, state, hashrate,
 * apply work, telemetry, and the commands a device may support), validated work ({@link
 * io.otedama.agent.device.AssignedWork}) and where shares go ({@link
 * io.otedama.agent.device.ShareSink}). The kinds live in sub-packages: {@code cpu}, {@code asic},
 * {@code simulated}. Depends on the protocol and hashing modules.
 */
package io.otedama.agent.device;
