package io.otedama.dashboards;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/**
 * A loopback port nobody listens on right now, for programs that cannot be told to bind port 0.
 * Another process may take it before ours binds: callers retry on a bind failure.
 */
final class FreeLoopbackPort {

  private FreeLoopbackPort() {}

  static int find() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("no free loopback port", e);
    }
  }
}
