package io.otedama.agent.spool;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.CRC32C;

/**
 * The agent's offline spool: an append-only log of segment files in one directory.
 *
 * <p>Record layout: magic {@code 0x5A}, kind code (1 byte), seq (8), payload length (4), CRC-32C of
 * kind, seq and payload (4), payload. A torn record at the end of a segment (power cut mid write)
 * fails its CRC and is cut off when the spool is opened; everything before it survives.
 *
 * <p>What has been delivered is remembered in {@code cursor} (segment id and offset), rewritten at
 * every commit; fully delivered segments are deleted. A crash between a delivery and its commit
 * re-delivers those messages after the restart, which is why shares carry ids.
 *
 * <p>Size: the segments together stay under {@code maxBytes}. To make room the spool first drops
 * the oldest telemetry (by rewriting the oldest segment that holds any without it), and only when
 * no telemetry is left the oldest shares and command results; a new telemetry message is dropped
 * rather than any share.
 *
 * <p>Disk full or any other write error: the record goes to a bounded in-memory spool instead
 * (replayed in the same order, lost only if the process dies), the failure is counted and logged,
 * and the next append tries a new segment file. Nothing is fsynced per record: on a power cut the
 * last few seconds may be lost, which an SD card's life is worth.
 */
public final class DiskSpool implements Spool {
  static final int HEADER_BYTES = 18;
  static final byte MAGIC = 0x5A;
  static final String CURSOR_FILE = "cursor";
  private static final long MAX_PAYLOAD = 1 << 20;
  private static final long MEMORY_FALLBACK_BYTES = 4L * 1024 * 1024;
  private static final Pattern SEGMENT = Pattern.compile("segment-(\\d{16})\\.spool");
  private static final System.Logger LOG = System.getLogger(DiskSpool.class.getName());
  private static final long LOG_EVERY_MS = 60_000;

  private final Path dir;
  private final long maxBytes;
  private final long segmentBytes;
  private final ArrayDeque<Segment> segments = new ArrayDeque<>();
  private final MemorySpool memory;
  private final ByteBuffer header = ByteBuffer.allocate(HEADER_BYTES);

  private FileChannel tail;
  private boolean rollBeforeNextWrite;
  private long headOffset;
  private long lastSegmentId;
  private long nextSeq = 1;
  private long droppedTelemetry;
  private long droppedOther;
  private long writeFailures;
  private long lastFailureLog;
  private boolean closed;

  private static final class Segment {
    final long id;
    final Path path;
    long bytes;
    int telemetry;
    int records;

    Segment(long id, Path path) {
      this.id = id;
      this.path = path;
    }
  }

  /**
   * Opens (or creates) the spool in {@code dir}, recovering what a previous process left.
   *
   * @param maxBytes the size limit of the segments together
   * @throws IOException when the directory cannot be created or listed
   */
  public DiskSpool(Path dir, long maxBytes) throws IOException {
    if (maxBytes < 4096) {
      throw new IllegalArgumentException("spool size limit must be at least 4096 bytes");
    }
    this.dir = dir;
    this.maxBytes = maxBytes;
    this.segmentBytes = Math.max(4096, Math.min(1L << 20, maxBytes / 8));
    this.memory = new MemorySpool(MEMORY_FALLBACK_BYTES);
    Files.createDirectories(dir);
    recover();
  }

  /** The file name of segment {@code id} (tests put a full disk in its place). */
  public static String segmentName(long id) {
    return String.format("segment-%016d.spool", id);
  }

  // ---- recovery

