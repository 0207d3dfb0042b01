package io.otedama.controller.testing;

import io.otedama.controller.fleet.RigAuthenticator;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The fleet's authenticator reduced to a map of rig id to secret, for tests of the MQTT edge. */
public final class MapRigAuthenticator implements RigAuthenticator {

  private final Map<String, byte[]> secrets = new ConcurrentHashMap<>();

  public MapRigAuthenticator add(String rigId, String secret) {
    secrets.put(rigId, secret.getBytes(StandardCharsets.UTF_8));
    return this;
  }

  @Override
  public Optional<String> authenticate(String username, byte[] password) {
    byte[] expected = secrets.get(username);
    return expected != null && MessageDigest.isEqual(expected, password)
        ? Optional.of(username)
        : Optional.empty();
  }
}
