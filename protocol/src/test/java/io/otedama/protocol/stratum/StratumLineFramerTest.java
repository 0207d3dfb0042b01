package io.otedama.protocol.stratum;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StratumLineFramerTest {
  /** Records what the framer reports; "!TOO_LONG" marks an over-long line. */
  static final class Recorder implements StratumLineFramer.LineHandler {
    final List<String> events = new ArrayList<>();

    @Override
    public void onLine(String line) {
      events.add(line);
    }

    @Override
    public void onLineTooLong(int maxLineBytes) {
      events.add("!TOO_LONG");
    }
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void splitsSeveralLinesInOneChunk() {
    StratumLineFramer framer = new StratumLineFramer(1024);
    Recorder r = new Recorder();
    byte[] data = bytes("{\"a\":1}\n{\"b\":2}\r\n\n  \r\n{\"c\":3}\n{\"partial\"");
    framer.feed(data, 0, data.length, r);
    assertThat(r.events).containsExactly("{\"a\":1}", "{\"b\":2}", "{\"c\":3}");
    assertThat(framer.bufferedBytes()).isEqualTo("{\"partial\"".length());
    framer.feed(bytes(":1}\n"), 0, 4, r);
    assertThat(r.events).last().isEqualTo("{\"partial\":1}");
    assertThat(framer.bufferedBytes()).isZero();
  }

  @Test
  void byteByByteIncludingMultiByteCharacters() {
    StratumLineFramer framer = new StratumLineFramer(16 * 1024);
    Recorder r = new Recorder();
    String text = StratumSamples.NOTIFY_LINE + "\n{\"ua\":\"m\u00fcner \u26cf\"}\r\n";
    for (byte b : bytes(text)) {
      framer.feed(new byte[] {b}, 0, 1, r);
    }
    assertThat(r.events)
        .containsExactly(StratumSamples.NOTIFY_LINE, "{\"ua\":\"m\u00fcner \u26cf\"}");
  }

  @Test
  void overlongLineIsReportedOnceAndTheNextLineSurvives() {
    StratumLineFramer framer = new StratumLineFramer(64);
    Recorder r = new Recorder();
    // a 10 KB line arriving in 100-byte pieces: never buffered beyond the limit
    byte[] junk = bytes("x".repeat(10_000));
    for (int i = 0; i < junk.length; i += 100) {
      framer.feed(junk, i, 100, r);
      assertThat(framer.bufferedBytes()).isLessThanOrEqualTo(64);
    }
    assertThat(framer.isDiscarding()).isTrue();
    framer.feed(bytes("yyy\n{\"ok\":1}\n"), 0, 13, r);
    assertThat(r.events).containsExactly("!TOO_LONG", "{\"ok\":1}");
    assertThat(framer.isDiscarding()).isFalse();
  }

  @Test
  void overlongLineEndingInTheSameChunk() {
    StratumLineFramer framer = new StratumLineFramer(8);
    Recorder r = new Recorder();
    byte[] data = bytes("123456789\n12345678\n");
    framer.feed(data, 0, data.length, r);
    assertThat(r.events).containsExactly("!TOO_LONG", "12345678");
  }

  @Test
  void heapAndDirectBuffers() {
    for (boolean direct : new boolean[] {false, true}) {
      StratumLineFramer framer = new StratumLineFramer(16 * 1024);
      Recorder r = new Recorder();
      byte[] data = bytes(StratumSamples.NOTIFY_LINE + "\n" + StratumSamples.NOTIFY_LINE + "\n");
      ByteBuffer buffer =
          direct ? ByteBuffer.allocateDirect(data.length) : ByteBuffer.allocate(data.length + 10);
      if (!direct) {
        buffer.position(10);
        buffer = buffer.slice();
      }
      buffer.put(data).flip();
      framer.feed(buffer, r);
      assertThat(buffer.hasRemaining()).isFalse();
      assertThat(r.events).containsExactly(StratumSamples.NOTIFY_LINE, StratumSamples.NOTIFY_LINE);
    }
  }

  @Test
  void rejectsBadArguments() {
    assertThatThrownBy(() -> new StratumLineFramer(0)).isInstanceOf(IllegalArgumentException.class);
    StratumLineFramer framer = new StratumLineFramer(10);
    assertThatThrownBy(() -> framer.feed(new byte[4], 2, 3, new Recorder()))
        .isInstanceOf(IndexOutOfBoundsException.class);
  }

  // ---- the blocking reader

  /** Hands out at most {@code step} bytes per read, as a socket does. */
  static InputStream trickle(byte[] data, int step) {
    return new ByteArrayInputStream(data) {
      @Override
      public synchronized int read(byte[] b, int off, int len) {
        return super.read(b, off, Math.min(len, step));
      }
    };
  }

  @Test
  void readerReturnsLinesThenNullAtTheEnd() throws IOException {
    byte[] data =
        bytes(
            "{\"id\": 0, \"method\": \"mining.subscribe\", \"params\": [\"cgminer/4.12.1\"]}\n"
                + "\r\n{\"id\": 2, \"method\": \"mining.authorize\", \"params\": [\"farm.rig1\", \"x\"]}\r\n"
                + "{\"unterminated\"");
    StratumLineReader reader = new StratumLineReader(trickle(data, 7), 16 * 1024);
    StratumCodec codec = new StratumCodec();
    try {
      assertThat(codec.decodeFromClient(reader.readLine())).isInstanceOf(MiningSubscribe.class);
      assertThat(codec.decodeFromClient(reader.readLine())).isInstanceOf(MiningAuthorize.class);
    } catch (StratumProtocolException e) {
      throw new AssertionError(e.getMessage());
    }
    assertThat(reader.readLine()).isNull();
  }

  @Test
  void readerThrowsForAnOverlongLineAndCarriesOn() throws IOException {
    byte[] data = bytes("a".repeat(5000) + "\n{\"id\":1}\n");
    StratumLineReader reader = new StratumLineReader(trickle(data, 1000), 1024);
    assertThatThrownBy(reader::readLine)
        .isInstanceOf(StratumLineTooLongException.class)
        .hasMessageContaining("1024");
    assertThat(reader.readLine()).isEqualTo("{\"id\":1}");
    assertThat(reader.readLine()).isNull();
  }
}
