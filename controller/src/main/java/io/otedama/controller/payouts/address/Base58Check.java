package io.otedama.controller.payouts.address;

import io.otedama.controller.payouts.address.InvalidAddressException.Reason;
import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/** Base58Check (Bitcoin's legacy address format): payload plus 4 bytes of SHA-256d checksum. */
public final class Base58Check {
  private static final String ALPHABET =
      "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
  private static final BigInteger BASE = BigInteger.valueOf(58);
  private static final int CHECKSUM_LENGTH = 4;

  /** Longer strings cannot be addresses; refusing them early bounds the big-integer work. */
  private static final int MAX_LENGTH = 64;

  private Base58Check() {}

  /** Decodes and verifies; returns the payload (version byte first) without the checksum. */
  public static byte[] decode(String text) {
    if (text.isEmpty() || text.length() > MAX_LENGTH) {
      throw new InvalidAddressException(
          Reason.MALFORMED, "a Base58Check address has 1.." + MAX_LENGTH + " characters");
    }
    BigInteger value = BigInteger.ZERO;
    int leadingZeros = 0;
    boolean leading = true;
    for (int i = 0; i < text.length(); i++) {
      int digit = ALPHABET.indexOf(text.charAt(i));
      if (digit < 0) {
        throw new InvalidAddressException(
            Reason.MALFORMED, "'" + text.charAt(i) + "' is not a Base58 character");
      }
      if (leading && digit == 0) {
        leadingZeros++;
      } else {
        leading = false;
      }
      value = value.multiply(BASE).add(BigInteger.valueOf(digit));
    }
    byte[] magnitude = value.signum() == 0 ? new byte[0] : value.toByteArray();
    int signByte = magnitude.length > 0 && magnitude[0] == 0 ? 1 : 0;
    byte[] bytes = new byte[leadingZeros + magnitude.length - signByte];
    System.arraycopy(magnitude, signByte, bytes, leadingZeros, magnitude.length - signByte);
    if (bytes.length <= CHECKSUM_LENGTH) {
      throw new InvalidAddressException(Reason.MALFORMED, "the Base58Check string is too short");
    }
    byte[] payload = Arrays.copyOf(bytes, bytes.length - CHECKSUM_LENGTH);
    byte[] checksum = Arrays.copyOfRange(bytes, payload.length, bytes.length);
    if (!MessageDigest.isEqual(checksum, Arrays.copyOf(sha256d(payload), CHECKSUM_LENGTH))) {
      throw new InvalidAddressException(
          Reason.BAD_CHECKSUM, "'" + text + "' fails its Base58Check checksum (a typo?)");
    }
    return payload;
  }

  /** Encodes a payload with its checksum (used by tests and for display). */
  public static String encode(byte[] payload) {
    byte[] bytes = Arrays.copyOf(payload, payload.length + CHECKSUM_LENGTH);
    System.arraycopy(sha256d(payload), 0, bytes, payload.length, CHECKSUM_LENGTH);
    StringBuilder out = new StringBuilder();
    BigInteger value = new BigInteger(1, bytes);
    while (value.signum() > 0) {
      BigInteger[] division = value.divideAndRemainder(BASE);
      out.append(ALPHABET.charAt(division[1].intValue()));
      value = division[0];
    }
    for (int i = 0; i < bytes.length && bytes[i] == 0; i++) {
      out.append(ALPHABET.charAt(0));
    }
    return out.reverse().toString();
  }

  static byte[] sha256d(byte[] data) {
    try {
      MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
      return sha256.digest(sha256.digest(data));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
