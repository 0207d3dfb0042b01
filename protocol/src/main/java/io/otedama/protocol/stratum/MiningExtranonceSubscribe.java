package io.otedama.protocol.stratum;

import java.util.Objects;

/** {@code mining.extranonce.subscribe}: the miner understands {@code mining.set_extranonce}. */
public record MiningExtranonceSubscribe(StratumId id) implements ClientMessage {
  public static final String METHOD = "mining.extranonce.subscribe";

  public MiningExtranonceSubscribe {
    Objects.requireNonNull(id, "id");
  }
}
