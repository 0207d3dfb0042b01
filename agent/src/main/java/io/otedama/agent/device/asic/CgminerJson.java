package io.otedama.agent.device.asic;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Reads what cgminer-API firmwares actually send, which is not always JSON: a trailing NUL byte,
 * {@code }{} between the objects of a multi-command reply (missing comma), bare {@code inf} and
 * {@code nan} tokens, control characters inside strings, numbers sent as strings ({@code "GHS
 * 5s":"95051.23"}), temperatures as dash-joined strings ({@code "62-62-77-77"}).
 */
public final class CgminerJson {
  private static final JsonMapper MAPPER =
      JsonMapper.builder()
          .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
          .enable(JsonReadFeature.ALLOW_TRAILING_COMMA)
          .enable(JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS)
          .enable(JsonReadFeature.ALLOW_LEADING_PLUS_SIGN_FOR_NUMBERS)
          .build();

  private CgminerJson() {}

  /**
   * Parses a reply.
   *
   * @throws CgminerException when even the repaired text is not JSON
   */
  public static JsonNode parse(byte[] reply) throws CgminerException {
    String text = repair(new String(reply, StandardCharsets.UTF_8));
    if (text.isEmpty()) {
      throw new CgminerException("the miner sent an empty reply");
    }
    try (JsonParser parser = MAPPER.createParser(text)) {
      JsonNode node = MAPPER.readTree(parser);
      if (node == null || !node.isObject()) {
        throw new CgminerException("the miner's reply is not a JSON object");
      }
      return node;
    } catch (IOException e) {
      throw new CgminerException("the miner's reply is not JSON: " + firstLine(e.getMessage()));
    }
  }

  /** Fixes the known firmware quirks outside of string literals. */
  static String repair(String raw) {
    StringBuilder out = new StringBuilder(raw.length() + 16);
    boolean inString = false;
    int n = raw.length();
    for (int i = 0; i < n; i++) {
      char c = raw.charAt(i);
      if (c == '\0') {
        continue;
      }
      if (inString) {
        out.append(c);
        if (c == '\\' && i + 1 < n) {
          out.append(raw.charAt(++i));
        } else if (c == '"') {
          inString = false;
        }
        continue;
      }
      if (c == '"') {
        inString = true;
        out.append(c);
      } else if (c == '{' && endsWithCloseBrace(out)) {
        out.append(",{"); // "}{": a missing comma between objects
      } else if (Character.isLetter(c)
          || ((c == '-' || c == '+') && i + 1 < n && Character.isLetter(raw.charAt(i + 1)))) {
        int end = i + 1;
        while (end < n && Character.isLetter(raw.charAt(end))) {
          end++;
        }
        String word = raw.substring(i, end);
        String bare = word.replaceFirst("^[-+]", "").toLowerCase(Locale.ROOT);
        if (bare.equals("inf") || bare.equals("infinity") || bare.equals("nan")) {
          out.append("null");
        } else {
          out.append(word);
        }
        i = end - 1;
      } else {
        out.append(c);
      }
    }
    return out.toString().strip();
  }

  private static boolean endsWithCloseBrace(StringBuilder out) {
    for (int i = out.length() - 1; i >= 0; i--) {
      char c = out.charAt(i);
      if (!Character.isWhitespace(c)) {
        return c == '}';
      }
    }
    return false;
  }

  /**
   * A number field, whether sent as a number or a string; null when absent, empty, {@code inf},
   * {@code nan} or not a number.
   */
  public static Double number(JsonNode object, String field) {
    if (object == null) {
      return null;
    }
    return number(object.get(field));
  }

  public static Double number(JsonNode value) {
    if (value == null || value.isNull()) {
      return null;
    }
    double d;
    if (value.isNumber()) {
      d = value.asDouble();
    } else if (value.isTextual()) {
      String text = value.asText().strip();
      // "3250 W", "75 C": a unit after the number
      int end = 0;
      while (end < text.length() && "+-.0123456789eE".indexOf(text.charAt(end)) >= 0) {
        end++;
      }
      if (end == 0) {
        return null;
      }
      try {
        d = Double.parseDouble(text.substring(0, end));
      } catch (NumberFormatException e) {
        return null;
      }
    } else {
      return null;
    }
    return Double.isFinite(d) ? d : null;
  }

  /** The first of {@code fields} that holds a number. */
  public static Double firstNumber(JsonNode object, String... fields) {
    for (String field : fields) {
      Double d = number(object, field);
      if (d != null) {
        return d;
      }
    }
    return null;
  }

  /**
   * The largest number in a field that may be a number or a dash-joined list ({@code
   * "62-62-77-77"}, Antminer's per-chip temperatures).
   */
  public static Double maxOfList(JsonNode value) {
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isTextual()) {
      return number(value);
    }
    Double max = null;
    for (String part : value.asText().split("[-,;/ ]+")) {
      if (part.isBlank()) {
        continue;
      }
      try {
        double d = Double.parseDouble(part.strip());
        if (Double.isFinite(d) && (max == null || d > max)) {
          max = d;
        }
      } catch (NumberFormatException e) {
        // not a number: skip it
      }
    }
    return max;
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "syntax error";
    }
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }
}
