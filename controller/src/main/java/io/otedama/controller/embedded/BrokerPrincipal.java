package io.otedama.controller.embedded;

import com.hivemq.extension.sdk.api.client.parameter.ConnectionAttributeStore;
import java.util.Optional;

/**
 * Who an authenticated broker connection is: the controller, or one rig. Kept in HiveMQ's
 * connection attribute store by the authenticator and read back by the authorizer.
 */
record BrokerPrincipal(boolean controller, String rigId) {

  private static final String KEY = "otedama.principal";
  private static final String CONTROLLER = "controller";
  private static final String RIG_PREFIX = "rig:";

  static BrokerPrincipal ofController() {
    return new BrokerPrincipal(true, null);
  }

  static BrokerPrincipal ofRig(String rigId) {
    return new BrokerPrincipal(false, rigId);
  }

  void storeIn(ConnectionAttributeStore store) {
    store.putAsString(KEY, controller ? CONTROLLER : RIG_PREFIX + rigId);
  }

  static Optional<BrokerPrincipal> readFrom(ConnectionAttributeStore store) {
    return store
        .getAsString(KEY)
        .map(value ->
            value.equals(CONTROLLER)
                ? ofController()
                : ofRig(value.substring(RIG_PREFIX.length())));
  }
}
