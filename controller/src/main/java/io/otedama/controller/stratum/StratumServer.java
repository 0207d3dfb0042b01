package io.otedama.controller.stratum;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.otedama.controller.shares.ShareProcessor;
import io.otedama.controller.work.FeedDirectory;
import io.otedama.controller.work.WorkAssignments;
import io.otedama.protocol.stratum.StratumCodec;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Stratum v1 server for third-party miners (CONTRACTS §6): the controller as their farm proxy.
 * Each connection runs on two virtual threads (a reader with an idle timeout and a writer behind a
 * bounded queue), so thousands of miners fit on one node and a silent or slow miner only ever holds
 * up itself. A sweeper closes connections that do not authorize in time.
 *
 * <p>Counts {@code otedama_stratum_connections} and {@code
 * otedama_stratum_disconnects_total{reason}}.
 */
public final class StratumServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(StratumServer.class);

  /** Why connections end: the {@code reason} label values. */
  static final Set<String> DISCONNECT_REASONS =
      Set.of(
          "closed",
          "idle",
          "handshake_timeout",
          "bad_messages",
          "rate_limit",
          "slow_reader",
          "extranonce_changed",
          "no_work",
          "capacity",
          "shutdown");

  final StratumServerSettings settings;
  final StratumCodec codec;
  final WorkAssignments assignments;
  final FeedDirectory feeds;
  final ShareProcessor processor;
  final StratumRigRegistry registry;
  final Clock clock;
  private final Map<String, Counter> disconnects = new ConcurrentHashMap<>();
  private final Set<StratumConnection> connections = ConcurrentHashMap.newKeySet();
  private volatile ServerSocket server;
  private volatile boolean closed;

  public StratumServer(
      StratumServerSettings settings,
      StratumCodec codec,
      WorkAssignments assignments,
      FeedDirectory feeds,
      ShareProcessor processor,
      StratumRigRegistry registry,
      Clock clock,
      MeterRegistry meters) {
    this.settings = settings;
    this.codec = codec;
    this.assignments = assignments;
    this.feeds = feeds;
    this.processor = processor;
    this.registry = registry;
    this.clock = clock;
    for (String reason : DISCONNECT_REASONS) {
      disconnects.put(
          reason,
          Counter.builder("otedama_stratum_disconnects_total")
              .description("Stratum miner connections ended, by why")
              .tag("reason", reason)
              .register(meters));
    }
    Gauge.builder("otedama_stratum_connections", connections, Set::size)
        .description("Stratum miner connections open now")
        .register(meters);
  }

  /** Binds the port and starts accepting miners. */
  public void start() throws IOException {
    ServerSocket s = new ServerSocket();
    s.setReuseAddress(true);
    s.bind(new InetSocketAddress(InetAddress.getByName(settings.host()), settings.port()), 1024);
    server = s;
    Thread.ofVirtual().name("stratum-accept").start(this::acceptLoop);
    Thread.ofVirtual().name("stratum-sweeper").start(this::sweep);
    LOG.info("Stratum server listening on {}:{}", settings.host(), s.getLocalPort());
  }

  /** The bound port (useful with port 0). */
  public int port() {
    return server.getLocalPort();
  }

  public int connectionCount() {
    return connections.size();
  }

  private void acceptLoop() {
    while (!closed) {
      Socket socket;
      try {
        socket = server.accept();
      } catch (IOException e) {
        if (!closed) {
          LOG.warn("Stratum accept failed", e);
        }
        return;
      }
      if (connections.size() >= settings.maxConnections()) {
        countDisconnect("capacity");
        try {
          socket.close();
        } catch (IOException ignored) {
          // refusing anyway
        }
        continue;
      }
      StratumConnection c = new StratumConnection(this, socket);
      connections.add(c);
      c.start();
    }
  }

  private void sweep() {
    while (!closed) {
      try {
        Thread.sleep(1000);
      } catch (InterruptedException e) {
        return;
      }
      Instant now = clock.instant();
      for (StratumConnection c : connections) {
        c.checkDeadlines(now);
      }
    }
  }

  void ended(StratumConnection c, String reason) {
    if (connections.remove(c)) {
      countDisconnect(reason);
    }
  }

  void countDisconnect(String reason) {
    Counter counter = disconnects.get(reason);
    if (counter != null) {
      counter.increment();
    }
  }

  @Override
  public void close() {
    closed = true;
    ServerSocket s = server;
    if (s != null) {
      try {
        s.close();
      } catch (IOException ignored) {
        // closing
      }
    }
    for (StratumConnection c : connections) {
      c.close("shutdown");
    }
  }
}
