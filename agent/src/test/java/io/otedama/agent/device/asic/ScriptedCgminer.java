package io.otedama.agent.device.asic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiFunction;

/**
 * A cgminer API server on a free port that answers like a miner's firmware would: one JSON request
 * per connection, one reply (the test's recorded responses, quirks included), then close.
 */
final class ScriptedCgminer implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** A request as received. */
  record Request(String command, String parameter) {}

  private final ServerSocket server;
  private final BiFunction<String, String, String> replies;
  private final List<Request> requests = new CopyOnWriteArrayList<>();
  private volatile boolean nulTerminated = true;

  /**
   * @param replies the reply text for (command, parameter); null closes without a reply
   */
  ScriptedCgminer(BiFunction<String, String, String> replies) throws IOException {
    this.replies = replies;
    this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread.ofPlatform().daemon().name("scripted-cgminer").start(this::serve);
  }

  static String resource(String name) {
    try (InputStream in = ScriptedCgminer.class.getResourceAsStream("/cgminer/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  int port() {
    return server.getLocalPort();
  }

  List<Request> requests() {
    return List.copyOf(requests);
  }

  List<String> commands() {
    List<String> out = new ArrayList<>();
    for (Request r : requests) {
      out.add(r.parameter() == null ? r.command() : r.command() + "|" + r.parameter());
    }
    return out;
  }

  /** Whether replies end with a NUL byte, as cgminer's do. */
  void nulTerminated(boolean on) {
    nulTerminated = on;
  }

  private void serve() {
    while (!server.isClosed()) {
      try (Socket socket = server.accept()) {
        socket.setSoTimeout(5000);
        String text = readRequest(socket.getInputStream());
        JsonNode request = JSON.readTree(text);
        String command = request.path("command").asText();
        String parameter =
            request.hasNonNull("parameter") ? request.get("parameter").asText() : null;
        requests.add(new Request(command, parameter));
        String reply = replies.apply(command, parameter);
        if (reply != null) {
          socket.getOutputStream().write(reply.getBytes(StandardCharsets.UTF_8));
          if (nulTerminated) {
            socket.getOutputStream().write(0);
          }
          socket.getOutputStream().flush();
        }
      } catch (IOException e) {
        // client went away or the server closed
      }
    }
  }

  /** Reads one JSON object: cgminer clients do not close their side after the request. */
  private static String readRequest(InputStream in) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int depth = 0;
    boolean started = false;
    boolean inString = false;
    int b;
    while ((b = in.read()) >= 0) {
      out.write(b);
      char c = (char) b;
      if (inString) {
        if (c == '\\') {
          out.write(in.read());
        } else if (c == '"') {
          inString = false;
        }
      } else if (c == '"') {
        inString = true;
      } else if (c == '{') {
        depth++;
        started = true;
      } else if (c == '}') {
        depth--;
        if (started && depth == 0) {
          break;
        }
      }
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  @Override
  public void close() throws IOException {
    server.close();
  }
}
