package io.otedama.dashboards;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A dashboard template variable backed by a Prometheus {@code label_values(selector, label)} query,
 * the only kind the Otedama dashboards use.
 */
record TemplateVariable(String name, String query) {

  private static final Pattern LABEL_VALUES =
      Pattern.compile("^\\s*label_values\\(\\s*(.+?)\\s*,\\s*([a-zA-Z_][a-zA-Z0-9_]*)\\s*\\)\\s*$");

  /** The series selector inside {@code label_values(...)}, if the query has that form. */
  Optional<String> selector() {
    Matcher m = LABEL_VALUES.matcher(query);
    return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
  }

  /** The label whose values the variable offers, if the query has the label_values form. */
  Optional<String> label() {
    Matcher m = LABEL_VALUES.matcher(query);
    return m.matches() ? Optional.of(m.group(2)) : Optional.empty();
  }
}
