package io.otedama.agent.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real HTTP server answering {@code POST /api/v1/enroll} as CONTRACTS.md §4 says: body {@code
 * {"token","hardwareId","name"?,"model"?}} → {@code {"rigId","mqttUrl","mqttUsername",
 * "mqttPassword"}}, the same hardware id gets the same rig id (and a fresh secret), a bad token is
 * 403 with {@code {"code","message"}}. Issued logins go into the broker's {@link BrokerAccounts}.
 */
public final class EnrollmentServer implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpServer server;
  private final BrokerAccounts accounts;
  private final Set<String> tokens = ConcurrentHashMap.newKeySet();
  private final Map<String, String> rigsByHardware = new ConcurrentHashMap<>();
  private final List<JsonNode> requests = new CopyOnWriteArrayList<>();
  private final AtomicInteger nextRig = new AtomicInteger(1);
  private final SecureRandom random = new SecureRandom();
  private volatile String mqttUrl;

  public EnrollmentServer(BrokerAccounts accounts, String mqttUrl) throws IOException {
    this.accounts = accounts;
    this.mqttUrl = mqttUrl;
    this.server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 200);
    server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
    server.createContext("/api/v1/enroll", this::enroll);
    server.start();
  }

  public URI url() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  public void allowToken(String token) {
    tokens.add(token);
  }

  public void mqttUrl(String url) {
    this.mqttUrl = url;
  }

  public List<JsonNode> requests() {
    return List.copyOf(requests);
  }

  public Map<String, String> rigsByHardware() {
    return Map.copyOf(rigsByHardware);
  }

  private void enroll(HttpExchange exchange) throws IOException {
    try (exchange) {
      if (!"POST".equals(exchange.getRequestMethod())) {
        respond(exchange, 405, Map.of("code", 405, "message", "POST only"));
        return;
      }
      JsonNode body;
      try {
        body = JSON.readTree(exchange.getRequestBody());
      } catch (IOException e) {
        respond(exchange, 400, Map.of("code", 400, "message", "The body is not JSON."));
        return;
      }
      requests.add(body);
      String token = body.path("token").asText("");
      String hardwareId = body.path("hardwareId").asText("");
      if (hardwareId.isBlank() || !hardwareId.matches("\\p{Graph}{1,128}")) {
        respond(
            exchange,
            422,
            Map.of("code", 422, "message", "hardwareId must be 1 to 128 visible characters"));
        return;
      }
      if (!tokens.contains(token)) {
        respond(
            exchange,
            403,
            Map.of("code", 403, "message", "The enrollment token is unknown, expired or used up."));
        return;
      }
      String rigId =
          rigsByHardware.computeIfAbsent(hardwareId, h -> "rig-" + nextRig.getAndIncrement());
      byte[] secret = new byte[32];
      random.nextBytes(secret);
      String password = HexFormat.of().formatHex(secret);
      accounts.put(rigId, password);
      respond(
          exchange,
          200,
          Map.of(
              "rigId", rigId, "mqttUrl", mqttUrl, "mqttUsername", rigId, "mqttPassword", password));
    }
  }

  private static void respond(HttpExchange exchange, int status, Object body) throws IOException {
    byte[] bytes = JSON.writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
