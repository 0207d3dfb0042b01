package io.otedama.controller.fleet;

import io.otedama.controller.auth.SecretTokens;
import io.otedama.protocol.topic.RigIdSyntax;

/**
 * Rig ids follow protocol's {@link RigIdSyntax} (lowercase letters, digits, '-' and '_', at most 64
 * characters, starting with a letter or digit) because they are MQTT usernames and topic levels.
 * New ids are {@code rig-} plus 12 random base32 characters (60 bits).
 */
public final class RigIds {
  private static final char[] BASE32 = "abcdefghijklmnopqrstuvwxyz234567".toCharArray();

  private RigIds() {}

  public static String newId() {
    StringBuilder sb = new StringBuilder("rig-");
    for (int i = 0; i < 12; i++) {
      sb.append(BASE32[SecretTokens.random().nextInt(BASE32.length)]);
    }
    return sb.toString();
  }

  public static boolean isValid(String id) {
    return RigIdSyntax.isValid(id);
  }
}
