/**
 * Nonce scanning: hashing a header for a range of nonces and reporting those that meet a target.
 * {@link io.otedama.hashing.scan.NonceScanner#create} picks the fastest implementation this JVM and
 * CPU allow: the Vector API scanner (16 lanes on AVX-512, 8 on AVX2) when the {@code
 * jdk.incubator.vector} module is in the boot layer, otherwise the scalar one. Scrypt scanning is
 * scalar.
 *
 * <p>Depends on the rest of {@code io.otedama.hashing} and, optionally at run time, on {@code
 * jdk.incubator.vector} (only {@code VectorNonceScanner} and {@code VectorScryptNonceScanner} refer
 * to it, and they are loaded reflectively).
 */
package io.otedama.hashing.scan;
