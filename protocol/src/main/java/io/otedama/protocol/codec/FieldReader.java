package io.otedama.protocol.codec;

import com.fasterxml.jackson.databind.JsonNode;
import io.otedama.protocol.message.WireEnum;
import java.util.Locale;

/**
 * Reads typed, range-checked fields out of one JSON object of a payload, naming the offending field
 * by its path ({@code devices[2].temperatureC}) when something is wrong. Paths are built only on
 * failure, so the happy path allocates nothing beyond the values themselves.
 */
final class FieldReader {
  /** Which characters a string field may contain. */
  enum Charset {
    /** Printable ASCII, space included: ids, names, versions. */
    PRINTABLE,
    /** Anything but control characters other than tab, CR and LF: messages for humans. */
    TEXT
  }

  private final String message;
  private final JsonNode node;
  private final String parentPath;
  private final int index;

  private FieldReader(String message, JsonNode node, String parentPath, int index) {
    this.message = message;
    this.node = node;
    this.parentPath = parentPath;
    this.index = index;
  }

  /** A reader of the payload's top-level object; {@code message} names the payload kind. */
  static FieldReader root(String message, JsonNode node) {
    return new FieldReader(message, node, null, -1);
  }

  /** The path of this object, "" for the root. */
  String path() {
    if (parentPath == null) {
      return "";
    }
    return index >= 0 ? parentPath + "[" + index + "]" : parentPath;
  }

  String path(String name) {
    String own = path();
    return own.isEmpty() ? name : own + "." + name;
  }

  // ---- presence

  private JsonNode required(String name) throws MessageRejectedException {
    JsonNode value = node.get(name);
    if (value == null || value.isNull()) {
      throw new MessageRejectedException(
          RejectReason.MISSING_FIELD,
          path(name),
          message + ": required field '" + path(name) + "' is missing");
    }
    return value;
  }

  private JsonNode optional(String name) {
    JsonNode value = node.get(name);
    return value == null || value.isNull() ? null : value;
  }

  // ---- numbers

  long requiredLong(String name, long min, long max) throws MessageRejectedException {
    return toLong(name, required(name), min, max);
  }

  Long optionalLong(String name, long min, long max) throws MessageRejectedException {
    JsonNode value = optional(name);
    return value == null ? null : toLong(name, value, min, max);
  }

  int requiredInt(String name, int min, int max) throws MessageRejectedException {
    return (int) toLong(name, required(name), min, max);
  }

  Integer optionalInt(String name, int min, int max) throws MessageRejectedException {
    JsonNode value = optional(name);
    return value == null ? null : (int) toLong(name, value, min, max);
  }

  double requiredDouble(String name, double min, double max) throws MessageRejectedException {
    return toDouble(name, required(name), min, max);
  }

  Double optionalDouble(String name, double min, double max) throws MessageRejectedException {
    JsonNode value = optional(name);
    return value == null ? null : toDouble(name, value, min, max);
  }

  /** A number strictly above zero and at most {@code max}. */
  double requiredPositiveDouble(String name, double max) throws MessageRejectedException {
    JsonNode value = required(name);
    double d = toDouble(name, value, 0, max);
    if (d <= 0) {
      throw outOfRange(name, value.asText() + ", it must be greater than 0");
    }
    return d;
  }

  private long toLong(String name, JsonNode value, long min, long max)
      throws MessageRejectedException {
    if (!value.isNumber()) {
      throw badValue(name, "must be a number, got " + typeOf(value));
    }
    if (!value.isIntegralNumber() && !value.canConvertToExactIntegral()) {
      throw badValue(name, "must be a whole number, got " + value.asText());
    }
    if (!value.canConvertToLong()) {
      throw outOfRange(name, value.asText() + ", outside " + min + ".." + max);
    }
    long l = value.longValue();
    if (l < min || l > max) {
      throw outOfRange(name, l + ", outside " + min + ".." + max);
    }
    return l;
  }

  private double toDouble(String name, JsonNode value, double min, double max)
      throws MessageRejectedException {
    if (!value.isNumber()) {
      throw badValue(name, "must be a number, got " + typeOf(value));
    }
    double d = value.doubleValue();
    if (!(d >= min && d <= max)) { // also false for NaN and infinities
      throw outOfRange(name, value.asText() + ", outside " + plain(min) + ".." + plain(max));
    }
    return d;
  }

