package io.otedama.protocol.stratum;

import java.util.Objects;

/**
 * {@code mining.set_version_mask} (BIP310): params {@code [mask]}.
 *
 * @param mask 8 lower-case hex digits
 */
public record MiningSetVersionMask(String mask) implements ServerMessage {
  public static final String METHOD = "mining.set_version_mask";

  public MiningSetVersionMask {
    Objects.requireNonNull(mask, "mask");
  }
}
