/**
 * Bitcoin payout address validation: Base58Check P2PKH/P2SH and Bech32 (BIP-173) / Bech32m
 * (BIP-350) native SegWit, each checked against the network the farm pays on. Hand-written because
 * it is small (the codecs are a few dozen lines each) and a wallet library would pull in far more
 * than it needs; it is tested against the BIPs' and Bitcoin Core's published vectors. Depends on
 * the JDK only.
 */
package io.otedama.controller.payouts.address;
