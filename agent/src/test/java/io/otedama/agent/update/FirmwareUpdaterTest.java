package io.otedama.agent.update;

import static org.assertj.core.api.Assertions.assertThat;

import io.otedama.agent.command.CommandOutcome;
import io.otedama.protocol.message.CommandStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Download with resume, and verification before anything else: a tampered artifact, a wrong size
 * and a signature by an untrusted key are refused, and the installer never sees them.
 */
class FirmwareUpdaterTest {
  static final ReleaseFixture RELEASE = new ReleaseFixture();
  @TempDir Path dir;

  static ArtifactDownloader downloader() {
    return new ArtifactDownloader(
        Duration.ofSeconds(5), Duration.ofSeconds(5), 3, Duration.ofMillis(20));
  }

  static final class RecordingInstaller implements Installer {
    final List<byte[]> installed = new ArrayList<>();

    @Override
    public CommandOutcome install(Path artifact, UpdateRequest request, String commandId)
        throws UpdateFailure {
      try {
        installed.add(Files.readAllBytes(artifact));
      } catch (java.io.IOException e) {
        throw new UpdateFailure("io", e.toString());
      }
      return CommandOutcome.succeeded("installed", Map.of("stage", "installed"));
    }
  }

  @Test
  void resumesADownloadAfterTheConnectionDropsMidBody() throws Exception {
    byte[] content = ReleaseFixture.bytes(300_000, 1);
    try (ArtifactServer server = new ArtifactServer(content, 2, true)) {
      ArtifactDownloader downloader = downloader();
      Path file = dir.resolve("a.download");
      downloader.download(UpdateRequest.from(RELEASE.args(server.url(), content, "2.0")), file);

      assertThat(Files.readAllBytes(file)).isEqualTo(content);
      assertThat(downloader.resumes()).isEqualTo(2);
      // first a whole request, cut at half; then ranges from where the file ended each time
      assertThat(server.ranges).hasSize(3);
      assertThat(server.ranges.get(0)).isEqualTo("none");
      assertThat(server.ranges.get(1)).isEqualTo("bytes=150000-");
      assertThat(server.ranges.get(2)).isEqualTo("bytes=225000-");
    }
  }

  @Test
  void startsOverWhenTheServerIgnoresRanges() throws Exception {
    byte[] content = ReleaseFixture.bytes(100_000, 2);
    try (ArtifactServer server = new ArtifactServer(content, 1, false)) {
      Path file = dir.resolve("b.download");
      downloader().download(UpdateRequest.from(RELEASE.args(server.url(), content, "2.0")), file);
      assertThat(Files.readAllBytes(file)).isEqualTo(content);
    }
  }

  @Test
  void installsAVerifiedArtifactReportingEachStage() throws Exception {
    byte[] content = ReleaseFixture.bytes(50_000, 3);
    RecordingInstaller installer = new RecordingInstaller();
    List<String> stages = new ArrayList<>();
    try (ArtifactServer server = new ArtifactServer(content, 0, true)) {
      FirmwareUpdater updater =
          new FirmwareUpdater(
              downloader(), new ArtifactVerifier(RELEASE.trusted()), installer, dir);
      CommandOutcome outcome =
          updater.update("c1", RELEASE.args(server.url(), content, "2.0"), (s, d) -> stages.add(s));
      assertThat(outcome.status()).isEqualTo(CommandStatus.SUCCEEDED);
    }
    assertThat(stages).containsExactly("downloading", "downloaded", "verified", "installing");
    assertThat(installer.installed).containsExactly(content);
  }

  @Test
  void refusesATamperedArtifact() throws Exception {
    byte[] content = ReleaseFixture.bytes(50_000, 4);
    Map<String, Object> args = new HashMap<>(RELEASE.args("http://x/", content, "2.0"));
    byte[] tampered = content.clone();
    tampered[1000] ^= 1;
    assertRefused(tampered, args, "sha256-mismatch");
  }

  @Test
  void refusesAWrongSize() throws Exception {
    byte[] content = ReleaseFixture.bytes(50_000, 5);
    Map<String, Object> args = new HashMap<>(RELEASE.args("http://x/", content, "2.0"));
    args.put("size", 49_999L);
    assertRefused(content, args, "size-mismatch");
  }

  @Test
  void refusesASignatureByAKeyItDoesNotTrust() throws Exception {
    byte[] content = ReleaseFixture.bytes(50_000, 6);
    ReleaseFixture other = new ReleaseFixture();
    Map<String, Object> args = new HashMap<>(other.args("http://x/", content, "2.0"));
    assertRefused(content, args, "signature-invalid");
  }

  private void assertRefused(byte[] served, Map<String, Object> args, String reason)
      throws Exception {
    RecordingInstaller installer = new RecordingInstaller();
    List<String> stages = new ArrayList<>();
    CommandOutcome outcome;
    try (ArtifactServer server = new ArtifactServer(served, 0, true)) {
      args.put("url", server.url());
      FirmwareUpdater updater =
          new FirmwareUpdater(
              downloader(), new ArtifactVerifier(RELEASE.trusted()), installer, dir);
      outcome = updater.update("c-" + reason, args, (s, d) -> stages.add(s));
    }
    assertThat(outcome.status()).isEqualTo(CommandStatus.FAILED);
    assertThat(outcome.message()).startsWith(reason);
    assertThat(outcome.details()).containsEntry("reason", reason);
    assertThat(stages).startsWith("downloading").doesNotContain("verified", "installing");
    assertThat(installer.installed).isEmpty();
    try (var left = Files.list(dir)) {
      assertThat(left).as("a refused download is deleted").isEmpty();
    }
  }
}
