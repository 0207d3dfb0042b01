package io.otedama.agent.link;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import javax.net.SocketFactory;

/**
 * How one rig reaches the broker.
 *
 * @param brokerUrl {@code tcp://}, {@code ssl://} (also {@code mqtt://}, {@code mqtts://})
 * @param rigId the rig id: also the MQTT client id, so the session is stable across restarts
 * @param socketFactory for TLS with a private CA, or null for Paho's default
 */
public record LinkSettings(
    URI brokerUrl,
    String rigId,
    String username,
    String password,
    Duration keepAlive,
    Duration sessionExpiry,
    Duration connectTimeout,
    Duration reconnectMin,
    Duration reconnectMax,
    SocketFactory socketFactory) {
  public LinkSettings {
    Objects.requireNonNull(brokerUrl, "brokerUrl");
    Objects.requireNonNull(rigId, "rigId");
    Objects.requireNonNull(username, "username");
    Objects.requireNonNull(password, "password");
  }

  /** The URL as Paho wants it: {@code tcp://} or {@code ssl://}, with a port. */
  public String pahoUrl() {
    String scheme = brokerUrl.getScheme().toLowerCase(Locale.ROOT);
    boolean tls = scheme.equals("ssl") || scheme.equals("mqtts");
    int port = brokerUrl.getPort() > 0 ? brokerUrl.getPort() : tls ? 8883 : 1883;
    String host = brokerUrl.getHost();
    if (host.contains(":") && !host.startsWith("[")) {
      host = "[" + host + "]";
    }
    return (tls ? "ssl://" : "tcp://") + host + ":" + port;
  }

  public boolean tls() {
    return pahoUrl().startsWith("ssl://");
  }

  @Override
  public String toString() {
    return "LinkSettings[" + pahoUrl() + ", rig " + rigId + "]";
  }
}
