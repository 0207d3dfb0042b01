package io.otedama.controller.work;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;

/**
 * A Stratum v1 pool on loopback that plays back a session the way real pools write it (the answer
 * shapes of ckpool-style pools: subscribe with two subscription pairs, configure with the granted
 * mask, set_difficulty before the first notify, submit answers with {@code [code, message, null]}
 * errors). The test steers it: what it grants, how it answers submits, when it sends
 * set_extranonce, set_version_mask or a new job, when it drops its miners, and whether it serves at
 * all.
 */
public final class ScriptedPool implements Closeable {
  /** How the pool answers a submit. */
  public enum SubmitAnswer {
    ACCEPT,
    REJECT_LOW_DIFFICULTY,
    REJECT_STALE
  }

  private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*(\\d+|\"[^\"]*\")");
  private static final Pattern METHOD = Pattern.compile("\"method\"\\s*:\\s*\"([^\"]+)\"");

  private final ServerSocket server;
  private final List<Socket> clients = new CopyOnWriteArrayList<>();
  public final List<String> received = new CopyOnWriteArrayList<>();
  public volatile String extranonce1 = "01000000";
  public volatile int extranonce2Size = 4;
  public volatile String grantedMask = "1fffe000";
  public volatile double difficulty = 512;
  public volatile String jobId = "6a1f";
  public volatile SubmitAnswer submitAnswer = SubmitAnswer.ACCEPT;
  public volatile boolean serving = true;
  public volatile boolean sendJobs = true;
  private volatile boolean closed;

  public ScriptedPool() throws IOException {
    this(null);
  }

  /** A pool; with a TLS context it serves {@code stratum+ssl}. */
  public ScriptedPool(SSLContext tls) throws IOException {
    server =
        tls == null
            ? new ServerSocket(0, 50, InetAddress.getLoopbackAddress())
            : tls.getServerSocketFactory()
                .createServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread.ofVirtual().name("scripted-pool").start(this::accept);
  }

  public int port() {
    return server.getLocalPort();
  }

  public String url(boolean tls) {
    return (tls ? "stratum+ssl://localhost:" : "stratum+tcp://127.0.0.1:") + port();
  }

  /** Lines received with this method. */
  public List<String> receivedOf(String method) {
    return received.stream().filter(l -> l.contains("\"" + method + "\"")).toList();
  }

  public int connections() {
    return (int) clients.stream().filter(s -> !s.isClosed()).count();
  }

  /** Sends a line to every connected miner. */
  public void broadcast(String line) {
    for (Socket s : clients) {
      try {
        write(s, line);
      } catch (IOException e) {
        // that one is gone
      }
    }
  }

  /** A new job for everyone: {@code mining.notify} with the shared vector job. */
  public void notifyAll(String id, boolean clean) {
    jobId = id;
    broadcast(notifyLine(id, clean));
  }

  /** Drops every connected miner (as a pool restart would). */
  public void dropAll() {
    for (Socket s : clients) {
      try {
        s.close();
      } catch (IOException ignored) {
        // closing
      }
    }
    clients.clear();
  }

  private void accept() {
    while (!closed) {
      try {
        Socket s = server.accept();
        if (!serving) {
          s.close();
          continue;
        }
        clients.add(s);
        Thread.ofVirtual().start(() -> serve(s));
      } catch (IOException e) {
        return;
      }
    }
  }

  private void serve(Socket s) {
    try (BufferedReader in =
        new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = in.readLine()) != null) {
        received.add(line);
        Matcher m = METHOD.matcher(line);
        Matcher i = ID.matcher(line);
        String id = i.find() ? i.group(1) : "null";
        if (!m.find()) {
          continue;
        }
        switch (m.group(1)) {
          case "mining.configure" ->
              write(
                  s,
                  grantedMask == null
                      ? "{\"id\":" + id + ",\"result\":{\"version-rolling\":false},\"error\":null}"
                      : "{\"id\":"
                          + id
                          + ",\"result\":{\"version-rolling\":true,\"version-rolling.mask\":\""
                          + grantedMask
                          + "\"},\"error\":null}");
          case "mining.subscribe" ->
              write(
                  s,
                  "{\"id\":"
                      + id
                      + ",\"result\":[[[\"mining.set_difficulty\",\"deadbeefcafebabe0100000000000000\"],"
                      + "[\"mining.notify\",\"deadbeefcafebabe0100000000000000\"]],\""
                      + extranonce1
                      + "\","
                      + extranonce2Size
                      + "],\"error\":null}");
          case "mining.extranonce.subscribe" ->
              write(s, "{\"id\":" + id + ",\"result\":true,\"error\":null}");
          case "mining.authorize" -> {
            write(s, "{\"id\":" + id + ",\"result\":true,\"error\":null}");
            if (sendJobs) {
              write(
                  s,
                  "{\"id\":null,\"method\":\"mining.set_difficulty\",\"params\":["
                      + (long) difficulty
                      + "]}");
              write(s, notifyLine(jobId, true));
            }
          }
          case "mining.submit" ->
              write(
                  s,
                  switch (submitAnswer) {
                    case ACCEPT -> "{\"id\":" + id + ",\"result\":true,\"error\":null}";
                    case REJECT_LOW_DIFFICULTY ->
                        "{\"id\":"
                            + id
                            + ",\"result\":null,\"error\":[23,\"Low difficulty share\",null]}";
                    case REJECT_STALE ->
                        "{\"id\":" + id + ",\"result\":null,\"error\":[21,\"Stale\",null]}";
                  });
          default ->
              write(
                  s,
                  "{\"id\":" + id + ",\"result\":null,\"error\":[20,\"Method not found\",null]}");
        }
      }
    } catch (IOException e) {
      // the miner left or we dropped it
    } finally {
      clients.remove(s);
    }
  }

  static String notifyLine(String id, boolean clean) {
    return "{\"id\":null,\"method\":\"mining.notify\",\"params\":"
        + JobVector.notifyParamsJson(id, clean)
        + "}";
  }

  private static void write(Socket s, String line) throws IOException {
    synchronized (s) {
      OutputStream out = s.getOutputStream();
      out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
      out.flush();
    }
  }

  @Override
  public void close() throws IOException {
    closed = true;
    server.close();
    dropAll();
  }
}
