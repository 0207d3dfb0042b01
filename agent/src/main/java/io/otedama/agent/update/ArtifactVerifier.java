package io.otedama.agent.update;

import io.otedama.protocol.release.ReleaseSignatures;
import io.otedama.protocol.release.ReleaseSignatures.TrustedKey;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;

/**
 * Checks a downloaded artifact before anything else touches it: its size, its SHA-256, and the
 * Ed25519 signature over that digest against the keys this agent trusts (from its own
 * configuration, never from the command).
 */
public final class ArtifactVerifier {
  private final List<TrustedKey> keys;

  public ArtifactVerifier(List<TrustedKey> keys) {
    this.keys = List.copyOf(keys);
  }

  /** Returns the id of the key that signed it. */
  public String verify(Path file, UpdateRequest request) throws UpdateFailure {
    long size;
    byte[] digest;
    try {
      size = Files.size(file);
      if (size != request.size()) {
        throw new UpdateFailure(
            "size-mismatch", "size-mismatch: expected " + request.size() + " bytes, got " + size);
      }
      digest = ReleaseSignatures.sha256(file);
    } catch (IOException e) {
      throw new UpdateFailure("io", "cannot read the download: " + e.getMessage(), e);
    }
    String sha = HexFormat.of().formatHex(digest);
    if (!sha.equals(request.sha256())) {
      throw new UpdateFailure(
          "sha256-mismatch", "sha256-mismatch: expected " + request.sha256() + ", got " + sha);
    }
    if (keys.isEmpty()) {
      throw new UpdateFailure(
          "no-trusted-keys", "no-trusted-keys: this agent has no update.publicKeys configured");
    }
    try {
      return ReleaseSignatures.verify(keys, digest, request.signature())
          .map(TrustedKey::id)
          .orElseThrow(() ->
              new UpdateFailure(
                  "signature-invalid",
                  "signature-invalid: not signed by any of this agent's "
                      + keys.size()
                      + " trusted release key(s)"));
    } catch (IllegalArgumentException e) {
      throw new UpdateFailure("signature-invalid", "signature-invalid: " + e.getMessage(), e);
    }
  }
}
