package io.otedama.controller.embedded;

import com.hivemq.extension.sdk.api.async.Async;
import com.hivemq.extension.sdk.api.async.TimeoutFallback;
import com.hivemq.extension.sdk.api.auth.SimpleAuthenticator;
import com.hivemq.extension.sdk.api.auth.parameter.SimpleAuthInput;
import com.hivemq.extension.sdk.api.auth.parameter.SimpleAuthOutput;
import com.hivemq.extension.sdk.api.packets.auth.DefaultAuthorizationBehaviour;
import com.hivemq.extension.sdk.api.packets.connect.ConnackReasonCode;
import com.hivemq.extension.sdk.api.packets.connect.ConnectPacket;
import io.otedama.controller.fleet.RigAuthenticator;
import io.otedama.controller.mqtt.ControllerCredentials;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Admits the controller by its secret and rigs through {@link RigAuthenticator}; refuses anonymous
 * clients and wrong credentials. Each admitted client gets its publish rights as default
 * permissions: everything for the controller, its own agent topics for a rig ({@link
 * RigPublishPermissions}). A rig must use its rig id as MQTT client id: otherwise one rig could
 * take over another rig's (or the controller's) persistent session and its subscriptions.
 *
 * <p>The rig lookup may touch the database, so it runs on {@code lookups} with HiveMQ's async
 * output instead of blocking a broker thread.
 */
final class BrokerClientAuthenticator implements SimpleAuthenticator {

  private static final Logger log = LoggerFactory.getLogger(BrokerClientAuthenticator.class);
  private static final Duration LOOKUP_TIMEOUT = Duration.ofSeconds(10);

  private final ControllerCredentials controller;
  private final RigAuthenticator rigs;
  private final Executor lookups;

  BrokerClientAuthenticator(
      ControllerCredentials controller, RigAuthenticator rigs, Executor lookups) {
    this.controller = controller;
    this.rigs = rigs;
    this.lookups = lookups;
  }

  @Override
  public void onConnect(SimpleAuthInput input, SimpleAuthOutput output) {
    ConnectPacket connect = input.getConnectPacket();
    Optional<String> username = connect.getUserName();
    Optional<ByteBuffer> password = connect.getPassword();
    if (username.isEmpty() || password.isEmpty()) {
      output.failAuthentication(
          ConnackReasonCode.NOT_AUTHORIZED, "anonymous clients are not allowed");
      return;
    }
    byte[] secret = bytesOf(password.get());
    if (username.get().equals(controller.username())) {
      if (controller.matches(username.get(), secret)) {
        BrokerPrincipal.ofController()
            .storeIn(input.getConnectionInformation().getConnectionAttributeStore());
        output.getDefaultPermissions().setDefaultBehaviour(DefaultAuthorizationBehaviour.ALLOW);
        output.authenticateSuccessfully();
      } else {
        output.failAuthentication(
            ConnackReasonCode.BAD_USER_NAME_OR_PASSWORD, "bad user name or password");
      }
      return;
    }
    Async<SimpleAuthOutput> async =
        output.async(LOOKUP_TIMEOUT, TimeoutFallback.FAILURE, ConnackReasonCode.SERVER_BUSY);
    String clientId = connect.getClientId();
    try {
      lookups.execute(
          () -> authenticateRig(input, output, username.get(), secret, clientId, async));
    } catch (RuntimeException rejected) {
      output.failAuthentication(ConnackReasonCode.SERVER_BUSY, "authentication unavailable");
      async.resume();
    }
  }

  private void authenticateRig(
      SimpleAuthInput input,
      SimpleAuthOutput output,
      String username,
      byte[] secret,
      String clientId,
      Async<SimpleAuthOutput> async) {
    try {
      Optional<String> rigId = rigs.authenticate(username, secret);
      if (rigId.isEmpty()) {
        output.failAuthentication(
            ConnackReasonCode.BAD_USER_NAME_OR_PASSWORD, "bad user name or password");
      } else if (!rigId.get().equals(clientId)) {
        output.failAuthentication(
            ConnackReasonCode.CLIENT_IDENTIFIER_NOT_VALID,
            "a rig must connect with its rig id as client id");
      } else {
        BrokerPrincipal.ofRig(rigId.get())
            .storeIn(input.getConnectionInformation().getConnectionAttributeStore());
        output.getDefaultPermissions().addAll(RigPublishPermissions.forRig(rigId.get()));
        output.getDefaultPermissions().setDefaultBehaviour(DefaultAuthorizationBehaviour.DENY);
        output.authenticateSuccessfully();
      }
    } catch (RuntimeException e) {
      log.warn("Rig authentication for {} failed: {}", username, e.toString());
      output.failAuthentication(ConnackReasonCode.SERVER_UNAVAILABLE, "authentication failed");
    } finally {
      async.resume();
    }
  }

  private static byte[] bytesOf(ByteBuffer buffer) {
    ByteBuffer copy = buffer.asReadOnlyBuffer();
    byte[] bytes = new byte[copy.remaining()];
    copy.get(bytes);
    return bytes;
  }
}
