package io.otedama.agent.device;

/** A device cannot do what a command asks (e.g. blink an LED it does not have). */
public final class UnsupportedCommandException extends RuntimeException {
  public UnsupportedCommandException(String message) {
    super(message);
  }
}
