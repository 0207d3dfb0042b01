package io.otedama.controller.fleet;

import java.util.Optional;

/**
 * Checks MQTT credentials of rigs. Implemented by the fleet feature against the rigs table (SHA-256
 * of the secret, compared in constant time), called by the broker's authentication (the embedded
 * HiveMQ extension, or the Mosquitto password file generator). Must be fast: a reconnect storm of
 * 10,000 rigs goes through it.
 */
public interface RigAuthenticator {

  /** The rig id when {@code username} is an enrolled rig and {@code password} its secret. */
  Optional<String> authenticate(String username, byte[] password);
}
