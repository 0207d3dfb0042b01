package io.otedama.hashing.sha256;

import java.security.DigestException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Double SHA-256 over the JDK's {@link MessageDigest}, which HotSpot compiles to the CPU's SHA
 * extensions where present. Allocation-free: results are written into caller buffers.
 *
 * <p>Not thread-safe: keep one per thread.
 */
public final class Sha256d {
  private final MessageDigest digest;
  private final byte[] first = new byte[32];

  public Sha256d() {
    try {
      digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform provides SHA-256", e);
    }
  }

  /** SHA-256(SHA-256(in[offset..offset+length))) into {@code out[outOffset..outOffset+32)}. */
  public void hash(byte[] in, int offset, int length, byte[] out, int outOffset) {
    try {
      digest.update(in, offset, length);
      digest.digest(first, 0, 32);
      digest.update(first, 0, 32);
      digest.digest(out, outOffset, 32);
    } catch (DigestException e) {
      throw new IllegalStateException("a 32-byte output always fits", e);
    }
  }

  /**
   * SHA-256d of the concatenation {@code a ‖ b} (both 32 bytes), as in each merkle step, into
   * {@code out}; {@code out} may be {@code a}.
   */
  public void hashPair(byte[] a, byte[] b, int bOffset, byte[] out) {
    try {
      digest.update(a, 0, 32);
      digest.update(b, bOffset, 32);
      digest.digest(first, 0, 32);
      digest.update(first, 0, 32);
      digest.digest(out, 0, 32);
    } catch (DigestException e) {
      throw new IllegalStateException("a 32-byte output always fits", e);
    }
  }

  /** SHA-256d of the whole array, as a new array (convenience for tests and tools). */
  public byte[] hash(byte[] in) {
    byte[] out = new byte[32];
    hash(in, 0, in.length, out, 0);
    return out;
  }
}
