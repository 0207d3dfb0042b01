package io.otedama.protocol.stratum;

import java.util.Objects;

/**
 * {@code mining.subscribe}: params {@code [userAgent?, sessionId?, host?, port?]}; cgminer sends
 * {@code ["cgminer/4.12.0"]}, others {@code []}.
 *
 * @param userAgent the miner's user agent, or null; at most 256 characters, control characters
 *     replaced
 * @param sessionId the extranonce1 of an earlier session the miner asks to resume, or null
 */
public record MiningSubscribe(StratumId id, String userAgent, String sessionId)
    implements ClientMessage {
  public static final String METHOD = "mining.subscribe";

  public MiningSubscribe {
    Objects.requireNonNull(id, "id");
  }
}
