package io.otedama.controller.firmware;

import io.otedama.controller.api.ApiException;
import io.otedama.protocol.release.ReleaseSignatures;
import io.otedama.protocol.release.ReleaseSignatures.TrustedKey;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * Artifacts: the bytes on disk under {@code storageDir} (one file per SHA-256), the metadata in
 * {@code firmware_artifacts}. An upload is streamed to a temporary file while it is hashed, checked
 * against the size limit and the signature, and only then kept.
 */
public final class ArtifactStore {
  static final Pattern VERSION = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._+~-]{0,63}");
  static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
  private static final String SELECT =
      "SELECT id, name, version, kind, models, sha256, size_bytes, signature, key_id, file_name,"
          + " uploaded_by, created_at FROM firmware_artifacts";

  private final Jdbi jdbi;
  private final Path dir;
  private final long maxBytes;
  private final List<TrustedKey> keys;
  private final FirmwareMetrics metrics;
  private final Clock clock;

  ArtifactStore(
      Jdbi jdbi,
      Path dir,
      long maxBytes,
      List<TrustedKey> keys,
      FirmwareMetrics metrics,
      Clock clock) {
    this.jdbi = jdbi;
    this.dir = dir;
    this.maxBytes = maxBytes;
    this.keys = keys;
    this.metrics = metrics;
    this.clock = clock;
  }

  /** What the uploader says about the bytes. */
  public record Upload(
      String name, String version, String kind, List<String> models, String signature) {}

  /** Stores an upload after checking it; the body is read to its end or to the limit. */
  public Artifact upload(Upload meta, InputStream body, String uploadedBy) {
    checkMeta(meta);
    if (keys.isEmpty()) {
      throw ApiException.conflict(
          "No release public keys are configured (firmware.publicKeys); uploads cannot be"
              + " verified, so none are accepted.");
    }
    byte[] signature;
    try {
      signature = ReleaseSignatures.decodeSignature(meta.signature());
    } catch (IllegalArgumentException e) {
      metrics.uploadRejected("signature");
      throw ApiException.badRequest("The signature is unusable: " + e.getMessage() + ".");
    }
    Path temp = null;
    try {
      Files.createDirectories(dir);
      temp = Files.createTempFile(dir, "upload-", ".part");
      MessageDigest md = ReleaseSignatures.sha256();
      long size = 0;
      try (OutputStream out = Files.newOutputStream(temp)) {
        byte[] buffer = new byte[64 * 1024];
        for (int n; (n = body.read(buffer)) > 0; ) {
          size += n;
          if (size > maxBytes) {
            metrics.uploadRejected("too_large");
            throw new ApiException(
                413, "The artifact is larger than the limit of " + maxBytes + " bytes.");
          }
          md.update(buffer, 0, n);
          out.write(buffer, 0, n);
        }
      }
      if (size == 0) {
        metrics.uploadRejected("empty");
        throw ApiException.badRequest("The artifact is empty; send its bytes as the body.");
      }
      byte[] digest = md.digest();
      Optional<TrustedKey> signer =
          ReleaseSignatures.verify(
              keys, digest, java.util.Base64.getEncoder().encodeToString(signature));
      if (signer.isEmpty()) {
        metrics.uploadRejected("signature");
        throw new ApiException(
            422,
            "The signature does not verify against any configured release key: it was not made"
                + " over this artifact's SHA-256 by a trusted key.");
      }
      String sha = HexFormat.of().formatHex(digest);
      String fileName = sha + ".bin";
      Files.move(temp, dir.resolve(fileName), StandardCopyOption.REPLACE_EXISTING);
      temp = null;
      long finalSize = size;
      long id =
          jdbi.withHandle(h ->
                  h.createQuery(
                          "INSERT INTO firmware_artifacts (name, version, kind, models, sha256,"
                              + " size_bytes, signature, key_id, file_name, uploaded_by,"
                              + " created_at) VALUES (:name, :version, :kind, :models, :sha,"
                              + " :size, :signature, :keyId, :file, :by, :now)"
                              + " ON CONFLICT (name, version) DO NOTHING RETURNING id")
                      .bind("name", meta.name())
                      .bind("version", meta.version())
                      .bind("kind", meta.kind())
                      .bindArray("models", String.class, meta.models())
                      .bind("sha", sha)
                      .bind("size", finalSize)
                      .bind("signature", meta.signature().strip())
                      .bind("keyId", signer.get().id())
                      .bind("file", fileName)
                      .bind("by", uploadedBy)
                      .bind("now", clock.instant())
                      .mapTo(Long.class)
                      .findOne())
              .orElseThrow(() ->
                  ApiException.conflict(
                      "An artifact "
                          + meta.name()
                          + " version "
                          + meta.version()
                          + " already exists; give the new one another version."));
      metrics.uploaded();
      return find(id).orElseThrow();
    } catch (IOException e) {
      throw new UncheckedIOException("Storing the artifact failed", e);
    } finally {
      if (temp != null) {
        try {
          Files.deleteIfExists(temp);
        } catch (IOException ignored) {
          // a leftover .part file is harmless
        }
      }
    }
  }

  private static void checkMeta(Upload meta) {
    if (meta.name() == null || !NAME.matcher(meta.name()).matches()) {
      throw ApiException.badRequest(
          "name is required: 1 to 64 letters, digits, '.', '_' or '-' (e.g. otedama-agent).");
    }
    if (meta.version() == null || !VERSION.matcher(meta.version()).matches()) {
      throw ApiException.badRequest(
          "version is required: 1 to 64 letters, digits and . _ + ~ - (e.g. 1.4.0).");
    }
    if (!List.of("agent", "miner").contains(meta.kind())) {
      throw ApiException.badRequest("kind must be agent or miner.");
    }
    for (String m : meta.models()) {
      if (m.isBlank() || m.length() > 128) {
        throw ApiException.badRequest("Each model must be 1 to 128 characters.");
      }
    }
  }

  public Optional<Artifact> find(long id) {
    return jdbi.withHandle(h ->
        h.createQuery(SELECT + " WHERE id = :id").bind("id", id).map(ArtifactStore::map).findOne());
  }

  public List<Artifact> list() {
    return jdbi.withHandle(h ->
        h.createQuery(SELECT + " ORDER BY created_at DESC, id DESC LIMIT 500")
            .map(ArtifactStore::map)
            .list());
  }

  /** The artifact's bytes on disk. */
  public Path file(Artifact artifact) {
    return dir.resolve(artifact.fileName());
  }

  static Artifact map(ResultSet rs, StatementContext ctx) throws SQLException {
    return new Artifact(
        rs.getLong("id"),
        rs.getString("name"),
        rs.getString("version"),
        rs.getString("kind"),
        Arrays.asList((String[]) rs.getArray("models").getArray()),
        rs.getString("sha256"),
        rs.getLong("size_bytes"),
        rs.getString("signature"),
        rs.getString("key_id"),
        rs.getString("file_name"),
        rs.getString("uploaded_by"),
        rs.getTimestamp("created_at").toInstant());
  }
}
