package io.otedama.hashing.scan;

/** Receives the nonces whose hash meets the scanner's target. */
@FunctionalInterface
public interface NonceListener {
  /**
   * Called on the scanning thread for each nonce that meets the target.
   *
   * @param nonce the nonce as the header's 32-bit field (its value, not its bytes)
   * @param hash the 32-byte hash in internal byte order; a scratch buffer valid only during the
   *     call (copy it to keep it)
   */
  void found(int nonce, byte[] hash);
}
