package io.otedama.ansible;

import static org.assertj.core.api.Assertions.assertThat;

import io.otedama.dashboards.ProcessOutcome;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Debian's {@code ansible} and {@code ansible-lint} packages are installed. */
class AnsibleToolsTest {

  @TempDir Path scratch;

  @Test
  void ansiblePlaybookRuns() {
    ProcessOutcome outcome = new AnsibleCommands(scratch).run("ansible-playbook", "--version");
    assertThat(outcome.exitCode()).as(outcome.describe()).isZero();
    assertThat(outcome.stdout()).contains("ansible-playbook [core 2.");
  }

  @Test
  void ansibleLintRuns() {
    ProcessOutcome outcome = new AnsibleCommands(scratch).run("ansible-lint", "--version");
    assertThat(outcome.exitCode()).as(outcome.describe()).isZero();
    assertThat(outcome.stdout() + outcome.stderr()).contains("ansible-lint");
  }
}
