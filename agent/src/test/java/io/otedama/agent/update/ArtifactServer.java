package io.otedama.agent.update;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A tiny HTTP/1.0 server for one artifact, on a raw socket so it can really drop a connection: its
 * first {@code drops} responses announce the full length, send half the body and close the socket.
 * It honours {@code Range: bytes=N-} unless told to ignore ranges.
 */
final class ArtifactServer implements AutoCloseable {
  private static final Pattern RANGE = Pattern.compile("(?i)range:\\s*bytes=(\\d+)-\\s*");
  private final ServerSocket server;
  private final byte[] content;
  private final AtomicInteger drops;
  private final boolean honourRanges;
  private final Thread acceptor;
  final List<String> ranges = new CopyOnWriteArrayList<>();

  ArtifactServer(byte[] content, int drops, boolean honourRanges) throws IOException {
    this.content = content;
    this.drops = new AtomicInteger(drops);
    this.honourRanges = honourRanges;
    this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    this.acceptor = Thread.ofVirtual().start(this::accept);
  }

  String url() {
    return "http://127.0.0.1:" + server.getLocalPort() + "/artifact";
  }

  private void accept() {
    while (!server.isClosed()) {
      try (Socket s = server.accept()) {
        serve(s);
      } catch (IOException e) {
        // closed, or the client went away
      }
    }
  }

  private void serve(Socket s) throws IOException {
    BufferedReader in =
        new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.ISO_8859_1));
    String range = "none";
    int from = 0;
    for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
      Matcher m = RANGE.matcher(line);
      if (m.matches()) {
        range = "bytes=" + m.group(1) + "-";
        if (honourRanges) {
          from = Integer.parseInt(m.group(1));
        }
      }
    }
    ranges.add(range);
    int length = content.length - from;
    StringBuilder head =
        new StringBuilder(from > 0 ? "HTTP/1.0 206 Partial Content\r\n" : "HTTP/1.0 200 OK\r\n");
    head.append("Content-Type: application/octet-stream\r\n");
    head.append("Content-Length: ").append(length).append("\r\n");
    if (from > 0) {
      head.append("Content-Range: bytes ")
          .append(from)
          .append('-')
          .append(content.length - 1)
          .append('/')
          .append(content.length)
          .append("\r\n");
    }
    head.append("Connection: close\r\n\r\n");
    OutputStream out = s.getOutputStream();
    out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
    boolean drop = drops.getAndDecrement() > 0;
    out.write(content, from, drop ? length / 2 : length);
    out.flush();
    // closing the socket (try-with-resources) mid-body is the dropped connection
  }

  @Override
  public void close() throws IOException {
    server.close();
    acceptor.interrupt();
  }
}
