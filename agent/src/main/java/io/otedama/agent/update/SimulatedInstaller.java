package io.otedama.agent.update;

import io.otedama.agent.command.CommandOutcome;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * The fleet simulator's install: the rig takes the new version (it reports it in its next birth)
 * and "restarts" through {@code restart}. A test can make the next installs fail with {@link
 * #failWith}, like a flash write error on real hardware.
 */
public final class SimulatedInstaller implements Installer {
  private final AtomicReference<String> failure = new AtomicReference<>();
  private final Consumer<String> restart;
  private volatile int installs;

  /**
   * @param restart takes the new version and restarts the simulated rig with it
   */
  public SimulatedInstaller(Consumer<String> restart) {
    this.restart = restart;
  }

  /** Every install fails with {@code reason} from now on (null: installs work again). */
  public void failWith(String reason) {
    failure.set(reason);
  }

  /** Installs that succeeded. */
  public int installs() {
    return installs;
  }

  @Override
  public CommandOutcome install(Path artifact, UpdateRequest request, String commandId)
      throws UpdateFailure {
    String reason = failure.get();
    if (reason != null) {
      throw new UpdateFailure("install", "install: " + reason);
    }
    installs++;
    restart.accept(request.version());
    return CommandOutcome.succeeded(
        "installed " + request.version() + " (simulated)",
        Map.of("stage", "installed", "version", request.version()));
  }
}