  // ---- booleans

  boolean requiredBoolean(String name) throws MessageRejectedException {
    JsonNode value = required(name);
    if (!value.isBoolean()) {
      throw badValue(name, "must be true or false, got " + typeOf(value));
    }
    return value.booleanValue();
  }

  // ---- strings

  String requiredText(String name, int maxLength, Charset charset) throws MessageRejectedException {
    return toText(name, required(name), 1, maxLength, charset);
  }

  /** Like {@link #requiredText} but an empty string is allowed. */
  String requiredTextMayBeEmpty(String name, int maxLength, Charset charset)
      throws MessageRejectedException {
    return toText(name, required(name), 0, maxLength, charset);
  }

  String optionalText(String name, int maxLength, Charset charset) throws MessageRejectedException {
    JsonNode value = optional(name);
    return value == null ? null : toText(name, value, 0, maxLength, charset);
  }

  private String toText(String name, JsonNode value, int minLength, int maxLength, Charset charset)
      throws MessageRejectedException {
    if (!value.isTextual()) {
      throw badValue(name, "must be a string, got " + typeOf(value));
    }
    return checkText(name, value.textValue(), minLength, maxLength, charset);
  }

  String checkText(String name, String text, int minLength, int maxLength, Charset charset)
      throws MessageRejectedException {
    int length = text.length();
    if (length < minLength) {
      throw outOfRange(name, "empty, it must not be");
    }
    if (length > maxLength) {
      throw outOfRange(name, length + " characters long, at most " + maxLength + " allowed");
    }
    for (int i = 0; i < length; i++) {
      char c = text.charAt(i);
      boolean ok =
          switch (charset) {
            case PRINTABLE -> c >= 0x20 && c < 0x7f;
            case TEXT -> (c >= 0x20 && c != 0x7f) || c == '\t' || c == '\n' || c == '\r';
          };
      if (!ok) {
        throw badValue(
            name,
            "contains the character U+"
                + String.format(Locale.ROOT, "%04X", (int) c)
                + " at position "
                + i
                + (charset == Charset.PRINTABLE ? "; only printable ASCII is allowed" : ""));
      }
    }
    return text;
  }

  /**
   * A hex string of {@code minDigits..maxDigits} digits (an even count when {@code bytes}),
   * returned in lower case so that two spellings of one share never look different.
   */
  String requiredHex(String name, int minDigits, int maxDigits, boolean bytes)
      throws MessageRejectedException {
    return toHex(name, required(name), minDigits, maxDigits, bytes);
  }

  String optionalHex(String name, int minDigits, int maxDigits, boolean bytes)
      throws MessageRejectedException {
    JsonNode value = optional(name);
    return value == null ? null : toHex(name, value, minDigits, maxDigits, bytes);
  }

  private String toHex(String name, JsonNode value, int minDigits, int maxDigits, boolean bytes)
      throws MessageRejectedException {
    if (!value.isTextual()) {
      throw badValue(name, "must be a hex string, got " + typeOf(value));
    }
    return checkHex(name, value.textValue(), minDigits, maxDigits, bytes);
  }

