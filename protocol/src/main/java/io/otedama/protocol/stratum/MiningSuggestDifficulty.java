package io.otedama.protocol.stratum;

import java.util.Objects;

/**
 * {@code mining.suggest_difficulty}: params {@code [difficulty]}; a bare number or a numeric string
 * is accepted too.
 *
 * @param difficulty finite and positive
 */
public record MiningSuggestDifficulty(StratumId id, double difficulty) implements ClientMessage {
  public static final String METHOD = "mining.suggest_difficulty";

  public MiningSuggestDifficulty {
    Objects.requireNonNull(id, "id");
  }
}
