package io.otedama.controller.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import io.otedama.controller.auth.SecretTokens;
import io.otedama.controller.support.MigratedDatabase;
import java.nio.charset.StandardCharsets;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

/** The broker's credential check against the cache and, on a miss, the rigs table. */
class RigCredentialsTest {

  static void storeRig(Jdbi jdbi, String id, String secret) {
    jdbi.useHandle(h ->
        h.createUpdate(
                "INSERT INTO rigs (id, name, hardware_id, mqtt_secret_sha256) VALUES (:id, :id,"
                    + " :id, :hash) ON CONFLICT (id) DO UPDATE SET mqtt_secret_sha256 ="
                    + " EXCLUDED.mqtt_secret_sha256")
            .bind("id", id)
            .bind("hash", SecretTokens.sha256(secret))
            .execute());
  }

  static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void loadsAtStartAndSeesSecretsRotatedElsewhere() {
    Jdbi jdbi = MigratedDatabase.create();
    storeRig(jdbi, "rig-aaaa", "secret-one");
    RigCredentials credentials = new RigCredentials(jdbi);
    credentials.loadAll();
    assertThat(credentials.authenticate("rig-aaaa", bytes("secret-one"))).contains("rig-aaaa");

    // another replica re-enrolled the rig: the new secret works here too, the old one no longer
    storeRig(jdbi, "rig-aaaa", "secret-two");
    assertThat(credentials.authenticate("rig-aaaa", bytes("secret-two"))).contains("rig-aaaa");
    assertThat(credentials.authenticate("rig-aaaa", bytes("secret-one"))).isEmpty();

    // enrolled elsewhere after our start
    storeRig(jdbi, "rig-bbbb", "secret-b");
    assertThat(credentials.authenticate("rig-bbbb", bytes("secret-b"))).contains("rig-bbbb");
  }

  @Test
  void refusesMalformedAndUnknownUsernames() {
    Jdbi jdbi = MigratedDatabase.create();
    RigCredentials credentials = new RigCredentials(jdbi);
    assertThat(credentials.authenticate("Rig-Upper", bytes("x"))).isEmpty();
    assertThat(credentials.authenticate("rig-x/../y", bytes("x"))).isEmpty();
    assertThat(credentials.authenticate("rig-unknown", bytes("x"))).isEmpty();
    assertThat(credentials.authenticate("rig-unknown", new byte[0])).isEmpty();
    assertThat(credentials.authenticate(null, bytes("x"))).isEmpty();
  }
}
