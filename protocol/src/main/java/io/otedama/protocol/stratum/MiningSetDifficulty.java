package io.otedama.protocol.stratum;

/**
 * {@code mining.set_difficulty}: params {@code [difficulty]}, fractional allowed.
 *
 * @param difficulty finite and positive
 */
public record MiningSetDifficulty(double difficulty) implements ServerMessage {
  public static final String METHOD = "mining.set_difficulty";
}
