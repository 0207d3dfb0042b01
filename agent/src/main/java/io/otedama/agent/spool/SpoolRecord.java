package io.otedama.agent.spool;

import java.util.Objects;

/**
 * One spooled message.
 *
 * @param seq increases with every append over the spool's whole life (also across restarts); the
 *     replay order
 * @param payload the encoded MQTT payload
 */
public record SpoolRecord(long seq, SpoolKind kind, byte[] payload) {
  public SpoolRecord {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(payload, "payload");
  }

  /** Bytes the record takes on disk (header included). */
  public int storedSize() {
    return DiskSpool.HEADER_BYTES + payload.length;
  }
}
