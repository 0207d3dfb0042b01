package io.otedama.dashboards;

/** What an external program did: its exit code and everything it printed. */
record ProcessOutcome(int exitCode, String stdout, String stderr) {

  String describe() {
    return "exit code " + exitCode + "\n--- stdout ---\n" + stdout + "\n--- stderr ---\n" + stderr;
  }
}
