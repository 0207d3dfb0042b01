package io.otedama.controller.work;

import java.time.Duration;
import java.util.Objects;
import javax.net.ssl.SSLContext;

/**
 * How the farm talks to an upstream pool.
 *
 * @param connectTimeout TCP (and TLS) connect timeout
 * @param handshakeTimeout the longest wait for each answer of configure, subscribe and authorize
 * @param submitTimeout a submit without an answer by then is {@code unanswered}
 * @param silenceTimeout a pool that sends nothing for this long is taken as dead (pools send a job
 *     at least every minute or two); with TCP keepalive on the socket this is the keepalive
 * @param userAgent sent with subscribe
 * @param versionRollingMask the mask asked for with {@code mining.configure} (BIP310), 0 to not ask
 * @param sslContext for {@code stratum+ssl://} pools (the JVM default trusts public CAs)
 */
public record PoolClientSettings(
    Duration connectTimeout,
    Duration handshakeTimeout,
    Duration submitTimeout,
    Duration silenceTimeout,
    String userAgent,
    int versionRollingMask,
    SSLContext sslContext) {
  public PoolClientSettings {
    Objects.requireNonNull(connectTimeout, "connectTimeout");
    Objects.requireNonNull(handshakeTimeout, "handshakeTimeout");
    Objects.requireNonNull(submitTimeout, "submitTimeout");
    Objects.requireNonNull(silenceTimeout, "silenceTimeout");
    Objects.requireNonNull(userAgent, "userAgent");
  }

  /**
   * Defaults: 10 s connect, 10 s per handshake answer, 30 s submit, 150 s silence, mask 1fffe000.
   */
  public static PoolClientSettings defaults() {
    return new PoolClientSettings(
        Duration.ofSeconds(10),
        Duration.ofSeconds(10),
        Duration.ofSeconds(30),
        Duration.ofSeconds(150),
        "otedama/0.1",
        0x1fffe000,
        null);
  }

  public PoolClientSettings withSslContext(SSLContext context) {
    return new PoolClientSettings(
        connectTimeout,
        handshakeTimeout,
        submitTimeout,
        silenceTimeout,
        userAgent,
        versionRollingMask,
        context);
  }

  public PoolClientSettings withSilenceTimeout(Duration timeout) {
    return new PoolClientSettings(
        connectTimeout,
        handshakeTimeout,
        submitTimeout,
        timeout,
        userAgent,
        versionRollingMask,
        sslContext);
  }
}
