package io.otedama.ansible;

import io.otedama.dashboards.ExternalProcess;
import io.otedama.dashboards.ProcessOutcome;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs Ansible's programs from the module directory with the module's ansible.cfg, and with
 * Ansible's home and temporary directories inside {@code scratch}, so parallel builds and the
 * user's own Ansible setup never meet.
 */
final class AnsibleCommands {

  private static final Duration LIMIT = Duration.ofMinutes(3);

  private final Map<String, String> environment = new HashMap<>();

  AnsibleCommands(Path scratch) {
    try {
      Path home = Files.createDirectories(scratch.resolve("ansible-home"));
      environment.put("ANSIBLE_CONFIG", AnsibleLayout.module().resolve("ansible.cfg").toString());
      environment.put("ANSIBLE_HOME", home.toString());
      environment.put(
          "ANSIBLE_LOCAL_TEMP", Files.createDirectories(home.resolve("tmp")).toString());
      environment.put(
          "ANSIBLE_REMOTE_TEMP", Files.createDirectories(home.resolve("remote-tmp")).toString());
      environment.put("ANSIBLE_NOCOLOR", "1");
      environment.put("ANSIBLE_FORCE_COLOR", "0");
      environment.put("NO_COLOR", "1");
      environment.put(
          "XDG_CACHE_HOME", Files.createDirectories(scratch.resolve("cache")).toString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  AnsibleCommands with(String name, String value) {
    environment.put(name, value);
    return this;
  }

  ProcessOutcome run(String... command) {
    return ExternalProcess.run(AnsibleLayout.module(), LIMIT, environment, List.of(command));
  }

  ProcessOutcome playbook(Path inventory, Path extraVars, String playbook, String... more) {
    List<String> command =
        new ArrayList<>(
            List.of(
                "ansible-playbook", "-i", inventory.toString(), "-e", "@" + extraVars, playbook));
    command.addAll(List.of(more));
    return ExternalProcess.run(AnsibleLayout.module(), LIMIT, environment, command);
  }
}
