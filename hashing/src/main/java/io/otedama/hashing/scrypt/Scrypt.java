package io.otedama.hashing.scrypt;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * scrypt (RFC 7914). An instance owns the scratch memory for its parameters (128·r·N bytes for V)
 * and allocates nothing per hash; it is not thread-safe, so keep one per thread.
 *
 * <p>The Litecoin family uses {@link #litecoin()}: N=1024, r=1, p=1, 32-byte output, with the
 * 80-byte header as both password and salt ({@link #hashHeader}).
 */
public final class Scrypt {
  private static final VarHandle INT_LE =
      MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);

  private final int n;
  private final int r;
  private final int p;
  private final int blockInts; // 32·r
  private final int[] v;
  private final int[] x;
  private final int[] y;
  private final int[] running = new int[16];
  private final byte[] b;
  private final HmacSha256 hmac = new HmacSha256();

  /**
   * @param n the CPU/memory cost, a power of two greater than 1
   * @param r the block size
   * @param p the parallelisation
   */
  public Scrypt(int n, int r, int p) {
    if (n < 2 || Integer.bitCount(n) != 1) {
      throw new IllegalArgumentException("N must be a power of two greater than 1, got " + n);
    }
    if (r < 1 || p < 1 || (long) r * p >= 1 << 30 || (long) 128 * r * n > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("unsupported scrypt parameters r=" + r + " p=" + p);
    }
    this.n = n;
    this.r = r;
    this.p = p;
    this.blockInts = 32 * r;
    this.v = new int[blockInts * n];
    this.x = new int[blockInts];
    this.y = new int[blockInts];
    this.b = new byte[128 * r * p];
  }

  /** scrypt(N=1024, r=1, p=1) as the Litecoin family mines it. */
  public static Scrypt litecoin() {
    return new Scrypt(1024, 1, 1);
  }

  /**
   * The proof-of-work hash of an 80-byte header: scrypt with the header as password and salt, 32
   * bytes into {@code out[outOffset..)} in internal byte order.
   */
  public void hashHeader(byte[] header, byte[] out, int outOffset) {
    derive(header, 0, header.length, header, 0, header.length, out, outOffset, 32);
  }

  /** scrypt(password, salt) with {@code dkLength} bytes of output into {@code out}. */
  public void derive(
      byte[] password,
      int passwordOffset,
      int passwordLength,
      byte[] salt,
      int saltOffset,
      int saltLength,
      byte[] out,
      int outOffset,
      int dkLength) {
    hmac.setKey(password, passwordOffset, passwordLength);
    hmac.pbkdf2(salt, saltOffset, saltLength, b, 0, b.length);
    int blockBytes = 128 * r;
    for (int i = 0; i < p; i++) {
      int base = i * blockBytes;
      for (int k = 0; k < blockInts; k++) {
        x[k] = (int) INT_LE.get(b, base + 4 * k);
      }
      roMix();
      for (int k = 0; k < blockInts; k++) {
        INT_LE.set(b, base + 4 * k, x[k]);
      }
    }
    hmac.pbkdf2(b, 0, b.length, out, outOffset, dkLength);
  }

  /** scrypt as a new array (for tools and tests). */
  public byte[] derive(byte[] password, byte[] salt, int dkLength) {
    byte[] out = new byte[dkLength];
    derive(password, 0, password.length, salt, 0, salt.length, out, 0, dkLength);
    return out;
  }

  /** ROMix on {@code x}, in place. */
  private void roMix() {
    final int[] xs = x;
    final int[] vs = v;
    final int len = blockInts;
    final int mask = n - 1;
    for (int i = 0, off = 0; i < n; i++, off += len) {
      System.arraycopy(xs, 0, vs, off, len);
      blockMix();
    }
    final int integerify = len - 16;
    for (int i = 0; i < n; i++) {
      int off = (xs[integerify] & mask) * len;
      for (int k = 0; k < len; k++) {
        xs[k] ^= vs[off + k];
      }
      blockMix();
    }
  }

  /** BlockMix on {@code x}, in place. */
  private void blockMix() {
    if (r == 1) {
      // Y0 = Salsa(B1 ^ B0), Y1 = Salsa(Y0 ^ B1), and (Y0, Y1) is already the output order
      salsaXor(x, 0, x, 16);
      salsaXor(x, 16, x, 0);
      return;
    }
    final int blocks = 2 * r;
    System.arraycopy(x, (blocks - 1) * 16, running, 0, 16);
    for (int i = 0; i < blocks; i++) {
      salsaXor(running, 0, x, i * 16);
      // output order: the even-numbered Y blocks first, then the odd ones
      int dest = ((i & 1) == 0 ? i / 2 : r + i / 2) * 16;
      System.arraycopy(running, 0, y, dest, 16);
    }
    System.arraycopy(y, 0, x, 0, blockInts);
  }

  /**
   * {@code t[to..to+16) = Salsa20/8(t[to..to+16) ^ s[from..from+16))}: the xor-and-mix step of
   * BlockMix, with all sixteen words in locals. The input words are read again at the end instead
   * of being kept for the final addition: sixteen more live values would not fit in registers and
   * the spills cost more than the reloads.
   */
  static void salsaXor(int[] t, int to, int[] s, int from) {
    int x0 = t[to] ^ s[from];
    int x1 = t[to + 1] ^ s[from + 1];
    int x2 = t[to + 2] ^ s[from + 2];
    int x3 = t[to + 3] ^ s[from + 3];
    int x4 = t[to + 4] ^ s[from + 4];
    int x5 = t[to + 5] ^ s[from + 5];
    int x6 = t[to + 6] ^ s[from + 6];
    int x7 = t[to + 7] ^ s[from + 7];
    int x8 = t[to + 8] ^ s[from + 8];
    int x9 = t[to + 9] ^ s[from + 9];
    int x10 = t[to + 10] ^ s[from + 10];
    int x11 = t[to + 11] ^ s[from + 11];
    int x12 = t[to + 12] ^ s[from + 12];
    int x13 = t[to + 13] ^ s[from + 13];
    int x14 = t[to + 14] ^ s[from + 14];
    int x15 = t[to + 15] ^ s[from + 15];
    for (int i = 0; i < 4; i++) {
      // columns
      x4 ^= Integer.rotateLeft(x0 + x12, 7);
      x8 ^= Integer.rotateLeft(x4 + x0, 9);
      x12 ^= Integer.rotateLeft(x8 + x4, 13);
      x0 ^= Integer.rotateLeft(x12 + x8, 18);
      x9 ^= Integer.rotateLeft(x5 + x1, 7);
      x13 ^= Integer.rotateLeft(x9 + x5, 9);
      x1 ^= Integer.rotateLeft(x13 + x9, 13);
      x5 ^= Integer.rotateLeft(x1 + x13, 18);
      x14 ^= Integer.rotateLeft(x10 + x6, 7);
      x2 ^= Integer.rotateLeft(x14 + x10, 9);
      x6 ^= Integer.rotateLeft(x2 + x14, 13);
      x10 ^= Integer.rotateLeft(x6 + x2, 18);
      x3 ^= Integer.rotateLeft(x15 + x11, 7);
      x7 ^= Integer.rotateLeft(x3 + x15, 9);
      x11 ^= Integer.rotateLeft(x7 + x3, 13);
      x15 ^= Integer.rotateLeft(x11 + x7, 18);
      // rows
      x1 ^= Integer.rotateLeft(x0 + x3, 7);
      x2 ^= Integer.rotateLeft(x1 + x0, 9);
      x3 ^= Integer.rotateLeft(x2 + x1, 13);
      x0 ^= Integer.rotateLeft(x3 + x2, 18);
      x6 ^= Integer.rotateLeft(x5 + x4, 7);
      x7 ^= Integer.rotateLeft(x6 + x5, 9);
      x4 ^= Integer.rotateLeft(x7 + x6, 13);
      x5 ^= Integer.rotateLeft(x4 + x7, 18);
      x11 ^= Integer.rotateLeft(x10 + x9, 7);
      x8 ^= Integer.rotateLeft(x11 + x10, 9);
      x9 ^= Integer.rotateLeft(x8 + x11, 13);
      x10 ^= Integer.rotateLeft(x9 + x8, 18);
      x12 ^= Integer.rotateLeft(x15 + x14, 7);
      x13 ^= Integer.rotateLeft(x12 + x15, 9);
      x14 ^= Integer.rotateLeft(x13 + x12, 13);
      x15 ^= Integer.rotateLeft(x14 + x13, 18);
    }
    t[to] = x0 + (t[to] ^ s[from]);
    t[to + 1] = x1 + (t[to + 1] ^ s[from + 1]);
    t[to + 2] = x2 + (t[to + 2] ^ s[from + 2]);
    t[to + 3] = x3 + (t[to + 3] ^ s[from + 3]);
    t[to + 4] = x4 + (t[to + 4] ^ s[from + 4]);
    t[to + 5] = x5 + (t[to + 5] ^ s[from + 5]);
    t[to + 6] = x6 + (t[to + 6] ^ s[from + 6]);
    t[to + 7] = x7 + (t[to + 7] ^ s[from + 7]);
    t[to + 8] = x8 + (t[to + 8] ^ s[from + 8]);
    t[to + 9] = x9 + (t[to + 9] ^ s[from + 9]);
    t[to + 10] = x10 + (t[to + 10] ^ s[from + 10]);
    t[to + 11] = x11 + (t[to + 11] ^ s[from + 11]);
    t[to + 12] = x12 + (t[to + 12] ^ s[from + 12]);
    t[to + 13] = x13 + (t[to + 13] ^ s[from + 13]);
    t[to + 14] = x14 + (t[to + 14] ^ s[from + 14]);
    t[to + 15] = x15 + (t[to + 15] ^ s[from + 15]);
  }
}
