package io.otedama.protocol.stratum;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.Objects;

/**
 * Reads bounded lines from a blocking stream (a socket's input stream), for the upstream pool
 * client and test clients. Not thread-safe; one reader per connection.
 */
public final class StratumLineReader {
  private static final Object TOO_LONG = new Object();

  private final InputStream in;
  private final StratumLineFramer framer;
  private final byte[] chunk = new byte[4096];
  private final ArrayDeque<Object> pending = new ArrayDeque<>();
  private final StratumLineFramer.LineHandler handler =
      new StratumLineFramer.LineHandler() {
        @Override
        public void onLine(String line) {
          pending.add(line);
        }

        @Override
        public void onLineTooLong(int maxLineBytes) {
          pending.add(TOO_LONG);
        }
      };

  public StratumLineReader(InputStream in, int maxLineBytes) {
    this.in = Objects.requireNonNull(in, "in");
    this.framer = new StratumLineFramer(maxLineBytes);
  }

  /**
   * The next non-blank line without its terminator, or null at the end of the stream (an
   * unterminated last line is dropped: Stratum terminates every message).
   *
   * @throws StratumLineTooLongException for a line over the limit; the next call continues after it
   * @throws IOException when the stream fails
   */
  public String readLine() throws IOException {
    while (pending.isEmpty()) {
      int count = in.read(chunk);
      if (count < 0) {
        return null;
      }
      framer.feed(chunk, 0, count, handler);
    }
    Object next = pending.poll();
    if (next == TOO_LONG) {
      throw new StratumLineTooLongException(framer.maxLineBytes());
    }
    return (String) next;
  }
}
