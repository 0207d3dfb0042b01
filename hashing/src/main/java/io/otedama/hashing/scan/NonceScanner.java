package io.otedama.hashing.scan;

import io.otedama.hashing.Algorithm;
import io.otedama.hashing.Target;

/**
 * Hashes one header for a range of nonces and reports those whose hash meets a target. An instance
 * keeps per-job precomputation and scratch space: it is not thread-safe, use one per thread.
 * Scanning allocates nothing.
 */
public interface NonceScanner {

  /**
   * Prepares for a header and a target; call again whenever anything but the nonce changes (new
   * job, ntime, extranonce2, version bits).
   *
   * @param header the 80-byte block header; bytes 76..79 (the nonce) are ignored
   * @throws IllegalArgumentException when the header is not 80 bytes
   */
  void setWork(byte[] header, Target target);

  /**
   * Hashes the nonces {@code firstNonce, firstNonce + 1, ...} ({@code count} of them, wrapping
   * modulo 2^32) and calls the listener for each whose hash meets the target.
   *
   * @return how many nonces met the target
   */
  int scan(int firstNonce, int count, NonceListener listener);

  /** The proof-of-work function this scanner computes. */
  Algorithm algorithm();

  /** What runs underneath, for logs and benchmarks, e.g. {@code "sha256d vector 16 lanes"}. */
  String implementation();

  /**
   * The fastest scanner available here for the algorithm: for SHA-256d the vector scanner when the
   * {@code jdk.incubator.vector} module is present and the CPU has at least 8 int lanes (AVX2),
   * otherwise the scalar one.
   */
  static NonceScanner create(Algorithm algorithm) {
    if (VectorSupport.available()) {
      return VectorSupport.newScanner(algorithm);
    }
    return switch (algorithm) {
      case SHA256D ->
          VectorSupport.sha256Intrinsified() ? new DigestNonceScanner() : new ScalarNonceScanner();
      case SCRYPT -> new ScryptNonceScanner();
    };
  }

  /** Whether {@link #create} returns the vector scanners in this JVM. */
  static boolean vectorAvailable() {
    return VectorSupport.available();
  }
}
