package io.otedama.agent.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code update:} section of agent.yml. */
class UpdateSettingsTest {
  @TempDir Path dir;

  private AgentConfig load(String yaml) throws Exception {
    Path file = dir.resolve("agent.yml");
    Files.writeString(file, yaml);
    return AgentConfigLoader.load(file);
  }

  @Test
  void readsTheUpdateSection() throws Exception {
    String key =
        Base64.getEncoder()
            .encodeToString(
                KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPublic().getEncoded());
    AgentConfig.UpdateSettings u =
        load("""
        update:
          publicKeys: ["%s"]
          target: /opt/otedama/agent/otedama-agent.jar
          restartCommand: [systemctl, restart, --no-block, otedama-agent]
          healthDeadline: 90s
          maxBoots: 2
        """
                .formatted(key))
            .update();
    assertThat(u.publicKeys()).containsExactly(key);
    assertThat(u.target()).isEqualTo(Path.of("/opt/otedama/agent/otedama-agent.jar"));
    assertThat(u.restart()).containsExactly("systemctl", "restart", "--no-block", "otedama-agent");
    assertThat(u.healthDeadline()).isEqualTo(Duration.ofSeconds(90));
    assertThat(u.maxBoots()).isEqualTo(2);
  }

  @Test
  void withoutTheSectionUpdatesAreOffAndTheRestartIsTheUnits() throws Exception {
    AgentConfig.UpdateSettings u = load("rig:\n  name: r1\n").update();
    assertThat(u.publicKeys()).isEmpty();
    assertThat(u.target()).isNull();
    assertThat(u.restart()).isEqualTo(List.of("sh", "-c", "kill -TERM $PPID"));
  }

  @Test
  void aKeyThatIsNotEd25519IsAnErrorNamingTheSetting() {
    assertThatThrownBy(() -> load("update:\n  publicKeys: [\"bm90IGEga2V5\"]\n"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("update.publicKeys")
        .hasMessageContaining("public key 0");
  }
}
