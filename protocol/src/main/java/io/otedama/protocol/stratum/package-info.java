/**
 * Stratum v1 over TCP (CONTRACTS.md §6): typed records for every method both directions, {@link
 * io.otedama.protocol.stratum.StratumCodec} to turn newline-delimited JSON-RPC lines into records
 * and back, and {@link io.otedama.protocol.stratum.StratumLineFramer} / {@link
 * io.otedama.protocol.stratum.StratumLineReader} to cut a byte stream into bounded lines. Used by
 * the controller's Stratum server (miners connect to it) and by its upstream pool client. Lenient
 * where real miners differ harmlessly (id types, numbers as strings, padding), strict where a
 * difference would change a share (hex fields, lengths). Depends on Jackson and the root package
 * only.
 */
package io.otedama.protocol.stratum;
