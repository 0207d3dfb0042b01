package io.otedama.controller.fleet;

import io.otedama.controller.api.ApiException;
import io.otedama.controller.auth.SecretTokens;
import io.otedama.controller.mqtt.mosquitto.MosquittoPasswordHash;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Exchanges an enrollment token and a hardware identity for a rig id and fresh MQTT credentials.
 * The same hardware identity always gets the same rig back; each enrollment rotates its secret.
 */
public class Enrollment {
  private static final Logger LOG = LoggerFactory.getLogger(Enrollment.class);
  private final Jdbi jdbi;
  private final Clock clock;
  private final RigCredentials credentials;
  private final RigPresence presence;
  private final String advertisedMqttUrl;

  public Enrollment(
      Jdbi jdbi,
      Clock clock,
      RigCredentials credentials,
      RigPresence presence,
      String advertisedMqttUrl) {
    this.jdbi = jdbi;
    this.clock = clock;
    this.credentials = credentials;
    this.presence = presence;
    this.advertisedMqttUrl = advertisedMqttUrl;
  }

  public record Request(String token, String hardwareId, String name, String model) {}

  public record Result(String rigId, String mqttUrl, String mqttUsername, String mqttPassword) {}

  private record TokenUse(long id, Long groupId) {}

  private record RigRow(String id, boolean inserted) {}

  public Result enroll(Request request, String remoteAddress) {
    String secret = SecretTokens.newToken();
    byte[] secretHash = SecretTokens.sha256(secret);
    // an external Mosquitto checks passwords against its own hash format (MosquittoAuthFiles)
    String mosquittoHash =
        MosquittoPasswordHash.hash(secret.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    Instant now = clock.instant();
    RigRow rig =
        jdbi.inTransaction(h -> {
          TokenUse use =
              consumeToken(h, request.token(), now)
                  .orElseThrow(() ->
                      ApiException.forbidden(
                          "The enrollment token is unknown, expired or used up."));
          RigRow row = upsertRig(h, request, use.groupId(), secretHash, remoteAddress, now);
          h.createUpdate("UPDATE rigs SET mqtt_password_mosquitto = :hash WHERE id = :id")
              .bind("hash", mosquittoHash)
              .bind("id", row.id())
              .execute();
          PresenceWriter.insertEvent(
              h,
              row.id(),
              now,
              row.inserted() ? "enrolled" : "re-enrolled",
              null,
              null,
              "hardware " + request.hardwareId() + ", token #" + use.id());
          return row;
        });
    credentials.remember(rig.id(), secretHash);
    presence.register(rig.id());
    LOG.info(
        "{} rig {} (hardware {})",
        rig.inserted() ? "Enrolled" : "Re-enrolled",
        rig.id(),
        request.hardwareId());
    return new Result(rig.id(), advertisedMqttUrl, rig.id(), secret);
  }

  private static Optional<TokenUse> consumeToken(Handle h, String token, Instant now) {
    return h.createQuery(
            "UPDATE enrollment_tokens SET uses_left = uses_left - 1"
                + " WHERE token_sha256 = :hash AND uses_left > 0 AND expires_at > :now"
                + " RETURNING id, group_id")
        .bind("hash", SecretTokens.sha256(token))
        .bind("now", now)
        .map((rs, ctx) -> new TokenUse(rs.getLong(1), (Long) rs.getObject(2)))
        .findOne();
  }

  private static RigRow upsertRig(
      Handle h,
      Request request,
      Long groupId,
      byte[] secretHash,
      String remoteAddress,
      Instant now) {
    String newId = RigIds.newId();
    String name = request.name() == null || request.name().isBlank() ? newId : request.name();
    // the operator's name and group win over what a re-enrolling agent says
    return h.createQuery(
            "INSERT INTO rigs (id, name, hardware_id, model, group_id, mqtt_secret_sha256,"
                + " ip_address, created_at, status_changed_at)"
                + " VALUES (:id, :name, :hw, :model, :group, :secret, :ip, :now, :now)"
                + " ON CONFLICT (hardware_id) DO UPDATE SET"
                + " mqtt_secret_sha256 = EXCLUDED.mqtt_secret_sha256,"
                + " model = COALESCE(EXCLUDED.model, rigs.model),"
                + " group_id = COALESCE(rigs.group_id, EXCLUDED.group_id),"
                + " ip_address = EXCLUDED.ip_address"
                + " RETURNING id, (xmax = 0) AS inserted")
        .bind("id", newId)
        .bind("name", name)
        .bind("hw", request.hardwareId())
        .bind("model", request.model())
        .bind("group", groupId)
        .bind("secret", secretHash)
        .bind("ip", remoteAddress)
        .bind("now", now)
        .map((rs, ctx) -> new RigRow(rs.getString(1), rs.getBoolean(2)))
        .one();
  }
}
