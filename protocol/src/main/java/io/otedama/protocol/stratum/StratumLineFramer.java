package io.otedama.protocol.stratum;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Cuts a byte stream into newline-terminated lines of bounded length, for a non-blocking reader
 * (NIO, Netty) that receives arbitrary chunks. One framer per connection; not thread-safe.
 *
 * <p>Memory stays bounded: the buffer starts small, grows only up to {@code maxLineBytes}, and
 * shrinks back after a long line. A line longer than the limit is reported once through {@link
 * LineHandler#onLineTooLong(int)} as soon as it passes the limit, and its remaining bytes up to the
 * next newline are discarded without being buffered; whether to close the connection is the
 * caller's decision. A trailing {@code \r} is removed, blank lines are skipped, and bytes are
 * decoded as UTF-8 (invalid sequences become U+FFFD and then fail JSON parsing).
 */
public final class StratumLineFramer {
  /** Receives what the framer cuts out of the stream, on the thread that calls {@code feed}. */
  public interface LineHandler {
    /** A complete line, without its line terminator. */
    void onLine(String line);

    /** A line passed {@code maxLineBytes}; it is being discarded up to its newline. */
    void onLineTooLong(int maxLineBytes);
  }

  private static final int INITIAL_CAPACITY = 256;
  private static final int RETAINED_CAPACITY = 4096;

  private final int maxLineBytes;
  private byte[] buffer;
  private int length;
  private boolean discarding;
  private byte[] scratch;

  /**
   * @param maxLineBytes the longest line accepted, in bytes without the newline (a {@code \r}
   *     before it counts)
   */
  public StratumLineFramer(int maxLineBytes) {
    if (maxLineBytes < 1) {
      throw new IllegalArgumentException("maxLineBytes must be positive, got " + maxLineBytes);
    }
    this.maxLineBytes = maxLineBytes;
    this.buffer = new byte[Math.min(INITIAL_CAPACITY, maxLineBytes)];
  }

  public int maxLineBytes() {
    return maxLineBytes;
  }

  /** Bytes of an unfinished line held so far. */
  public int bufferedBytes() {
    return length;
  }

  /** Whether the framer is skipping the rest of an over-long line. */
  public boolean isDiscarding() {
    return discarding;
  }

  /** Feeds {@code count} bytes of {@code data} from {@code offset}. */
  public void feed(byte[] data, int offset, int count, LineHandler handler) {
    int end = offset + count;
    if (offset < 0 || count < 0 || end > data.length) {
      throw new IndexOutOfBoundsException(
          "offset " + offset + ", count " + count + ", array of " + data.length);
    }
    int i = offset;
    while (i < end) {
      int newline = indexOfNewline(data, i, end);
      int chunkEnd = newline < 0 ? end : newline;
      if (discarding) {
        discarding = newline < 0;
      } else if (length + (chunkEnd - i) > maxLineBytes) {
        length = 0;
        shrink();
        discarding = newline < 0;
        handler.onLineTooLong(maxLineBytes);
      } else {
        append(data, i, chunkEnd - i);
        if (newline >= 0) {
          emit(handler);
        }
      }
      i = newline < 0 ? end : newline + 1;
    }
  }

  /** Feeds the remaining bytes of {@code data}, consuming them. */
  public void feed(ByteBuffer data, LineHandler handler) {
    if (data.hasArray()) {
      int position = data.position();
      int count = data.remaining();
      data.position(position + count);
      feed(data.array(), data.arrayOffset() + position, count, handler);
      return;
    }
    if (scratch == null) {
      scratch = new byte[4096];
    }
    while (data.hasRemaining()) {
      int count = Math.min(scratch.length, data.remaining());
      data.get(scratch, 0, count);
      feed(scratch, 0, count, handler);
    }
  }

  private static int indexOfNewline(byte[] data, int from, int to) {
    for (int i = from; i < to; i++) {
      if (data[i] == '\n') {
        return i;
      }
    }
    return -1;
  }

  private void append(byte[] data, int from, int count) {
    int needed = length + count;
    if (needed > buffer.length) {
      int capacity = buffer.length;
      while (capacity < needed) {
        capacity *= 2;
      }
      byte[] grown = new byte[Math.min(capacity, maxLineBytes)];
      System.arraycopy(buffer, 0, grown, 0, length);
      buffer = grown;
    }
    System.arraycopy(data, from, buffer, length, count);
    length = needed;
  }

  private void emit(LineHandler handler) {
    int end = length;
    if (end > 0 && buffer[end - 1] == '\r') {
      end--;
    }
    boolean blank = true;
    for (int i = 0; i < end && blank; i++) {
      byte b = buffer[i];
      blank = b == ' ' || b == '\t' || b == '\r';
    }
    String line = blank ? null : new String(buffer, 0, end, StandardCharsets.UTF_8);
    length = 0;
    shrink();
    if (line != null) {
      handler.onLine(line);
    }
  }

  private void shrink() {
    if (buffer.length > RETAINED_CAPACITY) {
      buffer = new byte[RETAINED_CAPACITY];
    }
  }
}
