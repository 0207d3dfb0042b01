package io.otedama.hashing;

import java.util.HexFormat;

/** Hex text for the byte strings of Stratum and block headers, with errors that name the field. */
public final class Hex {
  private static final HexFormat LOWER = HexFormat.of();

  private Hex() {}

  /**
   * Decodes an even-length hex string.
   *
   * @param field what the value is, used in the error message (e.g. {@code "extranonce2"})
   * @throws IllegalArgumentException naming the field when the text is not hex
   */
  public static byte[] decode(String field, String hex) {
    if (hex == null) {
      throw new IllegalArgumentException(field + " is missing");
    }
    if ((hex.length() & 1) != 0) {
      throw new IllegalArgumentException(
          field + " must have an even number of hex digits, got " + hex.length());
    }
    try {
      return LOWER.parseHex(hex);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(field + " is not valid hex: '" + abbreviate(hex) + "'");
    }
  }

  /** Decodes hex of exactly {@code bytes} bytes. */
  public static byte[] decode(String field, String hex, int bytes) {
    byte[] b = decode(field, hex);
    if (b.length != bytes) {
      throw new IllegalArgumentException(
          field + " must be " + bytes + " bytes (" + 2 * bytes + " hex digits), got " + b.length);
    }
    return b;
  }

  /**
   * Decodes an 8-digit big-endian hex number such as the version, nbits, ntime and nonce fields of
   * Stratum.
   */
  public static int decodeInt32(String field, String hex) {
    if (hex == null) {
      throw new IllegalArgumentException(field + " is missing");
    }
    if (hex.length() != 8) {
      throw new IllegalArgumentException(
          field + " must be 8 hex digits, got " + hex.length() + ": '" + abbreviate(hex) + "'");
    }
    if (!isHex(hex)) {
      throw new IllegalArgumentException(field + " is not valid hex: '" + abbreviate(hex) + "'");
    }
    return HexFormat.fromHexDigits(hex);
  }

  /** Lowercase hex of the bytes in their order. */
  public static String encode(byte[] bytes) {
    return LOWER.formatHex(bytes);
  }

  /** Lowercase hex of the bytes in their order. */
  public static String encode(byte[] bytes, int offset, int length) {
    return LOWER.formatHex(bytes, offset, offset + length);
  }

  /**
   * A 32-byte hash in display order: byte-reversed, as block explorers print it (the hash read as a
   * little-endian number, written most significant digit first).
   */
  public static String displayOrder(byte[] hash) {
    byte[] reversed = new byte[hash.length];
    for (int i = 0; i < hash.length; i++) {
      reversed[i] = hash[hash.length - 1 - i];
    }
    return LOWER.formatHex(reversed);
  }

  /** Lowercase 8-digit big-endian hex of a 32-bit field. */
  public static String encodeInt32(int value) {
    return LOWER.toHexDigits(value);
  }

  private static boolean isHex(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (!HexFormat.isHexDigit(s.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  private static String abbreviate(String s) {
    return s.length() <= 40 ? s : s.substring(0, 37) + "...";
  }
}
