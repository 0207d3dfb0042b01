package io.otedama.controller.bench;

import java.util.HashMap;
import java.util.Map;

/** {@code --name value} arguments; bad input exits 2 with one line on stderr. */
final class BenchArgs {

  private final Map<String, String> values;

  private BenchArgs(Map<String, String> values) {
    this.values = values;
  }

  static BenchArgs parse(String[] args) {
    Map<String, String> values = new HashMap<>();
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (!arg.startsWith("--") || i + 1 >= args.length) {
        fail("expected --name value pairs, got '" + arg + "'");
      }
      values.put(arg.substring(2), args[++i]);
    }
    return new BenchArgs(values);
  }

  static void fail(String message) {
    System.err.println("error: " + message);
    System.exit(2);
  }

  String value(String name, String fallback) {
    return values.getOrDefault(name, fallback);
  }

  String require(String name) {
    String value = values.get(name);
    if (value == null) {
      fail("--" + name + " is required");
    }
    return value;
  }

  int intValue(String name, int fallback) {
    String value = values.get(name);
    if (value == null) {
      return fallback;
    }
    try {
      int parsed = Integer.parseInt(value);
      if (parsed < 0) {
        fail("--" + name + " must not be negative, got " + value);
      }
      return parsed;
    } catch (NumberFormatException e) {
      fail("--" + name + " must be a whole number, got '" + value + "'");
      return fallback;
    }
  }

  double doubleValue(String name, double fallback) {
    String value = values.get(name);
    if (value == null) {
      return fallback;
    }
    try {
      double parsed = Double.parseDouble(value);
      if (!(parsed > 0)) {
        fail("--" + name + " must be positive, got " + value);
      }
      return parsed;
    } catch (NumberFormatException e) {
      fail("--" + name + " must be a number, got '" + value + "'");
      return fallback;
    }
  }
}
