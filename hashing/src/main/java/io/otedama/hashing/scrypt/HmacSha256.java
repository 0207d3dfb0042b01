package io.otedama.hashing.scrypt;

import io.otedama.hashing.sha256.Sha256;
import java.util.Arrays;

/**
 * HMAC-SHA256 for PBKDF2 with one iteration, on the int-word compression function: the keyed inner
 * and outer states are computed once per key and reused for every output block; nothing is
 * allocated per call.
 */
final class HmacSha256 {
  private static final int[] IV = Sha256.initialState();

  private final int[] innerKeyed = new int[8];
  private final int[] outerKeyed = new int[8];
  private final int[] state = new int[8];
  private final int[] w = new int[64];
  private final byte[] block = new byte[64];
  private final byte[] innerHash = new byte[32];
  private final byte[] lastBlock = new byte[32];
  private final byte[] paddedKey = new byte[64];
  private final byte[] pad = new byte[64];
  private int blockFill;
  private long length;

  /** Sets the key: hashed first when longer than a block, as HMAC requires. */
  void setKey(byte[] key, int offset, int keyLength) {
    Arrays.fill(paddedKey, (byte) 0);
    if (keyLength > 64) {
      start(IV, 0);
      update(key, offset, keyLength);
      finish(paddedKey, 0);
    } else {
      System.arraycopy(key, offset, paddedKey, 0, keyLength);
    }
    for (int i = 0; i < 64; i++) {
      pad[i] = (byte) (paddedKey[i] ^ 0x36);
    }
    System.arraycopy(IV, 0, innerKeyed, 0, 8);
    Sha256.compress(innerKeyed, pad, 0, w);
    for (int i = 0; i < 64; i++) {
      pad[i] = (byte) (paddedKey[i] ^ 0x5c);
    }
    System.arraycopy(IV, 0, outerKeyed, 0, 8);
    Sha256.compress(outerKeyed, pad, 0, w);
  }

  /**
   * PBKDF2-HMAC-SHA256 with one iteration: {@code out[outOffset..outOffset+outLength)} = T1 ‖ T2 ‖
   * ... with Ti = HMAC(key, salt ‖ INT(i)).
   */
  void pbkdf2(
      byte[] salt, int saltOffset, int saltLength, byte[] out, int outOffset, int outLength) {
    for (int i = 1, done = 0; done < outLength; i++, done += 32) {
      start(innerKeyed, 64);
      update(salt, saltOffset, saltLength);
      updateInt(i);
      finish(innerHash, 0);
      start(outerKeyed, 64);
      update(innerHash, 0, 32);
      if (outLength - done >= 32) {
        finish(out, outOffset + done);
      } else {
        finish(lastBlock, 0);
        System.arraycopy(lastBlock, 0, out, outOffset + done, outLength - done);
      }
    }
  }

  private void start(int[] from, long prefixLength) {
    System.arraycopy(from, 0, state, 0, 8);
    blockFill = 0;
    length = prefixLength;
  }

  private void update(byte[] in, int offset, int len) {
    length += len;
    while (len > 0) {
      int n = Math.min(len, 64 - blockFill);
      System.arraycopy(in, offset, block, blockFill, n);
      blockFill += n;
      offset += n;
      len -= n;
      if (blockFill == 64) {
        Sha256.compress(state, block, 0, w);
        blockFill = 0;
      }
    }
  }

  private void updateInt(int v) {
    length += 4;
    for (int shift = 24; shift >= 0; shift -= 8) {
      block[blockFill++] = (byte) (v >>> shift);
      if (blockFill == 64) {
        Sha256.compress(state, block, 0, w);
        blockFill = 0;
      }
    }
  }

  private void finish(byte[] out, int outOffset) {
    long bits = length * 8;
    block[blockFill++] = (byte) 0x80;
    if (blockFill > 56) {
      Arrays.fill(block, blockFill, 64, (byte) 0);
      Sha256.compress(state, block, 0, w);
      blockFill = 0;
    }
    Arrays.fill(block, blockFill, 56, (byte) 0);
    for (int i = 0; i < 8; i++) {
      block[56 + i] = (byte) (bits >>> (56 - 8 * i));
    }
    Sha256.compress(state, block, 0, w);
    Sha256.writeState(state, out, outOffset);
  }
}
