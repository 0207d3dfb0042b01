package io.otedama.agent.command;

/** What {@code reboot} does: run the system's reboot command, or power-cycle a simulated rig. */
@FunctionalInterface
public interface RebootAction {
  CommandOutcome reboot() throws InterruptedException;
}
