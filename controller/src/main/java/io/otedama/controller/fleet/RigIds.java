package io.otedama.controller.fleet;

import io.otedama.controller.auth.SecretTokens;
import java.util.regex.Pattern;

/**
 * Rig ids follow protocol's rig id syntax (lowercase letters, digits, '-' and '_', at most 64
 * characters) because they are MQTT usernames and topic segments. New ids are {@code rig-} plus 12
 * random base32 characters (60 bits).
 */
public final class RigIds {
  private static final Pattern SYNTAX = Pattern.compile("[a-z0-9_-]{1,64}");
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
    return id != null && SYNTAX.matcher(id).matches();
  }
}
