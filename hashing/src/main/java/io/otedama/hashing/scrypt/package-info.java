/**
 * scrypt (RFC 7914) for the Litecoin family: Salsa20/8, BlockMix, ROMix and single-iteration
 * PBKDF2-HMAC-SHA256, written to allocate nothing per hash. Depends on {@code
 * io.otedama.hashing.sha256}; {@code VectorScrypt} also uses the incubating {@code
 * jdk.incubator.vector} module and is only loaded when it is present.
 */
package io.otedama.hashing.scrypt;
