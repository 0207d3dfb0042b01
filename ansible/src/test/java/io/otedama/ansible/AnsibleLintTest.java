package io.otedama.ansible;

import static org.assertj.core.api.Assertions.assertThat;

import io.otedama.dashboards.ProcessOutcome;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The roles and playbooks pass ansible-lint with its strictest profile ({@code production}, set in
 * {@code .ansible-lint}), and ansible-playbook's syntax check accepts each playbook.
 */
class AnsibleLintTest {

  @TempDir Path scratch;

  @Test
  void ansibleLintPassesWithTheProductionProfile() {
    ProcessOutcome outcome = new AnsibleCommands(scratch).run("ansible-lint", "--nocolor");
    assertThat(outcome.exitCode()).as(outcome.describe()).isZero();
    assertThat(outcome.stdout() + outcome.stderr())
        .as(outcome.describe())
        .contains("Passed with production profile: 0 failure(s), 0 warning(s)");
  }

  @Test
  void everyPlaybookPassesTheSyntaxCheck() {
    // One ansible-playbook process for all three: Ansible's start-up is most of the cost.
    ProcessOutcome outcome =
        new AnsibleCommands(scratch)
            .run(
                "ansible-playbook",
                "--syntax-check",
                "-i",
                "inventory/hosts.example.ini",
                "site.yml",
                "agents.yml",
                "upgrade-agents.yml");
    assertThat(outcome.exitCode()).as(outcome.describe()).isZero();
    assertThat(outcome.stdout())
        .contains("playbook: site.yml", "playbook: agents.yml", "playbook: upgrade-agents.yml");
  }

  @Test
  void theSyntaxCheckCatchesABrokenPlaybook() throws Exception {
    Path broken = scratch.resolve("broken.yml");
    java.nio.file.Files.writeString(
        broken,
        "- name: Broken\n  hosts: all\n  tasks:\n    - name: No module\n      nosuchkey: {}\n");
    ProcessOutcome outcome =
        new AnsibleCommands(scratch)
            .run(
                "ansible-playbook",
                "--syntax-check",
                "-i",
                "inventory/hosts.example.ini",
                broken.toString());
    assertThat(outcome.exitCode()).as(outcome.describe()).isNotZero();
  }
}
