/**
 * Proof-of-work arithmetic shared by the agent and the controller: the algorithms, 256-bit targets
 * and difficulty, and hex helpers. Subpackages hold SHA-256d ({@code sha256}), nonce scanning
 * ({@code scan}), scrypt ({@code scrypt}), header assembly from a Stratum job ({@code stratum}) and
 * the multi-threaded CPU miner ({@code miner}).
 *
 * <p>Depends on the JDK only; the vector scanner optionally uses the incubating {@code
 * jdk.incubator.vector} module when it is present in the boot layer.
 */
package io.otedama.hashing;
