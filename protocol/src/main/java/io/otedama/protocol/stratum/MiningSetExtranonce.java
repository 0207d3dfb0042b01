package io.otedama.protocol.stratum;

import java.util.Objects;

/**
 * {@code mining.set_extranonce}: params {@code [extranonce1, extranonce2Size]}.
 *
 * @param extranonce1 hex, lower case
 * @param extranonce2Size bytes, 0..16
 */
public record MiningSetExtranonce(String extranonce1, int extranonce2Size)
    implements ServerMessage {
  public static final String METHOD = "mining.set_extranonce";

  public MiningSetExtranonce {
    Objects.requireNonNull(extranonce1, "extranonce1");
  }
}
