package io.otedama.dashboards;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback HTTP server standing in for the controller's admin port: it serves an {@link
 * AdvancingExposition} at {@code /prometheus} in the Prometheus text format.
 */
final class MetricsFixtureServer implements AutoCloseable {

  private final HttpServer server;
  private final AtomicInteger scrapes = new AtomicInteger();

  MetricsFixtureServer(AdvancingExposition exposition) throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/prometheus",
        exchange -> {
          byte[] body =
              exposition.render(scrapes.getAndIncrement()).getBytes(StandardCharsets.UTF_8);
          exchange
              .getResponseHeaders()
              .set("Content-Type", "text/plain; version=0.0.4; charset=utf-8");
          exchange.sendResponseHeaders(200, body.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
          }
        });
    server.start();
  }

  String hostPort() {
    return "127.0.0.1:" + server.getAddress().getPort();
  }

  int scrapes() {
    return scrapes.get();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
