package io.otedama.controller.firmware;

import static org.assertj.core.api.Assertions.assertThat;

import io.otedama.protocol.release.ReleaseSignatures;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code firmware keygen} and {@code firmware sign}, and the documented openssl line: Ed25519 is
 * deterministic, so both must print the very same signature, and it verifies against the key.
 */
class FirmwareSigningTest {
  @TempDir Path dir;
  final ByteArrayOutputStream out = new ByteArrayOutputStream();
  final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private PrintStream print(ByteArrayOutputStream b) {
    return new PrintStream(b, true, StandardCharsets.UTF_8);
  }

  @Test
  void signsLikeTheDocumentedOpensslLine() throws Exception {
    Path prefix = dir.resolve("release");
    assertThat(FirmwareCommand.keygen(prefix, print(out), print(err))).isZero();
    Path artifact = dir.resolve("agent.jar");
    byte[] content = new byte[100_000];
    new Random(9).nextBytes(content);
    Files.write(artifact, content);

    out.reset();
    Path key = dir.resolve("release.pem");
    assertThat(FirmwareCommand.sign(key, artifact, print(out), print(err))).isZero();
    String signature = out.toString(StandardCharsets.UTF_8).strip();

    var trusted =
        ReleaseSignatures.publicKeys(List.of(Files.readString(dir.resolve("release.pub.pem"))));
    assertThat(ReleaseSignatures.verify(trusted, ReleaseSignatures.sha256(artifact), signature))
        .isPresent();

    Process openssl =
        new ProcessBuilder(
                "sh",
                "-c",
                "openssl dgst -sha256 -binary -out \"$1.sha256\" \"$1\" && openssl pkeyutl -sign"
                    + " -rawin -inkey \"$2\" -in \"$1.sha256\" | base64 -w0",
                "sign",
                artifact.toString(),
                key.toString())
            .redirectErrorStream(true)
            .start();
    String fromOpenssl =
        new String(openssl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(openssl.waitFor()).as(fromOpenssl).isZero();
    assertThat(fromOpenssl.strip()).isEqualTo(signature);
  }

  @Test
  void anUnusableKeyIsOneLineAndExitCode2() throws Exception {
    Path notAKey = dir.resolve("not-a-key.pem");
    Files.writeString(notAKey, "hello");
    Path artifact = dir.resolve("a.bin");
    Files.write(artifact, new byte[] {1, 2, 3});
    assertThat(FirmwareCommand.sign(notAKey, artifact, print(out), print(err))).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8).lines()).hasSize(1);
    assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("otedama firmware sign: ");
    err.reset();
    assertThat(FirmwareCommand.sign(dir.resolve("missing.pem"), artifact, print(out), print(err)))
        .isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8).lines()).hasSize(1);
  }

  @Test
  void keygenNeverOverwritesAKey() throws Exception {
    Path prefix = dir.resolve("k");
    assertThat(FirmwareCommand.keygen(prefix, print(out), print(err))).isZero();
    String first = Files.readString(dir.resolve("k.pem"));
    assertThat(FirmwareCommand.keygen(prefix, print(out), print(err))).isEqualTo(2);
    assertThat(Files.readString(dir.resolve("k.pem"))).isEqualTo(first);
  }
}
