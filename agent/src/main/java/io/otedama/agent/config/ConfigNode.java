package io.otedama.agent.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A mapping of the YAML configuration with its path, read field by field so that every error names
 * the exact setting ({@code agent.yml: devices[1].port: ...}). Unknown keys are errors: a typo in a
 * setting name must not silently fall back to a default on a rig nobody looks at.
 */
final class ConfigNode {
  private static final Pattern DURATION =
      Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ms|s|m|h|d)?", Pattern.CASE_INSENSITIVE);
  private static final Pattern SIZE =
      Pattern.compile("(\\d+)\\s*(b|kb|kib|mb|mib|gb|gib|k|m|g)?", Pattern.CASE_INSENSITIVE);

  private final String file;
  private final String path;
  private final JsonNode node;

  private ConfigNode(String file, String path, JsonNode node) {
    this.file = file;
    this.path = path;
    this.node = node;
  }

  static ConfigNode root(String file, JsonNode node) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return new ConfigNode(
          file, "", com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode());
    }
    if (!node.isObject()) {
      throw new ConfigException(file + ": the configuration must be a YAML mapping of settings");
    }
    return new ConfigNode(file, "", node);
  }

  ConfigException error(String key, String problem) {
    return new ConfigException(file + ": " + qualified(key) + ": " + problem);
  }

  private String qualified(String key) {
    return path.isEmpty() ? key : path + "." + key;
  }

  /** Fails on keys not in {@code known}. */
  ConfigNode allowOnly(String... known) {
    Set<String> allowed = Set.of(known);
    Iterator<String> names = node.fieldNames();
    while (names.hasNext()) {
      String name = names.next();
      if (!allowed.contains(name)) {
        throw new ConfigException(
            file
                + ": unknown setting '"
                + qualified(name)
                + "' (known here: "
                + String.join(", ", known)
                + ")");
      }
    }
    return this;
  }

  private JsonNode value(String key) {
    JsonNode v = node.get(key);
    return v == null || v.isNull() ? null : v;
  }

  boolean has(String key) {
    return value(key) != null;
  }

  /** The nested mapping, or an empty one when absent. */
  ConfigNode section(String key) {
    JsonNode v = value(key);
    if (v == null) {
      return new ConfigNode(
          file,
          qualified(key),
          com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode());
    }
    if (!v.isObject()) {
      throw error(key, "must be a mapping of settings");
    }
    return new ConfigNode(file, qualified(key), v);
  }

  /** The list of mappings under {@code key}, empty when absent. */
  List<ConfigNode> sections(String key) {
    JsonNode v = value(key);
    List<ConfigNode> out = new ArrayList<>();
    if (v == null) {
      return out;
    }
    if (!v.isArray()) {
      throw error(key, "must be a list");
    }
    for (int i = 0; i < v.size(); i++) {
      JsonNode item = v.get(i);
      if (item == null || !item.isObject()) {
        throw new ConfigException(
            file + ": " + qualified(key) + "[" + i + "]: must be a mapping of settings");
      }
      out.add(new ConfigNode(file, qualified(key) + "[" + i + "]", item));
    }
    return out;
  }

  String string(String key, String fallback) {
    JsonNode v = value(key);
    if (v == null) {
      return fallback;
    }
    if (!v.isValueNode() || v.isBinary()) {
      throw error(key, "must be a text value");
    }
    String text = v.asText().strip();
    return text.isEmpty() ? fallback : text;
  }

  String requiredString(String key) {
    String s = string(key, null);
    if (s == null) {
      throw error(key, "is required");
    }
    return s;
  }

  List<String> strings(String key, List<String> fallback) {
    JsonNode v = value(key);
    if (v == null) {
      return fallback;
    }
    List<String> out = new ArrayList<>();
    if (v.isArray()) {
      for (JsonNode item : v) {
        if (!item.isValueNode()) {
          throw error(key, "must be a list of text values");
        }
        out.add(item.asText());
      }
    } else if (v.isTextual()) {
      // a single string is split on blanks: "systemctl reboot"
      for (String part : v.asText().strip().split("\\s+")) {
        if (!part.isEmpty()) {
          out.add(part);
        }
      }
    } else {
      throw error(key, "must be a list of text values or one command line");
    }
    if (out.isEmpty()) {
      throw error(key, "must not be empty");
    }
    return List.copyOf(out);
  }

  long integer(String key, long fallback, long min, long max) {
    JsonNode v = value(key);
    if (v == null) {
      return fallback;
    }
    long n;
    if (v.isIntegralNumber() && v.canConvertToLong()) {
      n = v.asLong();
    } else if (v.isTextual() && v.asText().strip().matches("-?\\d{1,18}")) {
      n = Long.parseLong(v.asText().strip());
    } else {
      throw error(key, "must be a whole number, got '" + brief(v.asText()) + "'");
    }
    if (n < min || n > max) {
      throw error(key, "must be between " + min + " and " + max + ", got " + n);
    }
    return n;
  }

  double number(String key, double fallback, double min, double max) {
    JsonNode v = value(key);
    if (v == null) {
      return fallback;
    }
    double d;
    if (v.isNumber()) {
      d = v.asDouble();
    } else if (v.isTextual()) {
      try {
        d = Double.parseDouble(v.asText().strip());
      } catch (NumberFormatException e) {
        throw error(key, "must be a number, got '" + brief(v.asText()) + "'");
      }
    } else {
      throw error(key, "must be a number");
    }
    if (!(d >= min && d <= max)) {
      throw error(key, "must be between " + min + " and " + max + ", got " + v.asText());
    }
    return d;
  }

  boolean bool(String key, boolean fallback) {
    JsonNode v = value(key);
    if (v == null) {
      return fallback;
    }
    if (v.isBoolean()) {
      return v.asBoolean();
    }
    String text = v.asText().strip().toLowerCase(Locale.ROOT);
    return switch (text) {
      case "true", "yes", "on" -> true;
      case "false", "no", "off" -> false;
      default -> throw error(key, "must be true or false, got '" + brief(v.asText()) + "'");
    };
  }

  /** A duration: a number of seconds, or text like {@code 500ms}, {@code 10s}, {@code 5m}. */
  Duration duration(String key, Duration fallback, Duration min, Duration max) {
    JsonNode v = value(key);
    if (v == null) {
      return fallback;
    }
    Duration d;
    if (v.isNumber()) {
      d = Duration.ofMillis(Math.round(v.asDouble() * 1000));
    } else {
      Matcher m = DURATION.matcher(v.asText().strip());
      if (!v.isTextual() || !m.matches()) {
        throw error(
            key,
            "must be a duration such as 10s, 500ms, 5m or 1h, got '" + brief(v.asText()) + "'");
      }
      double amount = Double.parseDouble(m.group(1));
      String unit = m.group(2) == null ? "s" : m.group(2).toLowerCase(Locale.ROOT);
      double millis =
          switch (unit) {
            case "ms" -> amount;
            case "s" -> amount * 1e3;
            case "m" -> amount * 60e3;
            case "h" -> amount * 3600e3;
            default -> amount * 86400e3;
          };
      d = Duration.ofMillis(Math.round(millis));
    }
    if (d.compareTo(min) < 0 || d.compareTo(max) > 0) {
      throw error(
          key, "must be between " + human(min) + " and " + human(max) + ", got " + human(d));
    }
    return d;
  }

  /** A size in bytes: a number, or text like {@code 64MiB}, {@code 512KB}. */
  long bytes(String key, long fallback, long min, long max) {
    JsonNode v = value(key);
    if (v == null) {
      return fallback;
    }
    long n;
    if (v.isIntegralNumber()) {
      n = v.asLong();
    } else {
      Matcher m = SIZE.matcher(v.asText().strip());
      if (!v.isTextual() || !m.matches()) {
        throw error(key, "must be a size such as 64MiB or 512KB, got '" + brief(v.asText()) + "'");
      }
      long amount = Long.parseLong(m.group(1));
      String unit = m.group(2) == null ? "b" : m.group(2).toLowerCase(Locale.ROOT);
      long factor =
          switch (unit) {
            case "b" -> 1;
            case "kb", "kib", "k" -> 1024;
            case "mb", "mib", "m" -> 1024 * 1024;
            default -> 1024L * 1024 * 1024;
          };
      n = Math.multiplyHigh(amount, factor) != 0 ? Long.MAX_VALUE : amount * factor;
    }
    if (n < min || n > max) {
      throw error(key, "must be between " + min + " and " + max + " bytes, got " + n);
    }
    return n;
  }

  URI uri(String key, URI fallback, Set<String> schemes) {
    String text = string(key, null);
    if (text == null) {
      return fallback;
    }
    URI uri;
    try {
      uri = new URI(text);
    } catch (URISyntaxException e) {
      throw error(key, "is not a valid URL: " + e.getReason());
    }
    if (uri.getScheme() == null
        || !schemes.contains(uri.getScheme().toLowerCase(Locale.ROOT))
        || uri.getHost() == null) {
      throw error(
          key,
          "must be a URL like "
              + schemes.iterator().next()
              + "://host:port (schemes: "
              + String.join(", ", schemes)
              + "), got '"
              + brief(text)
              + "'");
    }
    return uri;
  }

  Path path(String key, Path base, Path fallback) {
    String text = string(key, null);
    if (text == null) {
      return fallback;
    }
    Path p = Path.of(text);
    return p.isAbsolute() || base == null ? p : base.resolve(p);
  }

  private static String human(Duration d) {
    long ms = d.toMillis();
    if (ms % 3_600_000 == 0 && ms > 0) {
      return ms / 3_600_000 + "h";
    }
    if (ms % 60_000 == 0 && ms > 0) {
      return ms / 60_000 + "m";
    }
    if (ms % 1000 == 0) {
      return ms / 1000 + "s";
    }
    return ms + "ms";
  }

  private static String brief(String text) {
    if (text == null) {
      return "";
    }
    String oneLine = text.replaceAll("[\\p{Cntrl}]", " ");
    return oneLine.length() > 60 ? oneLine.substring(0, 60) + "..." : oneLine;
  }
}
