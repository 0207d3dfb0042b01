/**
 * The Stratum v1 server for third-party miners (CONTRACTS §6): {@link
 * io.otedama.controller.stratum.StratumServer} accepts miners, each {@link
 * io.otedama.controller.stratum.StratumConnection} speaks the protocol with the {@code protocol}
 * module's codec, gets its work from {@code work} like an agent rig, and submits through {@code
 * shares}. The seam {@link io.otedama.controller.stratum.StratumRigRegistry} (implemented by fleet)
 * turns {@code <account>.<worker>} into a rig.
 *
 * <p>Depends on {@code work}, {@code shares}, {@code protocol}, {@code hashing} and Micrometer.
 */
package io.otedama.controller.stratum;
