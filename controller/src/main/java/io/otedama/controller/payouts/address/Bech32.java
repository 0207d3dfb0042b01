package io.otedama.controller.payouts.address;

import io.otedama.controller.payouts.address.InvalidAddressException.Reason;
import java.io.ByteArrayOutputStream;
import java.util.Locale;

/**
 * The Bech32 (BIP-173) and Bech32m (BIP-350) string format: human-readable part, data, checksum.
 */
public final class Bech32 {
  /** Which checksum constant a string verified with. */
  public enum Encoding {
    BECH32(1),
    BECH32M(0x2bc830a3);

    private final int constant;

    Encoding(int constant) {
      this.constant = constant;
    }
  }

  /** A decoded string: the lower-case human-readable part and the 5-bit data values. */
  public record Decoded(String hrp, byte[] data, Encoding encoding) {}

  /** BIP-173: the whole string is at most 90 characters. */
  public static final int MAX_LENGTH = 90;

  private static final String CHARSET = "qpzry9x8gf2tvdw0s3jn54khce6mua7l";
  private static final int[] GENERATOR = {
    0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3
  };
  private static final int CHECKSUM_LENGTH = 6;

  private Bech32() {}

  /** Decodes and verifies a Bech32 or Bech32m string. */
  public static Decoded decode(String text) {
    if (text.length() > MAX_LENGTH) {
      throw malformed("is longer than " + MAX_LENGTH + " characters");
    }
    boolean lower = false;
    boolean upper = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 33 || c > 126) {
        throw malformed("has a character outside US-ASCII 33..126 at position " + i);
      }
      lower |= c >= 'a' && c <= 'z';
      upper |= c >= 'A' && c <= 'Z';
    }
    if (lower && upper) {
      throw malformed("mixes upper and lower case");
    }
    String s = text.toLowerCase(Locale.ROOT);
    int separator = s.lastIndexOf('1');
    if (separator < 0) {
      throw malformed("has no separator '1'");
    }
    if (separator == 0) {
      throw malformed("has an empty human-readable part");
    }
    if (separator + 1 + CHECKSUM_LENGTH > s.length()) {
      throw malformed("is too short for its 6-character checksum");
    }
    String hrp = s.substring(0, separator);
    byte[] values = new byte[s.length() - separator - 1];
    for (int i = 0; i < values.length; i++) {
      int value = CHARSET.indexOf(s.charAt(separator + 1 + i));
      if (value < 0) {
        throw malformed(
            "has '" + s.charAt(separator + 1 + i) + "', which is not a Bech32 data character");
      }
      values[i] = (byte) value;
    }
    int check = polymod(hrp, values, 0);
    Encoding encoding;
    if (check == Encoding.BECH32.constant) {
      encoding = Encoding.BECH32;
    } else if (check == Encoding.BECH32M.constant) {
      encoding = Encoding.BECH32M;
    } else {
      throw new InvalidAddressException(
          Reason.BAD_CHECKSUM, "'" + text + "' fails its Bech32/Bech32m checksum (a typo?)");
    }
    byte[] data = new byte[values.length - CHECKSUM_LENGTH];
    System.arraycopy(values, 0, data, 0, data.length);
    return new Decoded(hrp, data, encoding);
  }

  /**
   * Encodes lower-case {@code hrp} and 5-bit {@code data} with the checksum of {@code encoding}.
   */
  public static String encode(String hrp, byte[] data, Encoding encoding) {
    int mod = polymod(hrp, data, CHECKSUM_LENGTH) ^ encoding.constant;
    StringBuilder out = new StringBuilder(hrp.length() + 1 + data.length + CHECKSUM_LENGTH);
    out.append(hrp).append('1');
    for (byte value : data) {
      out.append(CHARSET.charAt(value));
    }
    for (int i = 0; i < CHECKSUM_LENGTH; i++) {
      out.append(CHARSET.charAt((mod >>> (5 * (CHECKSUM_LENGTH - 1 - i))) & 31));
    }
    return out.toString();
  }

  /**
   * Regroups bits ({@code from}-bit values into {@code to}-bit values). Without padding (decoding
   * 5-bit data to bytes) a leftover of 5 bits or more, or non-zero leftover bits, is an error:
   * BIP-173 allows at most 4 bits of zero padding. Returns null on error.
   */
  public static byte[] convertBits(byte[] in, int offset, int from, int to, boolean pad) {
    int acc = 0;
    int bits = 0;
    int maxValue = (1 << to) - 1;
    int maxAcc = (1 << (from + to - 1)) - 1;
    ByteArrayOutputStream out = new ByteArrayOutputStream(in.length * from / to + 1);
    for (int i = offset; i < in.length; i++) {
      int value = in[i] & 0xff;
      if ((value >>> from) != 0) {
        return null;
      }
      acc = ((acc << from) | value) & maxAcc;
      bits += from;
      while (bits >= to) {
        bits -= to;
        out.write((acc >>> bits) & maxValue);
      }
    }
    if (pad) {
      if (bits > 0) {
        out.write((acc << (to - bits)) & maxValue);
      }
    } else if (bits >= from || ((acc << (to - bits)) & maxValue) != 0) {
      return null;
    }
    return out.toByteArray();
  }

  /** The BCH checksum over the expanded hrp, the values, and {@code zeros} trailing zeros. */
  private static int polymod(String hrp, byte[] values, int zeros) {
    int chk = 1;
    for (int i = 0; i < hrp.length(); i++) {
      chk = step(chk, hrp.charAt(i) >>> 5);
    }
    chk = step(chk, 0);
    for (int i = 0; i < hrp.length(); i++) {
      chk = step(chk, hrp.charAt(i) & 31);
    }
    for (byte value : values) {
      chk = step(chk, value);
    }
    for (int i = 0; i < zeros; i++) {
      chk = step(chk, 0);
    }
    return chk;
  }

  private static int step(int chk, int value) {
    int top = chk >>> 25;
    chk = ((chk & 0x1ffffff) << 5) ^ value;
    for (int i = 0; i < 5; i++) {
      if (((top >>> i) & 1) != 0) {
        chk ^= GENERATOR[i];
      }
    }
    return chk;
  }

  private static InvalidAddressException malformed(String what) {
    return new InvalidAddressException(Reason.MALFORMED, "the Bech32 string " + what);
  }
}
