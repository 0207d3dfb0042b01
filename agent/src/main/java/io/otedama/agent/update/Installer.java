package io.otedama.agent.update;

import io.otedama.agent.command.CommandOutcome;
import java.nio.file.Path;

/** Puts a verified artifact in place. */
public interface Installer {

  /**
   * Installs {@code artifact} (already verified). Returns {@code succeeded} when the new version
   * runs now, {@code acked} when the result follows after a restart (self-update), or {@code
   * failed} with the reason.
   */
  CommandOutcome install(Path artifact, UpdateRequest request, String commandId)
      throws UpdateFailure, InterruptedException;
}
