package io.otedama.agent.update;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * The marker a self-update leaves for the next start ({@code update-pending.json} in the state
 * directory): which command and version, the version it replaced, and where it stands: {@code
 * awaiting-health} (the new version must pass its health check) or {@code rolled-back} (the old
 * version is back and must report it). {@code boots} counts starts without a passed check.
 */
public record PendingUpdate(
    String commandId,
    String version,
    String previousVersion,
    String phase,
    int boots,
    String reason) {
  public static final String AWAITING_HEALTH = "awaiting-health";
  public static final String ROLLED_BACK = "rolled-back";
  private static final ObjectMapper JSON = new ObjectMapper();

  public static Optional<PendingUpdate> read(Path file) {
    if (!Files.exists(file)) {
      return Optional.empty();
    }
    try {
      return Optional.of(JSON.readValue(file.toFile(), PendingUpdate.class));
    } catch (IOException e) {
      return Optional.empty(); // unreadable: nothing can be done with it
    }
  }

  /** Writes atomically (temp file, then rename), so a crash never leaves half a marker. */
  public void write(Path file) throws IOException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    Path temp = file.resolveSibling(file.getFileName() + ".tmp");
    JSON.writeValue(temp.toFile(), this);
    Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  PendingUpdate with(String newPhase, int newBoots, String newReason) {
    return new PendingUpdate(commandId, version, previousVersion, newPhase, newBoots, newReason);
  }
}
