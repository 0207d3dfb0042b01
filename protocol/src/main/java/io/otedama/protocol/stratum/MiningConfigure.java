package io.otedama.protocol.stratum;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * {@code mining.configure} (BIP310): params {@code [["version-rolling", ...],
 * {"version-rolling.mask": "1fffe000", "version-rolling.min-bit-count": 2, ...}]}.
 *
 * @param extensions the extension names requested, in order
 * @param parameters every extension parameter as plain Java values
 * @param versionRollingMask the mask the miner wants to roll, 8 lower-case hex digits, or null
 * @param versionRollingMinBitCount the fewest bits the miner needs, 0..32, or null
 * @param minimumDifficulty the {@code minimum-difficulty.value} asked for, or null
 */
public record MiningConfigure(
    StratumId id,
    List<String> extensions,
    Map<String, Object> parameters,
    String versionRollingMask,
    Integer versionRollingMinBitCount,
    Double minimumDifficulty)
    implements ClientMessage {
  public static final String METHOD = "mining.configure";
  public static final String VERSION_ROLLING = "version-rolling";
  public static final String MINIMUM_DIFFICULTY = "minimum-difficulty";
  public static final String SUBSCRIBE_EXTRANONCE = "subscribe-extranonce";

  public MiningConfigure {
    Objects.requireNonNull(id, "id");
    extensions = List.copyOf(extensions);
    parameters = Map.copyOf(parameters);
  }

  /** Whether the miner asks for BIP310 version rolling. */
  public boolean versionRollingRequested() {
    return extensions.contains(VERSION_ROLLING);
  }
}
