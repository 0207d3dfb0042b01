package io.otedama.agent.command;

import io.otedama.protocol.message.CommandStatus;
import java.util.Map;

/** How a command ended: succeeded or failed, a sentence, and details for the console. */
public record CommandOutcome(CommandStatus status, String message, Map<String, Object> details) {
  public CommandOutcome {
    details = Map.copyOf(details);
  }

  public static CommandOutcome succeeded(String message, Map<String, Object> details) {
    return new CommandOutcome(CommandStatus.SUCCEEDED, message, details);
  }

  public static CommandOutcome failed(String message, Map<String, Object> details) {
    return new CommandOutcome(CommandStatus.FAILED, message, details);
  }

  public static CommandOutcome failed(String message) {
    return failed(message, Map.of());
  }
}
