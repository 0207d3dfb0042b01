/**
 * Proof-of-work arithmetic: SHA-256d with midstate and nonce scanning, scrypt, targets and
 * difficulty, and block header assembly from a Stratum job. No dependencies.
 */
package io.otedama.hashing;
