package io.otedama.agent.update;

import io.otedama.agent.command.CommandOutcome;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Runs one {@code update-firmware} command: download (resumable) → verify size, SHA-256 and
 * signature → install, reporting {@code downloading}, {@code downloaded}, {@code verified}, {@code
 * installing} on the way. Nothing is installed that did not verify; a download that fails
 * verification is deleted, so a retry starts clean.
 */
public final class FirmwareUpdater {
  private static final System.Logger LOG = System.getLogger(FirmwareUpdater.class.getName());
  private final ArtifactDownloader downloader;
  private final ArtifactVerifier verifier;
  private final Installer installer;
  private final Path downloads;

  public FirmwareUpdater(
      ArtifactDownloader downloader,
      ArtifactVerifier verifier,
      Installer installer,
      Path downloads) {
    this.downloader = downloader;
    this.verifier = verifier;
    this.installer = installer;
    this.downloads = downloads;
  }

  public Installer installer() {
    return installer;
  }

  public ArtifactDownloader downloader() {
    return downloader;
  }

  public CommandOutcome update(String commandId, Map<String, Object> args, UpdateProgress progress)
      throws InterruptedException {
    UpdateRequest request;
    try {
      request = UpdateRequest.from(args);
    } catch (IllegalArgumentException e) {
      return failed("bad-arguments", "bad arguments: " + e.getMessage());
    }
    // named by digest: a retry of the same artifact resumes, another artifact never mixes in
    Path file = downloads.resolve(request.sha256() + ".download");
    try {
      Files.createDirectories(downloads);
      progress.stage("downloading", Map.of("stage", "downloading", "size", request.size()));
      try {
        downloader.download(request, file);
      } catch (UpdateFailure e) {
        if (!e.reason().equals("download")) {
          Files.deleteIfExists(file); // bytes that cannot be the artifact are not kept to resume
        }
        throw e;
      }
      progress.stage("downloaded", Map.of("stage", "downloaded"));
      String keyId;
      try {
        keyId = verifier.verify(file, request);
      } catch (UpdateFailure e) {
        Files.deleteIfExists(file);
        throw e;
      }
      progress.stage("verified", Map.of("stage", "verified", "keyId", keyId));
      progress.stage("installing", Map.of("stage", "installing", "version", request.version()));
      CommandOutcome outcome = installer.install(file, request, commandId);
      Files.deleteIfExists(file);
      return outcome;
    } catch (UpdateFailure e) {
      LOG.log(Level.WARNING, "update {0} refused: {1}", commandId, e.getMessage());
      return failed(e.reason(), e.getMessage());
    } catch (IOException e) {
      return failed("io", "io: " + e.getMessage());
    }
  }

  private static CommandOutcome failed(String reason, String message) {
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("stage", "failed");
    details.put("reason", reason);
    return CommandOutcome.failed(message, details);
  }
}
