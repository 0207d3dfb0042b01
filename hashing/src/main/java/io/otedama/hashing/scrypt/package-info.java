/**
 * scrypt (RFC 7914) for the Litecoin family: Salsa20/8, BlockMix, ROMix and single-iteration
 * PBKDF2-HMAC-SHA256, written to allocate nothing per hash. Depends on {@code
 * io.otedama.hashing.sha256} only.
 */
package io.otedama.hashing.scrypt;
