package io.otedama.agent.spool;

import java.util.List;

/**
 * A bounded, ordered queue of messages waiting for the broker. Producers {@link #append}; the
 * outbox {@link #peek}s the oldest, publishes them and {@link #commit}s what the broker
 * acknowledged. When full, the oldest telemetry goes first; shares and command results are dropped
 * only when no telemetry is left. Thread-safe.
 */
public interface Spool extends AutoCloseable {
  /**
   * Adds a message. Never throws for a full disk or an I/O error: the spool counts it and keeps the
   * message in memory (bounded) where it can.
   *
   * @return the record's sequence number, or -1 when it was dropped at once
   */
  long append(SpoolKind kind, byte[] payload);

  /** Up to {@code maxRecords} of the oldest waiting messages, oldest first. */
  List<SpoolRecord> peek(int maxRecords);

  /** Removes every waiting message with {@code seq <= upToSeq}. */
  void commit(long upToSeq);

  boolean isEmpty();

  SpoolStats stats();

  @Override
  void close();
}
