package io.otedama.dashboards;

/**
 * What an external program did: its exit code and everything it printed. Public for the ansible
 * module's tests, which run their programs through {@link ExternalProcess} too.
 */
public record ProcessOutcome(int exitCode, String stdout, String stderr) {

  public String describe() {
    return "exit code " + exitCode + "\n--- stdout ---\n" + stdout + "\n--- stderr ---\n" + stderr;
  }
}
