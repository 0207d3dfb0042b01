package io.otedama.controller.fleet;

import io.otedama.controller.auth.SecretTokens;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.jdbi.v3.core.Jdbi;

/**
 * The broker's credential check for rigs: rig id to SHA-256 of its MQTT secret, held in memory
 * (loaded at start, refreshed on enrollment) so a reconnect storm of 10,000 rigs costs 10,000
 * hashes and map lookups, not 10,000 queries. A miss or mismatch re-reads the row once, which
 * covers secrets rotated by another replica.
 */
public class RigCredentials implements RigAuthenticator {
  private final Jdbi jdbi;
  private final ConcurrentMap<String, byte[]> hashes = new ConcurrentHashMap<>();

  public RigCredentials(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  /** Loads every enrolled rig's secret hash. */
  public void loadAll() {
    jdbi.useHandle(h ->
        h.createQuery(
                "SELECT id, mqtt_secret_sha256 FROM rigs WHERE mqtt_secret_sha256 IS NOT NULL")
            .map((rs, ctx) -> {
              hashes.put(rs.getString(1), rs.getBytes(2));
              return null;
            })
            .list());
  }

  /** Called after an enrollment commits: the new secret works at once, the old one no longer. */
  public void remember(String rigId, byte[] secretSha256) {
    hashes.put(rigId, secretSha256);
  }

  @Override
  public Optional<String> authenticate(String username, byte[] password) {
    if (!RigIds.isValid(username) || password == null || password.length == 0) {
      return Optional.empty();
    }
    byte[] presented = SecretTokens.sha256(password);
    if (SecretTokens.sameHash(hashes.get(username), presented)) {
      return Optional.of(username);
    }
    byte[] stored = reload(username);
    return SecretTokens.sameHash(stored, presented) ? Optional.of(username) : Optional.empty();
  }

  private byte[] reload(String rigId) {
    byte[] stored =
        jdbi.withHandle(h ->
            h.createQuery("SELECT mqtt_secret_sha256 FROM rigs WHERE id = :id")
                .bind("id", rigId)
                .mapTo(byte[].class)
                .findOne()
                .orElse(null));
    if (stored != null) {
      hashes.put(rigId, stored);
    } else {
      hashes.remove(rigId);
    }
    return stored;
  }
}
