package io.otedama.ansible;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A loopback HTTP server answering {@code GET /api/v1/rigs?page=&size=} as CONTRACTS §4 describes
 * it ({@code {"items": [...], "total": N}}, bearer token required, errors as {@code
 * {"code","message"}}), paged from 0 or, like some APIs, strictly from 1.
 */
final class RigApiFixture implements AutoCloseable {

  enum Paging {
    FROM_ZERO,
    FROM_ONE_STRICT
  }

  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpServer server;
  private final List<Map<String, Object>> rigs;
  private final String token;
  private final Paging paging;
  private final List<String> requests = new CopyOnWriteArrayList<>();

  RigApiFixture(List<Map<String, Object>> rigs, String token, Paging paging) throws IOException {
    this.rigs = List.copyOf(rigs);
    this.token = token;
    this.paging = paging;
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/api/v1/rigs", this::rigs);
    server.start();
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** The request URIs served, in order. */
  List<String> requests() {
    return List.copyOf(requests);
  }

  private void rigs(HttpExchange exchange) throws IOException {
    requests.add(exchange.getRequestURI().toString());
    if (!("Bearer " + token).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
      send(exchange, 401, Map.of("code", 401, "message", "A valid bearer token is required."));
      return;
    }
    Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
    int page = Integer.parseInt(query.getOrDefault("page", paging == Paging.FROM_ZERO ? "0" : "1"));
    int size = Math.min(Integer.parseInt(query.getOrDefault("size", "50")), 2);
    int first = paging == Paging.FROM_ZERO ? 0 : 1;
    if (page < first) {
      send(exchange, 400, Map.of("code", 400, "message", "page must be 1 or more."));
      return;
    }
    int from = Math.min((page - first) * size, rigs.size());
    int to = Math.min(from + size, rigs.size());
    send(exchange, 200, Map.of("items", rigs.subList(from, to), "total", rigs.size()));
  }

  private static Map<String, String> query(String raw) {
    Map<String, String> values = new HashMap<>();
    if (raw != null) {
      for (String pair : raw.split("&")) {
        String[] kv = pair.split("=", 2);
        values.put(
            URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
            kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
      }
    }
    return values;
  }

  private static void send(HttpExchange exchange, int status, Object body) throws IOException {
    byte[] bytes = JSON.writeValueAsBytes(body);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