  String checkHex(String name, String hex, int minDigits, int maxDigits, boolean bytes)
      throws MessageRejectedException {
    int length = hex.length();
    if (length < minDigits || length > maxDigits) {
      String expected = minDigits == maxDigits ? minDigits + "" : minDigits + " to " + maxDigits;
      throw outOfRange(name, length + " hex digits long, expected " + expected);
    }
    if (bytes && (length & 1) != 0) {
      throw badValue(name, "must be whole bytes (an even number of hex digits), got " + length);
    }
    boolean upper = false;
    for (int i = 0; i < length; i++) {
      char c = hex.charAt(i);
      if (c >= 'A' && c <= 'F') {
        upper = true;
      } else if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
        throw badValue(name, "must be hex digits, got " + quote(hex));
      }
    }
    return upper ? hex.toLowerCase(Locale.ROOT) : hex;
  }

  <E extends Enum<E> & WireEnum> E requiredEnum(String name, Class<E> type)
      throws MessageRejectedException {
    JsonNode value = required(name);
    E constant = value.isTextual() ? WireEnum.fromWireName(type, value.textValue()) : null;
    if (constant == null) {
      StringBuilder allowed = new StringBuilder();
      for (E c : type.getEnumConstants()) {
        allowed.append(allowed.isEmpty() ? "" : ", ").append(c.wireName());
      }
      throw badValue(
          name,
          "must be one of "
              + allowed
              + ", got "
              + (value.isTextual() ? quote(value.textValue()) : typeOf(value)));
    }
    return constant;
  }

  // ---- structure

  FieldReader requiredObject(String name) throws MessageRejectedException {
    return toObject(name, required(name));
  }

  FieldReader optionalObject(String name) throws MessageRejectedException {
    JsonNode value = optional(name);
    return value == null ? null : toObject(name, value);
  }

  private FieldReader toObject(String name, JsonNode value) throws MessageRejectedException {
    if (!value.isObject()) {
      throw badValue(name, "must be an object, got " + typeOf(value));
    }
    return new FieldReader(message, value, path(name), -1);
  }

  /** The raw object node of an optional object field (for free-form maps), or null. */
  JsonNode optionalObjectNode(String name) throws MessageRejectedException {
    JsonNode value = optional(name);
    if (value != null && !value.isObject()) {
      throw badValue(name, "must be an object, got " + typeOf(value));
    }
    return value;
  }

  JsonNode requiredArray(String name, int minSize, int maxSize) throws MessageRejectedException {
    JsonNode value = required(name);
    if (!value.isArray()) {
      throw badValue(name, "must be an array, got " + typeOf(value));
    }
    int size = value.size();
    if (size < minSize || size > maxSize) {
      throw outOfRange(
          name, "an array of " + size + " entries, allowed " + minSize + " to " + maxSize);
    }
    return value;
  }

  /** A reader of the object at {@code index} of the array field {@code name}. */
  FieldReader element(String name, JsonNode array, int index) throws MessageRejectedException {
    JsonNode value = array.get(index);
    if (!value.isObject()) {
      throw badValue(name + "[" + index + "]", "must be an object, got " + typeOf(value));
    }
    return new FieldReader(message, value, path(name), index);
  }

  /** The string at {@code index} of the array field {@code name}. */
  String textElement(String name, JsonNode array, int index) throws MessageRejectedException {
    JsonNode value = array.get(index);
    String elementName = name + "[" + index + "]";
    if (!value.isTextual()) {
      throw badValue(elementName, "must be a string, got " + typeOf(value));
    }
    return value.textValue();
  }

  // ---- failures

  MessageRejectedException reject(RejectReason reason, String name, String detail) {
    return new MessageRejectedException(
        reason, path(name), message + ": field '" + path(name) + "' " + detail);
  }

  MessageRejectedException outOfRange(String name, String detail) {
    return new MessageRejectedException(
        RejectReason.OUT_OF_RANGE,
        path(name),
        message + ": field '" + path(name) + "' is " + detail);
  }

  MessageRejectedException badValue(String name, String detail) {
    return new MessageRejectedException(
        RejectReason.BAD_VALUE, path(name), message + ": field '" + path(name) + "' " + detail);
  }

  private static String typeOf(JsonNode value) {
    return switch (value.getNodeType()) {
      case ARRAY -> "an array";
      case OBJECT -> "an object";
      case STRING -> "the string " + quote(value.textValue());
      case NUMBER -> "the number " + value.asText();
      case BOOLEAN -> value.asText();
      default -> value.getNodeType().name().toLowerCase(Locale.ROOT);
    };
  }

  /** Quotes untrusted text for a log line: bounded length, control characters replaced. */
  static String quote(String value) {
    int limit = Math.min(value.length(), 40);
    StringBuilder out = new StringBuilder(limit + 5).append('\'');
    for (int i = 0; i < limit; i++) {
      char c = value.charAt(i);
      out.append(c < 0x20 || c == 0x7f ? '?' : c);
    }
    if (value.length() > limit) {
      out.append("...");
    }
    return out.append('\'').toString();
  }

  private static String plain(double d) {
    return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
  }
}
