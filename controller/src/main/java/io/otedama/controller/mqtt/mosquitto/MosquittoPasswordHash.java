package io.otedama.controller.mqtt.mosquitto;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Mosquitto's password-file hash, {@code $7$<iterations>$<base64 salt>$<base64 hash>}:
 * PBKDF2-HMAC-SHA512 with a 12-byte salt and a 64-byte result, as {@code mosquitto_passwd} writes
 * it (Mosquitto 2's default). PBKDF2 is written out here (one block, a few lines) because the JDK's
 * {@code PBKDF2WithHmacSHA512} takes the password as {@code char[]}, and MQTT passwords are bytes.
 *
 * <p>101 iterations like {@code mosquitto_passwd}: rig secrets are random 256-bit values, which a
 * slow hash would not make any harder to guess.
 */
public final class MosquittoPasswordHash {

  public static final int ITERATIONS = 101;
  private static final int SALT_BYTES = 12;
  private static final int HASH_BYTES = 64;
  private static final String PREFIX = "$7$";

  private static final SecureRandom RANDOM = new SecureRandom();

  private MosquittoPasswordHash() {}

  /** A new hash of {@code password} with a fresh random salt. */
  public static String hash(byte[] password) {
    byte[] salt = new byte[SALT_BYTES];
    RANDOM.nextBytes(salt);
    return hash(password, salt, ITERATIONS);
  }

  static String hash(byte[] password, byte[] salt, int iterations) {
    Base64.Encoder base64 = Base64.getEncoder();
    return PREFIX
        + iterations
        + "$"
        + base64.encodeToString(salt)
        + "$"
        + base64.encodeToString(pbkdf2Sha512(password, salt, iterations));
  }

  /** Whether {@code encoded} (a {@code $7$} hash) is the hash of {@code password}. */
  public static boolean matches(String encoded, byte[] password) {
    if (encoded == null || !encoded.startsWith(PREFIX)) {
      return false;
    }
    String[] parts = encoded.substring(PREFIX.length()).split("\\$", -1);
    if (parts.length != 3) {
      return false;
    }
    try {
      int iterations = Integer.parseInt(parts[0]);
      byte[] salt = Base64.getDecoder().decode(parts[1]);
      byte[] expected = Base64.getDecoder().decode(parts[2]);
      if (iterations < 1 || expected.length != HASH_BYTES) {
        return false;
      }
      return MessageDigest.isEqual(expected, pbkdf2Sha512(password, salt, iterations));
    } catch (IllegalArgumentException malformed) {
      return false;
    }
  }

  /** RFC 8018 PBKDF2 for exactly one block of HMAC-SHA512 output (64 bytes). */
  private static byte[] pbkdf2Sha512(byte[] password, byte[] salt, int iterations) {
    try {
      Mac mac = Mac.getInstance("HmacSHA512");
      // An empty HMAC key is legal, but SecretKeySpec refuses it; MQTT passwords are never empty.
      mac.init(new SecretKeySpec(password, "HmacSHA512"));
      mac.update(salt);
      mac.update(new byte[] {0, 0, 0, 1});
      byte[] u = mac.doFinal();
      byte[] result = u.clone();
      for (int i = 1; i < iterations; i++) {
        u = mac.doFinal(u);
        for (int j = 0; j < result.length; j++) {
          result[j] ^= u[j];
        }
      }
      return result;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA512 is part of every JDK", e);
    }
  }
}
