package io.otedama.hashing.miner;

import io.otedama.hashing.Algorithm;

/**
 * A share the miner found: everything a {@code mining.submit} (or the agent's share batch) needs,
 * plus the hash and its difficulty.
 *
 * @param extranonce2 hex, as submitted
 * @param ntime the header's block time (value)
 * @param nonce the header's nonce (value)
 * @param hash the hash in display order (hex)
 * @param difficulty the share difficulty of the hash
 */
public record FoundShare(
    Algorithm algorithm,
    String jobId,
    String extranonce2,
    int ntime,
    int nonce,
    String hash,
    double difficulty) {}
