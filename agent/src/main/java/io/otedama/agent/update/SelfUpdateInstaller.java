package io.otedama.agent.update;

import io.otedama.agent.command.CommandOutcome;
import io.otedama.protocol.message.CommandStatus;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * The agent replacing itself: stage the verified artifact beside the installed jar (or runtime
 * image), swap it in keeping the previous one, leave a {@link PendingUpdate} marker, and ask the
 * service manager to restart. The final result comes from {@link UpdateHealthWatch} in the new
 * process (installed), or from the rollback (failed, rolled back). When the restart cannot even be
 * asked for, the swap is undone at once.
 */
public final class SelfUpdateInstaller implements Installer {
  private final InstallLayout layout;
  private final RestartCommand restart;
  private final Path marker;
  private final String currentVersion;

  public SelfUpdateInstaller(
      InstallLayout layout, RestartCommand restart, Path marker, String currentVersion) {
    this.layout = layout;
    this.restart = restart;
    this.marker = marker;
    this.currentVersion = currentVersion;
  }

  @Override
  public CommandOutcome install(Path artifact, UpdateRequest request, String commandId)
      throws UpdateFailure {
    if (!"agent".equals(request.kind())) {
      throw new UpdateFailure(
          "unsupported",
          "unsupported: this agent installs only agent releases, not " + request.kind());
    }
    try {
      layout.stage(artifact);
      layout.swapIn();
      new PendingUpdate(
              commandId, request.version(), currentVersion, PendingUpdate.AWAITING_HEALTH, 0, null)
          .write(marker);
    } catch (IOException e) {
      throw new UpdateFailure("install", "install: " + e.getMessage(), e);
    }
    try {
      restart.run();
    } catch (IOException e) {
      try {
        layout.rollBack();
        java.nio.file.Files.deleteIfExists(marker);
      } catch (IOException again) {
        e.addSuppressed(again);
      }
      throw new UpdateFailure(
          "restart",
          "restart: cannot run "
              + String.join(" ", restart.command())
              + ": "
              + e.getMessage()
              + "; the previous version stays",
          e);
    }
    return new CommandOutcome(
        CommandStatus.ACKED,
        "installed " + request.version() + "; restarting through the service manager",
        Map.of("stage", "installing", "version", request.version(), "restarting", true));
  }
}
