package io.otedama.dashboards;

import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Renders a panel query the way Grafana would before sending it to Prometheus: the built-in
 * interval variables become fixed durations and each template variable becomes a given value. A
 * variable left over (a typo, or one the dashboard does not define) is an error, not a silent pass.
 */
final class QueryTemplate {

  /** Grafana's built-ins and the value each stands for in a test query. */
  static final Map<String, String> BUILT_INS =
      Map.of(
          "__rate_interval", "1m",
          "__interval", "1m",
          "__range", "1h",
          "__range_s", "3600",
          "__interval_ms", "60000");

  private static final Pattern LEFTOVER = Pattern.compile("\\$\\{?([a-zA-Z_][a-zA-Z0-9_]*)|\\[\\[");

  private QueryTemplate() {}

  static String render(String expr, Map<String, String> variables) {
    String rendered = expr;
    Map<String, String> all = new HashMap<>(BUILT_INS);
    all.putAll(variables);
    // Longest names first so $__range_s is not mistaken for $__range followed by "_s".
    for (String name :
        all.keySet().stream().sorted(Comparator.comparingInt(String::length).reversed()).toList()) {
      String value = Matcher.quoteReplacement(all.get(name));
      rendered =
          rendered
              .replaceAll("\\$\\{" + Pattern.quote(name) + "(:[a-z]+)?}", value)
              .replaceAll("\\[\\[" + Pattern.quote(name) + "]]", value)
              .replaceAll("\\$" + Pattern.quote(name) + "(?![a-zA-Z0-9_])", value);
    }
    Matcher leftover = LEFTOVER.matcher(rendered);
    if (leftover.find()) {
      throw new IllegalArgumentException(
          "undefined template variable near \""
              + rendered.substring(leftover.start())
              + "\" in: "
              + expr);
    }
    return rendered;
  }
}
