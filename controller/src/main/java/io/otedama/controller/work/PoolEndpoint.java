package io.otedama.controller.work;

import io.otedama.hashing.Algorithm;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Objects;

/**
 * One upstream pool of a work profile: where it is, how the farm logs in, and what it mines.
 *
 * @param name the pool's configured name, used in logs and the {@code pool} metric label (never the
 *     URL or credentials)
 * @param host the pool's host name or address
 * @param port its TCP port
 * @param tls whether the connection is TLS ({@code stratum+ssl://})
 * @param user the worker name the farm authorizes with (shares are submitted under it)
 * @param password the password sent with authorize, often {@code x}
 */
public record PoolEndpoint(
    String name,
    String host,
    int port,
    boolean tls,
    String user,
    String password,
    Algorithm algorithm) {
  public PoolEndpoint {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(algorithm, "algorithm");
    password = password == null ? "" : password;
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("pool " + name + ": port must be 1..65535, got " + port);
    }
  }

  /**
   * Reads a pool URL: {@code stratum+tcp://host:port} or {@code stratum+ssl://host:port} ({@code
   * stratum+tls} is the same as {@code stratum+ssl}).
   *
   * @throws IllegalArgumentException naming what is wrong with the URL
   */
  public static PoolEndpoint parse(
      String name, String url, String user, String password, Algorithm algorithm) {
    if (url == null || url.isBlank()) {
      throw new IllegalArgumentException("pool " + name + ": the URL is missing");
    }
    URI uri;
    try {
      uri = new URI(url.strip());
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("pool " + name + ": '" + url + "' is not a URL");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    boolean tls =
        switch (scheme) {
          case "stratum+tcp" -> false;
          case "stratum+ssl", "stratum+tls" -> true;
          default ->
              throw new IllegalArgumentException(
                  "pool "
                      + name
                      + ": the URL must start with stratum+tcp:// or stratum+ssl://, got '"
                      + url
                      + "'");
        };
    if (uri.getHost() == null || uri.getPort() < 0) {
      throw new IllegalArgumentException(
          "pool " + name + ": the URL must name a host and a port, like stratum+tcp://pool:3333");
    }
    return new PoolEndpoint(name, uri.getHost(), uri.getPort(), tls, user, password, algorithm);
  }

  /** The URL form, {@code stratum+tcp://host:port}. */
  public String url() {
    return (tls ? "stratum+ssl://" : "stratum+tcp://") + host + ":" + port;
  }

  @Override
  public String toString() {
    return name + " (" + url() + ")";
  }
}
