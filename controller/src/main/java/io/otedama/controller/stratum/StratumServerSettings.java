package io.otedama.controller.stratum;

import io.otedama.controller.work.VardiffSettings;
import java.time.Duration;
import java.util.Objects;

/**
 * The Stratum v1 server for third-party miners (CONTRACTS §6).
 *
 * @param host the address to listen on (default all)
 * @param port default 3333; 0 picks a free port (tests)
 * @param maxConnections connections beyond it are refused at once
 * @param maxLineBytes the longest line a miner may send (default 4 KiB: a submit is ~200 bytes)
 * @param handshakeTimeout a connection must subscribe and authorize within this time
 * @param idleTimeout a connection that sends nothing for this long is closed
 * @param messagesPerSecond the sustained rate a miner may send (token bucket)
 * @param messageBurst the burst the bucket allows
 * @param maxBadMessages bad lines (not JSON, unknown shape, over-long) in a row that end the
 *     connection
 * @param maxQueuedMessages lines waiting to be written to a miner that does not read; beyond it the
 *     connection is closed, so a slow miner cannot hold memory or block the others
 * @param startDifficulty the share difficulty of a new connection, until vardiff moves it
 * @param vardiff how vardiff steers each connection
 */
public record StratumServerSettings(
    String host,
    int port,
    int maxConnections,
    int maxLineBytes,
    Duration handshakeTimeout,
    Duration idleTimeout,
    double messagesPerSecond,
    int messageBurst,
    int maxBadMessages,
    int maxQueuedMessages,
    double startDifficulty,
    VardiffSettings vardiff) {
  public StratumServerSettings {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(handshakeTimeout, "handshakeTimeout");
    Objects.requireNonNull(idleTimeout, "idleTimeout");
    Objects.requireNonNull(vardiff, "vardiff");
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port must be 0..65535");
    }
    if (maxConnections < 1
        || maxLineBytes < 256
        || messagesPerSecond <= 0
        || messageBurst < 1
        || maxBadMessages < 1
        || maxQueuedMessages < 16
        || !(startDifficulty > 0)) {
      throw new IllegalArgumentException("Stratum server settings out of range");
    }
  }

  public static StratumServerSettings defaults() {
    return new StratumServerSettings(
        "0.0.0.0",
        3333,
        20_000,
        4096,
        Duration.ofSeconds(60),
        Duration.ofMinutes(10),
        50,
        200,
        5,
        1000,
        1,
        VardiffSettings.DEFAULTS);
  }

  public StratumServerSettings withPort(int newPort) {
    return new StratumServerSettings(
        host,
        newPort,
        maxConnections,
        maxLineBytes,
        handshakeTimeout,
        idleTimeout,
        messagesPerSecond,
        messageBurst,
        maxBadMessages,
        maxQueuedMessages,
        startDifficulty,
        vardiff);
  }

  public StratumServerSettings withHost(String newHost) {
    return new StratumServerSettings(
        newHost,
        port,
        maxConnections,
        maxLineBytes,
        handshakeTimeout,
        idleTimeout,
        messagesPerSecond,
        messageBurst,
        maxBadMessages,
        maxQueuedMessages,
        startDifficulty,
        vardiff);
  }

  public StratumServerSettings withStartDifficulty(double difficulty) {
    return new StratumServerSettings(
        host,
        port,
        maxConnections,
        maxLineBytes,
        handshakeTimeout,
        idleTimeout,
        messagesPerSecond,
        messageBurst,
        maxBadMessages,
        maxQueuedMessages,
        difficulty,
        vardiff);
  }

  public StratumServerSettings withVardiff(VardiffSettings settings) {
    return new StratumServerSettings(
        host,
        port,
        maxConnections,
        maxLineBytes,
        handshakeTimeout,
        idleTimeout,
        messagesPerSecond,
        messageBurst,
        maxBadMessages,
        maxQueuedMessages,
        startDifficulty,
        settings);
  }

  public StratumServerSettings withLimits(
      double perSecond, int burst, int badMessages, int queued, Duration idle) {
    return new StratumServerSettings(
        host,
        port,
        maxConnections,
        maxLineBytes,
        handshakeTimeout,
        idle,
        perSecond,
        burst,
        badMessages,
        queued,
        startDifficulty,
        vardiff);
  }
}
