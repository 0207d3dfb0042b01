package io.otedama.agent.command;

import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reboots by running a system command (default {@code systemctl reboot}; the agent's user needs the
 * right to, e.g. a polkit rule or a sudoers entry for exactly that command). Succeeds when the
 * command exits 0 in time; its id was recorded before it ran, so the redelivered command after the
 * reboot is not run again.
 */
public final class SystemReboot implements RebootAction {
  private final List<String> command;
  private final Duration timeout;

  public SystemReboot(List<String> command, Duration timeout) {
    if (command.isEmpty()) {
      throw new IllegalArgumentException("the reboot command is empty");
    }
    this.command = List.copyOf(command);
    this.timeout = timeout;
  }

  @Override
  public CommandOutcome reboot() throws InterruptedException {
    String line = String.join(" ", command);
    try {
      SystemCommandRunner.Result result = SystemCommandRunner.run(command, timeout);
      Map<String, Object> details = new LinkedHashMap<>();
      details.put("command", line);
      details.put("exitCode", (long) result.exitCode());
      if (!result.output().isEmpty()) {
        details.put("output", result.output());
      }
      if (result.exitCode() == 0) {
        return CommandOutcome.succeeded("reboot started (" + line + ")", details);
      }
      if (result.exitCode() < 0) {
        return CommandOutcome.failed(
            "the reboot command '" + line + "' did not finish within " + timeout.toSeconds() + " s",
            details);
      }
      String[] lines = result.output().split("\n");
      return CommandOutcome.failed(
          "the reboot command '"
              + line
              + "' exited with "
              + result.exitCode()
              + (result.output().isEmpty() ? "" : ": " + lines[lines.length - 1]),
          details);
    } catch (IOException e) {
      return CommandOutcome.failed(
          "cannot run the reboot command '" + line + "': " + e.getMessage());
    }
  }
}
