package io.otedama.agent.device;

import java.util.Locale;

/**
 * The power modes of {@code set-power-mode}, the one vocabulary the controller, the console and
 * curtailment use: sleep (stay connected, hash nothing: curtailment's deepest step), low, normal,
 * high. {@code eco} is accepted as another name for low.
 */
public enum PowerMode {
  SLEEP,
  LOW,
  NORMAL,
  HIGH;

  /**
   * Parses {@code sleep}, {@code low} (or {@code eco}), {@code normal} or {@code high} (any case).
   *
   * @throws IllegalArgumentException naming the accepted values
   */
  public static PowerMode parse(String text) {
    if (text != null) {
      if (text.strip().equalsIgnoreCase("eco")) {
        return LOW;
      }
      try {
        return valueOf(text.strip().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        // fall through to the clear message
      }
    }
    throw new IllegalArgumentException(
        "power mode must be sleep, low (eco), normal or high, got "
            + (text == null ? "nothing" : "'" + text + "'"));
  }

  public String word() {
    return name().toLowerCase(Locale.ROOT);
  }
}
