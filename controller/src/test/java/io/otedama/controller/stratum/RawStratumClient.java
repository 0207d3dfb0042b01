package io.otedama.controller.stratum;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A line-level Stratum client for protocol tests: sends raw lines, reads what the server says. */
final class RawStratumClient implements Closeable {
  private final Socket socket;
  private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
  private volatile boolean ended;

  RawStratumClient(int port) throws IOException {
    socket = new Socket(InetAddress.getLoopbackAddress(), port);
    Thread.ofVirtual()
        .start(() -> {
          try (BufferedReader in =
              new BufferedReader(
                  new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
              lines.add(line);
            }
          } catch (IOException e) {
            // closed
          } finally {
            ended = true;
          }
        });
  }

  void send(String line) throws IOException {
    OutputStream out = socket.getOutputStream();
    out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
    out.flush();
  }

  /** The next line, failing the test after 10 s. */
  String next() throws InterruptedException {
    String line = lines.poll(10, TimeUnit.SECONDS);
    if (line == null) {
      throw new AssertionError("no line from the server within 10 s");
    }
    return line;
  }

  /** The next line containing {@code text}, skipping others. */
  String nextContaining(String text) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (System.nanoTime() < deadline) {
      String line = lines.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
      if (line != null && line.contains(text)) {
        return line;
      }
    }
    throw new AssertionError("no line with " + text + " within 10 s");
  }

  /** Whether the server closed the connection. */
  boolean ended() {
    return ended;
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
