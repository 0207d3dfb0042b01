package io.otedama.agent.config;

/**
 * The agent's configuration is unusable. The message is one sentence naming the file, the setting
 * and what is wrong; the command line prints it and exits 2. An {@link IllegalArgumentException} so
 * that the CLI maps it to "bad arguments".
 */
public final class ConfigException extends IllegalArgumentException {
  public ConfigException(String message) {
    super(message);
  }

  public ConfigException(String message, Throwable cause) {
    super(message, cause);
  }
}
