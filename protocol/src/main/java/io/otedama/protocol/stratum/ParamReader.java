package io.otedama.protocol.stratum;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;

/**
 * Reads positional params of one Stratum method, lenient about harmless differences (numbers sent
 * as strings and the reverse, surrounding blanks, upper-case hex) and strict about anything that
 * would change what a share is.
 */
final class ParamReader {
  private final String method;
  private final StratumId id;
  private final JsonNode params;

  /** {@code params} is an array node; the codec wraps a bare scalar into one. */
  ParamReader(String method, StratumId id, JsonNode params) {
    this.method = method;
    this.id = id;
    this.params = params;
  }

  int size() {
    return params.size();
  }

  /** The param at {@code index}, or null when absent or JSON null. */
  JsonNode get(int index) {
    JsonNode value = params.get(index);
    return value == null || value.isNull() ? null : value;
  }

  JsonNode required(int index, String name) throws StratumProtocolException {
    JsonNode value = get(index);
    if (value == null) {
      throw bad(index, name, "is missing");
    }
    return value;
  }

  /** A string, or a number taken as its text. */
  String requiredText(int index, String name, int maxLength) throws StratumProtocolException {
    String text = optionalText(index, name, maxLength);
    if (text == null || text.isEmpty()) {
      throw bad(index, name, "is missing or empty");
    }
    return text;
  }

  String optionalText(int index, String name, int maxLength) throws StratumProtocolException {
    JsonNode value = get(index);
    if (value == null) {
      return null;
    }
    if (!value.isTextual() && !value.isNumber()) {
      throw bad(index, name, "must be a string");
    }
    String text = value.isTextual() ? value.textValue() : value.asText();
    if (text.length() > maxLength) {
      throw bad(index, name, "is longer than " + maxLength + " characters");
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 0x20 || c == 0x7f) {
        throw bad(index, name, "contains a control character");
      }
    }
    return text;
  }

  /**
   * Hex of {@code minDigits..maxDigits} digits (an even count when {@code bytes}), surrounding
   * blanks removed, lower case. Only strings: a JSON number would have lost leading zeros.
   */
  String requiredHex(int index, String name, int minDigits, int maxDigits, boolean bytes)
      throws StratumProtocolException {
    JsonNode value = required(index, name);
    return hex(index, name, value, minDigits, maxDigits, bytes);
  }

  String optionalHex(int index, String name, int minDigits, int maxDigits, boolean bytes)
      throws StratumProtocolException {
    JsonNode value = get(index);
    return value == null ? null : hex(index, name, value, minDigits, maxDigits, bytes);
  }

  String hex(int index, String name, JsonNode value, int minDigits, int maxDigits, boolean bytes)
      throws StratumProtocolException {
    if (!value.isTextual()) {
      throw bad(index, name, "must be a hex string");
    }
    String text = value.textValue().strip();
    int length = text.length();
    if (length < minDigits || length > maxDigits) {
      throw bad(
          index,
          name,
          "must be "
              + (minDigits == maxDigits ? minDigits + "" : minDigits + " to " + maxDigits)
              + " hex digits, got "
              + length);
    }
    if (bytes && (length & 1) != 0) {
      throw bad(index, name, "must be whole bytes (an even number of hex digits)");
    }
    if (!isHex(text)) {
      throw bad(index, name, "must be hex digits, got " + quote(text));
    }
    return text.toLowerCase(Locale.ROOT);
  }

  /** A finite positive number, given as a number or a numeric string. */
  double requiredPositiveNumber(int index, String name) throws StratumProtocolException {
    JsonNode value = required(index, name);
    double d;
    if (value.isNumber()) {
      d = value.doubleValue();
    } else if (value.isTextual()) {
      try {
        d = Double.parseDouble(value.textValue().strip());
      } catch (NumberFormatException e) {
        throw bad(index, name, "must be a number, got " + quote(value.textValue()));
      }
    } else {
      throw bad(index, name, "must be a number");
    }
    if (!(d > 0) || Double.isInfinite(d)) {
      throw bad(index, name, "must be a finite number greater than 0, got " + value.asText());
    }
    return d;
  }

  /** A whole number in range, given as a number or a numeric string. */
  int requiredInt(int index, String name, int min, int max) throws StratumProtocolException {
    return intOf(index, name, required(index, name), min, max);
  }

  int intOf(int index, String name, JsonNode value, int min, int max)
      throws StratumProtocolException {
    long l;
    if (value.isIntegralNumber() && value.canConvertToLong()) {
      l = value.longValue();
    } else if (value.isTextual()) {
      try {
        l = Long.parseLong(value.textValue().strip());
      } catch (NumberFormatException e) {
        throw bad(index, name, "must be a whole number, got " + quote(value.textValue()));
      }
    } else {
      throw bad(index, name, "must be a whole number");
    }
    if (l < min || l > max) {
      throw bad(index, name, "must be " + min + ".." + max + ", got " + l);
    }
    return (int) l;
  }

  /** true/false, also as the strings "true"/"false" or the numbers 1/0 some pools send. */
  boolean requiredBoolean(int index, String name) throws StratumProtocolException {
    JsonNode value = required(index, name);
    if (value.isBoolean()) {
      return value.booleanValue();
    }
    if (value.isTextual()) {
      String text = value.textValue().strip().toLowerCase(Locale.ROOT);
      if (text.equals("true") || text.equals("1")) {
        return true;
      }
      if (text.equals("false") || text.equals("0")) {
        return false;
      }
    }
    if (value.isIntegralNumber() && (value.longValue() == 0 || value.longValue() == 1)) {
      return value.longValue() == 1;
    }
    throw bad(index, name, "must be true or false");
  }

  StratumProtocolException bad(int index, String name, String detail) {
    return new StratumProtocolException(
        StratumProtocolException.Kind.BAD_PARAMS,
        id,
        method + ": param " + index + " (" + name + ") " + detail);
  }

  StratumProtocolException bad(String detail) {
    return new StratumProtocolException(
        StratumProtocolException.Kind.BAD_PARAMS, id, method + ": " + detail);
  }

  // ---- shared string helpers

  static boolean isHex(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'))) {
        return false;
      }
    }
    return true;
  }

  static String leftPad8(String hex) {
    return hex.length() >= 8 ? hex : "00000000".substring(hex.length()) + hex;
  }

  /** Untrusted text fit for a log line or an error message: bounded, no control characters. */
  static String sanitize(String text) {
    if (text == null) {
      return "";
    }
    int limit = Math.min(text.length(), 200);
    StringBuilder out = new StringBuilder(limit);
    for (int i = 0; i < limit; i++) {
      char c = text.charAt(i);
      out.append(c < 0x20 || c == 0x7f ? '?' : c);
    }
    if (text.length() > limit) {
      out.append("...");
    }
    return out.toString();
  }

  static String quote(String text) {
    return "'" + sanitize(text.length() > 40 ? text.substring(0, 40) + "..." : text) + "'";
  }
}
