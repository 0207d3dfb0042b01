package io.otedama.protocol.topic;

/**
 * The syntax of a rig id: 1 to 64 characters from {@code a-z}, {@code 0-9}, {@code -} and {@code
 * _}, starting with a letter or digit.
 *
 * <p>Why so narrow: the id becomes an MQTT topic level, so {@code /}, {@code +}, {@code #} and a
 * leading {@code $} would let one rig reach another's subtree or broker system topics; upper case
 * is excluded because MQTT topics are case-sensitive and two ids differing only in case would
 * confuse operators. A UUID in canonical lower-case form is a valid rig id.
 */
public final class RigIdSyntax {
  public static final int MAX_LENGTH = 64;

  private RigIdSyntax() {}

  /** Whether {@code rigId} is a syntactically valid rig id. Null is not. */
  public static boolean isValid(String rigId) {
    if (rigId == null) {
      return false;
    }
    int length = rigId.length();
    if (length == 0 || length > MAX_LENGTH) {
      return false;
    }
    if (!isLetterOrDigit(rigId.charAt(0))) {
      return false;
    }
    for (int i = 1; i < length; i++) {
      char c = rigId.charAt(i);
      if (!isLetterOrDigit(c) && c != '-' && c != '_') {
        return false;
      }
    }
    return true;
  }

  /**
   * Returns {@code rigId} when valid.
   *
   * @throws IllegalArgumentException naming the rule when it is not
   */
  public static String requireValid(String rigId) {
    if (!isValid(rigId)) {
      throw new IllegalArgumentException(
          "invalid rig id "
              + quoteForMessage(rigId)
              + ": use 1 to 64 characters a-z, 0-9, '-' or '_', starting with a letter or digit");
    }
    return rigId;
  }

  private static boolean isLetterOrDigit(char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
  }

  /** Quotes an untrusted value for an error message: bounded length, no control characters. */
  static String quoteForMessage(String value) {
    if (value == null) {
      return "null";
    }
    StringBuilder out = new StringBuilder(Math.min(value.length(), 40) + 5).append('\'');
    int limit = Math.min(value.length(), 40);
    for (int i = 0; i < limit; i++) {
      char c = value.charAt(i);
      out.append(c < 0x20 || c == 0x7f ? '?' : c);
    }
    if (value.length() > limit) {
      out.append("...");
    }
    return out.append('\'').toString();
  }
}
