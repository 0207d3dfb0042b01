package io.otedama.controller.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Random secrets (bearer tokens, enrollment tokens, rig MQTT secrets) and their SHA-256, the only
 * form they are stored in. A 256-bit random secret cannot be guessed, so a fast hash suffices and
 * keeps a reconnect storm cheap; human passwords go through {@link PasswordHasher} instead.
 */
public final class SecretTokens {
  private static final SecureRandom RANDOM = new SecureRandom();

  private SecretTokens() {}

  /** 256 random bits, base64url without padding (43 characters). */
  public static String newToken() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  public static byte[] sha256(String token) {
    return sha256(token.getBytes(StandardCharsets.UTF_8));
  }

  public static byte[] sha256(byte[] bytes) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JDK", e);
    }
  }

  /** Constant-time comparison, so timing reveals nothing about a stored hash. */
  public static boolean sameHash(byte[] a, byte[] b) {
    return a != null && b != null && MessageDigest.isEqual(a, b);
  }

  public static SecureRandom random() {
    return RANDOM;
  }
}