  private void recover() throws IOException {
    List<Segment> found = new ArrayList<>();
    try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "segment-*.spool")) {
      for (Path file : files) {
        Matcher m = SEGMENT.matcher(file.getFileName().toString());
        if (m.matches()) {
          found.add(new Segment(Long.parseLong(m.group(1)), file));
        }
      }
    }
    found.sort((a, b) -> Long.compare(a.id, b.id));
    long[] cursor = readCursor();
    if (cursor != null) {
      lastSegmentId = Math.max(lastSegmentId, cursor[0]);
    }
    if (!found.isEmpty()) {
      lastSegmentId = Math.max(lastSegmentId, found.get(found.size() - 1).id);
    }
    for (Segment segment : found) {
      if (cursor != null && segment.id < cursor[0]) {
        Files.deleteIfExists(segment.path); // delivered before the crash, not yet deleted
        continue;
      }
      long start = cursor != null && segment.id == cursor[0] ? cursor[1] : 0;
      if (!scan(segment, start)) {
        start = 0;
        scan(segment, 0);
      }
      if (segments.isEmpty()) {
        headOffset = Math.min(start, segment.bytes);
      }
      segments.addLast(segment);
    }
    if (!segments.isEmpty() && segments.peekFirst().records == 0 && segments.size() > 1) {
      Segment first = segments.removeFirst();
      Files.deleteIfExists(first.path);
      headOffset = 0;
    }
    rollBeforeNextWrite = true; // never append after bytes we did not write in this process
  }

  /**
   * Reads a segment's records, cutting off a torn or corrupt tail; counts the records from {@code
   * start}. False when {@code start} is not a record boundary.
   */
  private boolean scan(Segment segment, long start) throws IOException {
    segment.records = 0;
    segment.telemetry = 0;
    boolean startIsBoundary = start == 0;
    long position = 0;
    try (FileChannel ch = FileChannel.open(segment.path, StandardOpenOption.READ)) {
      long size = ch.size();
      while (position + HEADER_BYTES <= size) {
        RecordHeader h = readHeader(ch, position);
        if (h == null || position + HEADER_BYTES + h.length > size) {
          break;
        }
        byte[] payload = readPayload(ch, position, h.length);
        if (crc(h.kind, h.seq, payload) != h.crc) {
          break;
        }
        if (position == start) {
          startIsBoundary = true;
        }
        if (position >= start) {
          segment.records++;
          if (h.kind.droppable()) {
            segment.telemetry++;
          }
        }
        nextSeq = Math.max(nextSeq, h.seq + 1);
        position += HEADER_BYTES + h.length;
      }
      if (position == start) {
        startIsBoundary = true;
      }
      if (position < size) {
        LOG.log(
            Level.WARNING,
            "Spool segment {0}: cutting off {1} damaged bytes at offset {2} (torn write)",
            segment.path.getFileName(),
            size - position,
            position);
      }
    }
    if (position < Files.size(segment.path)) {
      try (FileChannel ch = FileChannel.open(segment.path, StandardOpenOption.WRITE)) {
        ch.truncate(position);
      }
    }
    segment.bytes = position;
    return startIsBoundary;
  }

  private long[] readCursor() {
    Path file = dir.resolve(CURSOR_FILE);
    try {
      if (!Files.exists(file)) {
        return null;
      }
      String[] parts = Files.readString(file).strip().split("\\s+");
      if (parts.length != 2) {
        return null;
      }
      return new long[] {Long.parseLong(parts[0]), Long.parseLong(parts[1])};
    } catch (IOException | NumberFormatException e) {
      LOG.log(Level.WARNING, "Spool cursor unreadable, replaying from the oldest segment: {0}", e);
      return null;
    }
  }

  private void writeCursor(long segmentId, long offset) {
    Path file = dir.resolve(CURSOR_FILE);
    Path tmp = dir.resolve(CURSOR_FILE + ".tmp");
    try {
      Files.writeString(tmp, segmentId + " " + offset + "\n", StandardCharsets.US_ASCII);
      try {
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      // the worst outcome is a re-delivery after a restart; shares carry ids for that
      writeFailures++;
      logFailure("cannot write the spool cursor", e);
    }
  }

  // ---- appending

  @Override
  public synchronized long append(SpoolKind kind, byte[] payload) {
    if (closed) {
      count(kind); // a late share flush during shutdown: nothing to write to any more
      return -1;
    }
    long seq = nextSeq++;
    int size = HEADER_BYTES + payload.length;
    if (size > maxBytes || payload.length > MAX_PAYLOAD) {
      count(kind);
      return -1;
    }
    if (!makeRoom(kind, size)) {
      count(kind);
      return -1;
    }
    try {
      write(kind, seq, payload);
      return seq;
    } catch (IOException e) {
      writeFailures++;
      logFailure("cannot write to the spool in " + dir + ", keeping messages in memory", e);
      closeTail();
      rollBeforeNextWrite = true;
      if (memory.add(new SpoolRecord(seq, kind, payload.clone()))) {
        return seq;
      }
      return -1;
    }
  }

  private void write(SpoolKind kind, long seq, byte[] payload) throws IOException {
    ByteBuffer buffer = ByteBuffer.allocate(HEADER_BYTES + payload.length);
    buffer.put(MAGIC).put(kind.code()).putLong(seq).putInt(payload.length);
    buffer.putInt(crc(kind, seq, payload)).put(payload).flip();
    Segment segment = segments.peekLast();
    if (segment == null
        || rollBeforeNextWrite
        || (segment.bytes > 0 && segment.bytes + buffer.remaining() > segmentBytes)) {
      closeTail();
      long id = ++lastSegmentId;
      Segment next = new Segment(id, dir.resolve(segmentName(id)));
      FileChannel channel =
          FileChannel.open(
              next.path,
              StandardOpenOption.CREATE,
              StandardOpenOption.WRITE,
              StandardOpenOption.TRUNCATE_EXISTING);
      try {
        writeFully(channel, buffer, 0);
      } catch (IOException e) {
        try {
          channel.close();
        } catch (IOException ignored) {
          // already failing
        }
        if (Files.isRegularFile(next.path, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
          Files.deleteIfExists(next.path); // an empty file would only confuse the next start
        }
        throw e;
      }
      tail = channel;
      rollBeforeNextWrite = false;
      if (segment != null && segment.records == 0 && segment == segments.peekFirst()) {
        // an empty, fully delivered head segment: replace it
        segments.removeFirst();
        Files.deleteIfExists(segment.path);
        headOffset = 0;
      }
      segments.addLast(next);
      count(next, kind, buffer.capacity());
      return;
    }
    if (tail == null) {
      tail = FileChannel.open(segment.path, StandardOpenOption.WRITE);
    }
    try {
      writeFully(tail, buffer, segment.bytes);
    } catch (IOException e) {
      try {
        tail.truncate(segment.bytes); // leave no half record behind
      } catch (IOException ignored) {
        // recovery cuts it off by its CRC
      }
      throw e;
    }
    count(segment, kind, buffer.capacity());
  }

  private static void writeFully(FileChannel channel, ByteBuffer buffer, long position)
      throws IOException {
    long at = position;
    while (buffer.hasRemaining()) {
      at += channel.write(buffer, at);
    }
  }

  private static void count(Segment segment, SpoolKind kind, int bytes) {
    segment.bytes += bytes;
    segment.records++;
    if (kind.droppable()) {
      segment.telemetry++;
    }
  }

  /** Frees space for {@code size} bytes; false when the new record must be dropped instead. */
  private boolean makeRoom(SpoolKind kind, int size) {
    while (diskBytes() + memory.bytes() + size > maxBytes) {
      if (memory.dropOldestTelemetry()) {
        continue; // counted by the memory spool
      }
      Segment withTelemetry = oldestWithTelemetry();
      if (withTelemetry != null) {
        int dropped = withTelemetry.telemetry;
        if (rewriteWithout(withTelemetry, true)) {
          droppedTelemetry += dropped;
          continue;
        }
        return false; // cannot rewrite (disk full): drop the new message instead
      }
      Segment head = segments.peekFirst();
      if (head != null && headOffset > 0 && rewriteWithout(head, false)) {
        continue; // reclaimed delivered bytes without losing anything
      }
      if (kind.droppable()) {
        return false;
      }
      if (head != null && head.bytes > 0) {
        droppedOther += head.records;
        dropSegment(head);
        continue;
      }
      if (!memory.dropOldest()) {
        return false;
      }
    }
    return true;
  }

  private Segment oldestWithTelemetry() {
    for (Segment s : segments) {
      if (s.telemetry > 0) {
        return s;
      }
    }
    return null;
  }

  private void dropSegment(Segment segment) {
    if (segment == segments.peekLast()) {
      closeTail();
      rollBeforeNextWrite = true;
    }
    segments.remove(segment);
    if (segments.isEmpty() || segment.id < segments.peekFirst().id) {
      headOffset = 0;
      writeCursor(segments.isEmpty() ? lastSegmentId + 1 : segments.peekFirst().id, 0);
    }
    try {
      Files.deleteIfExists(segment.path);
    } catch (IOException e) {
      logFailure("cannot delete spool segment " + segment.path, e);
    }
  }

  /**
   * Rewrites a segment keeping only its undelivered records (and, with {@code dropTelemetry}, only
   * the non-telemetry ones). The cursor is reset first: a crash in between re-delivers, never
   * skips.
   */
  private boolean rewriteWithout(Segment segment, boolean dropTelemetry) {
    boolean isHead = segment == segments.peekFirst();
    boolean isTail = segment == segments.peekLast();
    long from = isHead ? headOffset : 0;
    Path tmp = segment.path.resolveSibling(segment.path.getFileName() + ".tmp");
    try {
      if (isTail) {
        closeTail();
      }
      long bytes = 0;
      int records = 0;
      int telemetry = 0;
      try (FileChannel in = FileChannel.open(segment.path, StandardOpenOption.READ);
          FileChannel out =
              FileChannel.open(
                  tmp,
                  StandardOpenOption.CREATE,
                  StandardOpenOption.WRITE,
                  StandardOpenOption.TRUNCATE_EXISTING)) {
        long position = from;
        while (position < segment.bytes) {
          RecordHeader h = readHeader(in, position);
          if (h == null) {
            break;
          }
          long length = HEADER_BYTES + h.length;
          if (!(dropTelemetry && h.kind.droppable())) {
            long copied = 0;
            while (copied < length) {
              copied += in.transferTo(position + copied, length - copied, out);
            }
            bytes += length;
            records++;
            if (h.kind.droppable()) {
              telemetry++;
            }
          }
          position += length;
        }
        out.force(true);
      }
      if (isHead) {
        writeCursor(segment.id, 0);
        headOffset = 0;
      }
      Files.move(tmp, segment.path, StandardCopyOption.REPLACE_EXISTING);
      segment.bytes = bytes;
      segment.records = records;
      segment.telemetry = telemetry;
      if (isTail) {
        rollBeforeNextWrite = true;
      }
      return true;
    } catch (IOException e) {
      writeFailures++;
      logFailure("cannot rewrite spool segment " + segment.path.getFileName(), e);
      try {
        Files.deleteIfExists(tmp);
      } catch (IOException ignored) {
        // a stray .tmp file is ignored by recovery
      }
      return false;
    }
  }

  private long diskBytes() {
    long total = 0;
    for (Segment s : segments) {
      total += s.bytes;
    }
    return total;
  }

  // ---- reading

  @Override
  public synchronized List<SpoolRecord> peek(int maxRecords) {
    List<SpoolRecord> fromDisk = readDisk(maxRecords);
    List<SpoolRecord> fromMemory = memory.peek(maxRecords);
    if (fromMemory.isEmpty()) {
      return fromDisk;
    }
    List<SpoolRecord> merged = new ArrayList<>(maxRecords);
    int i = 0;
    int j = 0;
    while (merged.size() < maxRecords && (i < fromDisk.size() || j < fromMemory.size())) {
      if (j >= fromMemory.size()
          || (i < fromDisk.size() && fromDisk.get(i).seq() < fromMemory.get(j).seq())) {
        merged.add(fromDisk.get(i++));
      } else {
        merged.add(fromMemory.get(j++));
      }
    }
    return merged;
  }

  private List<SpoolRecord> readDisk(int maxRecords) {
    List<SpoolRecord> out = new ArrayList<>();
    boolean first = true;
    for (Iterator<Segment> it = segments.iterator(); it.hasNext() && out.size() < maxRecords; ) {
      Segment segment = it.next();
      long position = first ? headOffset : 0;
      first = false;
      if (position >= segment.bytes) {
        continue;
      }
      try (FileChannel ch = FileChannel.open(segment.path, StandardOpenOption.READ)) {
        while (position < segment.bytes && out.size() < maxRecords) {
          RecordHeader h = readHeader(ch, position);
          if (h == null) {
            break;
          }
          out.add(new SpoolRecord(h.seq, h.kind, readPayload(ch, position, h.length)));
          position += HEADER_BYTES + h.length;
        }
      } catch (IOException e) {
        logFailure("cannot read spool segment " + segment.path.getFileName(), e);
        break; // keep the order: never skip past a segment we could not read
      }
    }
    return out;
  }

  @Override
  public synchronized void commit(long upToSeq) {
    memory.commit(upToSeq);
    boolean moved = false;
    while (!segments.isEmpty()) {
      Segment head = segments.peekFirst();
      boolean advanced = false;
      if (head.bytes > 0 && !Files.exists(head.path)) {
        // deleted behind our back: what it held is gone; never let it block what follows
        LOG.log(
            Level.WARNING,
            "spool segment {0} vanished with {1} messages",
            head.path.getFileName(),
            head.records);
        droppedOther += head.records;
        head.bytes = 0;
        head.records = 0;
        head.telemetry = 0;
        headOffset = 0;
      }
      try (FileChannel ch =
          head.bytes == 0 ? null : FileChannel.open(head.path, StandardOpenOption.READ)) {
        while (headOffset < head.bytes) {
          RecordHeader h = readHeader(ch, headOffset);
          if (h == null || h.seq > upToSeq) {
            break;
          }
          headOffset += HEADER_BYTES + h.length;
          head.records--;
          if (h.kind.droppable()) {
            head.telemetry--;
          }
          advanced = true;
        }
      } catch (IOException e) {
        logFailure("cannot read spool segment " + head.path.getFileName(), e);
        break;
      }
      moved |= advanced;
      if (headOffset < head.bytes) {
        break;
      }
      // fully delivered
      if (head == segments.peekLast()) {
        closeTail();
        rollBeforeNextWrite = true;
        segments.removeFirst();
        deleteQuietly(head.path);
        headOffset = 0;
        writeCursor(lastSegmentId + 1, 0);
        return;
      }
      segments.removeFirst();
      deleteQuietly(head.path);
      headOffset = 0;
      moved = true;
    }
    if (moved && !segments.isEmpty()) {
      writeCursor(segments.peekFirst().id, headOffset);
    }
  }

  @Override
  public synchronized boolean isEmpty() {
    if (!memory.isEmpty()) {
      return false;
    }
    for (Segment s : segments) {
      if (s.records > 0) {
        return false;
      }
    }
    return true;
  }

  @Override
  public synchronized SpoolStats stats() {
    SpoolStats inMemory = memory.stats();
    long records = inMemory.records();
    for (Segment s : segments) {
      records += s.records;
    }
    return new SpoolStats(
        records,
        diskBytes() + inMemory.bytes(),
        droppedTelemetry + inMemory.droppedTelemetry(),
        droppedOther + inMemory.droppedOther(),
        writeFailures);
  }

  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    if (tail != null) {
      try {
        tail.force(false);
      } catch (IOException ignored) {
        // best effort on shutdown
      }
    }
    closeTail();
    if (!memory.isEmpty()) {
      LOG.log(
          Level.WARNING,
          "{0} spooled messages held in memory (the disk refused them) are lost at shutdown",
          memory.stats().records());
    }
  }

  // ---- helpers

  private record RecordHeader(SpoolKind kind, long seq, int length, int crc) {}

  /** The header at {@code position}, or null when it is not a valid one. */
  private RecordHeader readHeader(FileChannel ch, long position) throws IOException {
    header.clear();
    while (header.hasRemaining()) {
      if (ch.read(header, position + header.position()) < 0) {
        return null;
      }
    }
    header.flip();
    if (header.get() != MAGIC) {
      return null;
    }
    SpoolKind kind = SpoolKind.ofCode(header.get());
    long seq = header.getLong();
    int length = header.getInt();
    int crc = header.getInt();
    if (kind == null || length < 0 || length > MAX_PAYLOAD) {
      return null;
    }
    return new RecordHeader(kind, seq, length, crc);
  }

  private static byte[] readPayload(FileChannel ch, long position, int length) throws IOException {
    ByteBuffer payload = ByteBuffer.allocate(length);
    while (payload.hasRemaining()) {
      if (ch.read(payload, position + HEADER_BYTES + payload.position()) < 0) {
        throw new IOException("spool record truncated at " + position);
      }
    }
    return payload.array();
  }

  static int crc(SpoolKind kind, long seq, byte[] payload) {
    CRC32C crc = new CRC32C();
    crc.update(kind.code());
    for (int shift = 56; shift >= 0; shift -= 8) {
      crc.update((int) (seq >>> shift));
    }
    crc.update(payload);
    return (int) crc.getValue();
  }

  private void count(SpoolKind kind) {
    if (kind.droppable()) {
      droppedTelemetry++;
    } else {
      droppedOther++;
    }
  }

  private void closeTail() {
    if (tail != null) {
      try {
        tail.close();
      } catch (IOException ignored) {
        // nothing left to do with it
      }
      tail = null;
    }
  }

  private void deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      logFailure("cannot delete spool segment " + file, e);
    }
  }

  private void logFailure(String what, IOException e) {
    long now = System.currentTimeMillis();
    if (now - lastFailureLog >= LOG_EVERY_MS) {
      lastFailureLog = now;
      LOG.log(
          Level.WARNING, "{0}: {1} ({2} write failures so far)", what, e.toString(), writeFailures);
    }
  }
}
