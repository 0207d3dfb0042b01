package io.otedama.agent.update;

import java.io.IOException;
import java.util.List;

/**
 * Asks the service manager to restart the agent (e.g. {@code systemctl restart --no-block
 * otedama-agent}). Started, not awaited: the restart ends this process.
 */
public final class RestartCommand {
  private final List<String> command;

  public RestartCommand(List<String> command) {
    if (command.isEmpty()) {
      throw new IllegalArgumentException("the restart command is empty");
    }
    this.command = List.copyOf(command);
  }

  public List<String> command() {
    return command;
  }

  void run() throws IOException {
    new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .start();
  }
}
