package io.otedama.controller.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.otedama.protocol.release.ReleaseSignatures;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo's release key: made once and kept (owner-only private half), trusted by the demo's
 * controller configuration, and what the {@code firmware sign} command reads signs artifacts the
 * controller then accepts.
 */
class DemoReleaseKeyTest {
  @TempDir Path data;

  @Test
  void theDemoMakesAReleaseKeyOnceAndTrustsIt() throws Exception {
    DemoReleaseKey key = DemoReleaseKey.resolve(data);
    assertThat(key.privateKeyFile()).isEqualTo(data.resolve("demo-release-key.pem"));
    assertThat(Files.getPosixFilePermissions(key.privateKeyFile()))
        .isEqualTo(PosixFilePermissions.fromString("rw-------"));
    assertThat(DemoReleaseKey.resolve(data)).isEqualTo(key); // kept across starts

    // what `otedama-controller firmware sign --key data/demo-release-key.pem FILE` does
    byte[] digest = ReleaseSignatures.sha256().digest("an artifact".getBytes());
    String signature =
        ReleaseSignatures.sign(
            ReleaseSignatures.privateKey(Files.readString(key.privateKeyFile())), digest);

    Path yaml = DemoConfig.write(data, 8080, "demo-password", key);
    JsonNode config = new ObjectMapper(new YAMLFactory()).readTree(yaml.toFile());
    JsonNode keys = config.path("firmware").path("publicKeys");
    assertThat(keys).hasSize(1);
    var trusted = ReleaseSignatures.publicKeys(List.of(keys.get(0).asText()));
    assertThat(ReleaseSignatures.verify(trusted, digest, signature))
        .hasValueSatisfying(k -> assertThat(k.id()).isEqualTo(key.keyId()));
    assertThat(config.path("firmware").path("storageDir").asText())
        .isEqualTo(data.resolve("firmware").toAbsolutePath().toString());
    assertThat(Files.readString(key.publicKeyFile(), StandardCharsets.UTF_8))
        .startsWith("-----BEGIN PUBLIC KEY-----");
  }

  @Test
  void aDamagedKeyIsReplaced() throws Exception {
    DemoReleaseKey first = DemoReleaseKey.resolve(data);
    Files.writeString(first.privateKeyFile(), "not a key");
    DemoReleaseKey second = DemoReleaseKey.resolve(data);
    assertThat(second.keyId()).isNotEqualTo(first.keyId());
    assertThat(ReleaseSignatures.privateKey(Files.readString(second.privateKeyFile()))).isNotNull();
  }
}
