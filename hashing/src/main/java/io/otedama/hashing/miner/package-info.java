/**
 * The multi-threaded CPU miner: threads split the nonce and extranonce2 space of a {@link
 * io.otedama.hashing.miner.MiningWork}, count hashes, report shares to a {@link
 * io.otedama.hashing.miner.ShareListener} and switch promptly when new work arrives.
 *
 * <p>Depends on the rest of {@code io.otedama.hashing}; no I/O.
 */
package io.otedama.hashing.miner;
