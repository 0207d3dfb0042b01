package io.otedama.controller.payouts;

import io.otedama.controller.payouts.scheme.Sats;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Objects;

/**
 * A block the farm's local work source found. Book it once its coinbase is spendable (100
 * confirmations): the ledger has no reorg reversal.
 *
 * @param subsidySats the coinbase subsidy
 * @param feesSats the transaction fees the coinbase collected; the block's reward is both
 * @param networkDifficulty the difficulty the block was found at: the PPLNS window is N times it
 * @param foundAt when the block-finding share was accepted (its share log timestamp)
 */
public record BlockFound(
    long height,
    String hash,
    long subsidySats,
    long feesSats,
    BigDecimal networkDifficulty,
    Instant foundAt) {
  public BlockFound {
    Objects.requireNonNull(hash, "hash");
    Objects.requireNonNull(networkDifficulty, "networkDifficulty");
    Objects.requireNonNull(foundAt, "foundAt");
    hash = hash.toLowerCase(Locale.ROOT);
    foundAt = foundAt.truncatedTo(ChronoUnit.MICROS); // what PostgreSQL keeps
    if (!hash.matches("[0-9a-f]{64}")) {
      throw new IllegalArgumentException("a block hash is 64 hex digits, got '" + hash + "'");
    }
    if (height < 0) {
      throw new IllegalArgumentException("block height must not be negative, got " + height);
    }
    Sats.requireAmount(subsidySats, "block subsidy");
    Sats.requireAmount(feesSats, "block fees");
    Sats.requireAmount(subsidySats + feesSats, "block reward");
    if (subsidySats + feesSats == 0) {
      throw new IllegalArgumentException("block " + height + " rewards nothing; nothing to book");
    }
    if (networkDifficulty.signum() <= 0) {
      throw new IllegalArgumentException(
          "network difficulty must be positive, got " + networkDifficulty);
    }
  }

  /** Subsidy plus fees: what the block pays the farm. */
  public long rewardSats() {
    return subsidySats + feesSats;
  }
}
