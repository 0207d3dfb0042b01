package io.otedama.protocol.stratum;

import java.util.Objects;
import java.util.OptionalDouble;

/**
 * {@code mining.authorize}: params {@code [username, password?]}.
 *
 * @param username {@code <account>.<worker>} by convention, non-empty
 * @param password the password, or null when absent; may carry {@code d=<difficulty>}
 */
public record MiningAuthorize(StratumId id, String username, String password)
    implements ClientMessage {
  public static final String METHOD = "mining.authorize";

  public MiningAuthorize {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(username, "username");
  }

  /** The account: the username up to its first {@code .}, or all of it. */
  public String account() {
    int dot = username.indexOf('.');
    return dot < 0 ? username : username.substring(0, dot);
  }

  /** The worker: the username after its first {@code .}, or empty. */
  public String worker() {
    int dot = username.indexOf('.');
    return dot < 0 ? "" : username.substring(dot + 1);
  }

  /**
   * The fixed share difficulty the password asks for with the common {@code d=<difficulty>}
   * convention: a token {@code d=N} in a password of tokens separated by commas, semicolons or
   * spaces ({@code x,d=0.5}). Empty when absent, not a number, or not finite and positive.
   */
  public OptionalDouble requestedDifficulty() {
    if (password == null) {
      return OptionalDouble.empty();
    }
    for (String token : password.split("[,; ]+")) {
      if (token.length() > 2 && (token.startsWith("d=") || token.startsWith("D="))) {
        try {
          double d = Double.parseDouble(token.substring(2));
          if (Double.isFinite(d) && d > 0) {
            return OptionalDouble.of(d);
          }
        } catch (NumberFormatException e) {
          return OptionalDouble.empty();
        }
      }
    }
    return OptionalDouble.empty();
  }
}
