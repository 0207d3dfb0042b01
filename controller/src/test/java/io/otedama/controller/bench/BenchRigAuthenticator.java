package io.otedama.controller.bench;

import io.otedama.controller.fleet.RigAuthenticator;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The benchmark's rig credentials, checked like the fleet's {@code RigCredentials} does it: SHA-256
 * of the presented secret against the stored hash, from memory, in constant time.
 */
final class BenchRigAuthenticator implements RigAuthenticator {

  private final ConcurrentHashMap<String, byte[]> hashes = new ConcurrentHashMap<>();

  void add(String rigId, String secret) {
    hashes.put(rigId, sha256(secret.getBytes(StandardCharsets.UTF_8)));
  }

  @Override
  public Optional<String> authenticate(String username, byte[] password) {
    byte[] stored = hashes.get(username);
    return stored != null && MessageDigest.isEqual(stored, sha256(password))
        ? Optional.of(username)
        : Optional.empty();
  }

  static byte[] sha256(byte[] data) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(data);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
