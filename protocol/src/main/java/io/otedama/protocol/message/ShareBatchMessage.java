package io.otedama.protocol.message;

import java.util.List;

/**
 * Shares published on {@code .../shares}, live or replayed from the offline spool.
 *
 * @param shares 1 to 1000 shares
 */
public record ShareBatchMessage(int v, long ts, List<Share> shares) implements RigMessage {
  public ShareBatchMessage {
    shares = List.copyOf(shares);
  }

  /** A share batch with the current schema version. */
  public ShareBatchMessage(long ts, List<Share> shares) {
    this(VERSION, ts, shares);
  }
}
