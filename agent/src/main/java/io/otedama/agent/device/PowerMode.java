package io.otedama.agent.device;

import java.util.Locale;

/** The power modes of {@code set-power-mode}. */
public enum PowerMode {
  LOW,
  NORMAL,
  HIGH;

  /**
   * Parses {@code low}, {@code normal} or {@code high} (any case).
   *
   * @throws IllegalArgumentException naming the accepted values
   */
  public static PowerMode parse(String text) {
    if (text != null) {
      try {
        return valueOf(text.strip().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        // fall through to the clear message
      }
    }
    throw new IllegalArgumentException(
        "power mode must be low, normal or high, got "
            + (text == null ? "nothing" : "'" + text + "'"));
  }

  public String word() {
    return name().toLowerCase(Locale.ROOT);
  }
}
