package io.otedama.agent.spool;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * A spool in memory with the same limits and drop order as {@link DiskSpool}; it does not survive a
 * restart. The fleet simulator uses it (10,000 simulated rigs need no 10,000 spool directories);
 * {@link DiskSpool} keeps one as its fallback when the disk refuses writes.
 */
public final class MemorySpool implements Spool {
  private final long maxBytes;
  private final ArrayDeque<SpoolRecord> records = new ArrayDeque<>();
  private long bytes;
  private long nextSeq;
  private long droppedTelemetry;
  private long droppedOther;

  public MemorySpool(long maxBytes) {
    this(maxBytes, 1);
  }

  MemorySpool(long maxBytes, long firstSeq) {
    if (maxBytes <= 0) {
      throw new IllegalArgumentException("spool size limit must be positive, got " + maxBytes);
    }
    this.maxBytes = maxBytes;
    this.nextSeq = firstSeq;
  }

  @Override
  public synchronized long append(SpoolKind kind, byte[] payload) {
    return add(new SpoolRecord(nextSeq++, kind, payload.clone())) ? nextSeq - 1 : -1;
  }

  /** Adds a record that already has its sequence number; false when it had to be dropped. */
  synchronized boolean add(SpoolRecord record) {
    nextSeq = Math.max(nextSeq, record.seq() + 1);
    int size = record.storedSize();
    while (bytes + size > maxBytes) {
      if (!dropOldestTelemetry()) {
        if (record.kind().droppable() || records.isEmpty()) {
          count(record.kind());
          return false;
        }
        SpoolRecord oldest = records.removeFirst();
        bytes -= oldest.storedSize();
        count(oldest.kind());
      }
    }
    records.addLast(record);
    bytes += size;
    return true;
  }

  /** Drops the oldest telemetry record; false when there is none. */
  synchronized boolean dropOldestTelemetry() {
    for (Iterator<SpoolRecord> it = records.iterator(); it.hasNext(); ) {
      SpoolRecord r = it.next();
      if (r.kind().droppable()) {
        it.remove();
        bytes -= r.storedSize();
        droppedTelemetry++;
        return true;
      }
    }
    return false;
  }

  /** Drops the oldest record of any kind; false when empty. */
  synchronized boolean dropOldest() {
    SpoolRecord r = records.pollFirst();
    if (r == null) {
      return false;
    }
    bytes -= r.storedSize();
    count(r.kind());
    return true;
  }

  private void count(SpoolKind kind) {
    if (kind.droppable()) {
      droppedTelemetry++;
    } else {
      droppedOther++;
    }
  }

  @Override
  public synchronized List<SpoolRecord> peek(int maxRecords) {
    List<SpoolRecord> out = new ArrayList<>(Math.min(maxRecords, records.size()));
    for (SpoolRecord r : records) {
      if (out.size() >= maxRecords) {
        break;
      }
      out.add(r);
    }
    return out;
  }

  /** The oldest record, or null. */
  synchronized SpoolRecord first() {
    return records.peekFirst();
  }

  @Override
  public synchronized void commit(long upToSeq) {
    while (!records.isEmpty() && records.peekFirst().seq() <= upToSeq) {
      bytes -= records.removeFirst().storedSize();
    }
  }

  @Override
  public synchronized boolean isEmpty() {
    return records.isEmpty();
  }

  synchronized long bytes() {
    return bytes;
  }

  synchronized boolean hasTelemetry() {
    for (SpoolRecord r : records) {
      if (r.kind().droppable()) {
        return true;
      }
    }
    return false;
  }

  @Override
  public synchronized SpoolStats stats() {
    return new SpoolStats(records.size(), bytes, droppedTelemetry, droppedOther, 0);
  }

  @Override
  public void close() {}
}
