package io.otedama.controller.mqtt;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;

/**
 * The controller's own MQTT login. With the embedded broker and no configured password a random one
 * is made at start: broker and client live in the same process, so nobody else needs it.
 */
public record ControllerCredentials(String username, byte[] password) {

  public ControllerCredentials {
    if (username == null || username.isBlank()) {
      throw new IllegalArgumentException("mqtt.controllerUsername must not be empty");
    }
    if (password == null || password.length == 0) {
      throw new IllegalArgumentException("the controller's MQTT password must not be empty");
    }
    password = password.clone();
  }

  /** From the configuration; generates a password only where that is safe (embedded broker). */
  public static ControllerCredentials from(MqttConfiguration config) {
    String configured = config.getControllerPassword();
    if (configured != null && !configured.isEmpty()) {
      return new ControllerCredentials(
          config.getControllerUsername(),
          configured.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
    if (!config.isEmbedded()) {
      throw new IllegalArgumentException(
          "mqtt.controllerPassword is required when mqtt.url points to an external broker");
    }
    return generated(config.getControllerUsername());
  }

  public static ControllerCredentials generated(String username) {
    byte[] secret = new byte[32];
    new SecureRandom().nextBytes(secret);
    String password = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    return new ControllerCredentials(
        username, password.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
  }

  @Override
  public byte[] password() {
    return password.clone();
  }

  /** Constant-time check, so response timing tells an attacker nothing about the password. */
  public boolean matches(String candidateUsername, byte[] candidatePassword) {
    return username.equals(candidateUsername)
        && candidatePassword != null
        && java.security.MessageDigest.isEqual(password, candidatePassword);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ControllerCredentials that
        && username.equals(that.username)
        && Arrays.equals(password, that.password);
  }

  @Override
  public int hashCode() {
    return username.hashCode() * 31 + Arrays.hashCode(password);
  }

  @Override
  public String toString() {
    return "ControllerCredentials[username=" + username + ", password=***]";
  }
}
