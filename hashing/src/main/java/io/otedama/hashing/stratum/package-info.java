/**
 * Block header assembly from a Stratum v1 job: coinbase, merkle root, the prevhash word swap,
 * version rolling and the little-endian header fields. {@link
 * io.otedama.hashing.stratum.StratumJob} is the immutable, pre-decoded job; {@link
 * io.otedama.hashing.stratum.HeaderAssembler} is the per-thread, allocation-free assembler that the
 * miner and the controller's share validator call on their hot paths.
 *
 * <p>Depends on {@code io.otedama.hashing} and {@code io.otedama.hashing.sha256}.
 */
package io.otedama.hashing.stratum;
