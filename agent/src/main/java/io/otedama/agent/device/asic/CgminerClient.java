package io.otedama.agent.device.asic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;

/**
 * The cgminer RPC API (TCP 4028) that Antminer, Whatsminer, Avalon and most other ASIC firmwares
 * speak: one JSON request per connection ({@code {"command":"summary","parameter":"..."}}), one
 * JSON reply, then the miner closes the connection (often after a NUL byte). Replies are read with
 * {@link CgminerJson}'s repairs. Stateless and thread-safe.
 */
public final class CgminerClient {
  private static final int MAX_REPLY = 4 * 1024 * 1024;

  private final String host;
  private final int port;
  private final int timeoutMillis;

  public CgminerClient(String host, int port, Duration timeout) {
    this.host = host;
    this.port = port;
    this.timeoutMillis = (int) timeout.toMillis();
  }

  public String address() {
    return host + ":" + port;
  }

  /**
   * Sends one command and returns the parsed reply.
   *
   * @param parameter the command's parameter (cgminer joins several with commas), or null
   * @throws IOException when the miner cannot be reached or stops answering
   * @throws CgminerException when the reply is an error status or not readable
   */
  public JsonNode request(String command, String parameter) throws IOException, CgminerException {
    byte[] reply = exchange(command, parameter);
    JsonNode node = CgminerJson.parse(reply);
    checkStatus(command, node);
    return node;
  }

  /**
   * Sends a command whose reply may never come because the miner acts on it at once (e.g. {@code
   * restart}): an empty reply counts as done.
   */
  public void fireAndForget(String command) throws IOException, CgminerException {
    byte[] reply = exchange(command, null);
    if (new String(reply, StandardCharsets.UTF_8).replace("\0", "").isBlank()) {
      return;
    }
    checkStatus(command, CgminerJson.parse(reply));
  }

  private byte[] exchange(String command, String parameter) throws IOException {
    ObjectNode request = JsonNodeFactory.instance.objectNode();
    request.put("command", command);
    if (parameter != null) {
      request.put("parameter", parameter);
    }
    byte[] bytes = request.toString().getBytes(StandardCharsets.UTF_8);
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(host, port), timeoutMillis);
      socket.setSoTimeout(timeoutMillis);
      OutputStream out = socket.getOutputStream();
      out.write(bytes);
      out.flush();
      InputStream in = socket.getInputStream();
      ByteArrayOutputStream reply = new ByteArrayOutputStream(4096);
      byte[] buffer = new byte[8192];
      long deadline = System.nanoTime() + timeoutMillis * 1_000_000L * 2;
      while (true) {
        int n;
        try {
          n = in.read(buffer);
        } catch (SocketTimeoutException e) {
          if (reply.size() > 0) {
            break; // some firmwares keep the socket open after a complete reply
          }
          throw new IOException("no reply from " + address() + " in " + timeoutMillis + " ms", e);
        }
        if (n < 0) {
          break;
        }
        int end = indexOfNul(buffer, n);
        reply.write(buffer, 0, end < 0 ? n : end);
        if (end >= 0 || reply.size() > MAX_REPLY || System.nanoTime() > deadline) {
          break;
        }
      }
      return reply.toByteArray();
    }
  }

  private static int indexOfNul(byte[] buffer, int n) {
    for (int i = 0; i < n; i++) {
      if (buffer[i] == 0) {
        return i;
      }
    }
    return -1;
  }

  /** Throws for an {@code E} (error) or {@code F} (fatal) status. */
  static void checkStatus(String command, JsonNode reply) throws CgminerException {
    JsonNode status = reply.get("STATUS");
    if (status == null) {
      return; // multi-command replies carry a status per section
    }
    String code;
    String message;
    if (status.isArray() && !status.isEmpty()) {
      code = status.get(0).path("STATUS").asText("");
      message = status.get(0).path("Msg").asText("");
    } else {
      code = status.asText("");
      message = reply.path("Msg").asText("");
    }
    code = code.toUpperCase(Locale.ROOT);
    if (code.equals("E") || code.equals("F")) {
      throw new CgminerException(
          "the miner refused '"
              + command
              + "': "
              + (message.isBlank() ? "error status " + code : message));
    }
  }
}
