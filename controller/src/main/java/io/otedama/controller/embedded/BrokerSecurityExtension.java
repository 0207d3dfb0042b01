package io.otedama.controller.embedded;

import com.hivemq.extension.sdk.api.ExtensionMain;
import com.hivemq.extension.sdk.api.parameter.ExtensionStartInput;
import com.hivemq.extension.sdk.api.parameter.ExtensionStartOutput;
import com.hivemq.extension.sdk.api.parameter.ExtensionStopInput;
import com.hivemq.extension.sdk.api.parameter.ExtensionStopOutput;
import com.hivemq.extension.sdk.api.services.Services;

/**
 * The embedded extension (HiveMQ embeds one): it makes the broker check every client and every
 * topic and, when the controller takes rig messages in-process, adds {@link RigPublishIngest} to
 * the rigs' connections.
 */
final class BrokerSecurityExtension implements ExtensionMain {

  private final BrokerClientAuthenticator authenticator;
  private final BrokerSubscriptionAuthorizer authorizer = new BrokerSubscriptionAuthorizer();
  private final RigIngestInitializer ingest;

  /**
   * @param ingest the in-process ingest of rig messages, or null when they all go through the
   *     controller's subscription
   */
  BrokerSecurityExtension(BrokerClientAuthenticator authenticator, RigIngestInitializer ingest) {
    this.authenticator = authenticator;
    this.ingest = ingest;
  }

  @Override
  public void extensionStart(ExtensionStartInput input, ExtensionStartOutput output) {
    Services.securityRegistry().setAuthenticatorProvider(providerInput -> authenticator);
    Services.securityRegistry().setAuthorizerProvider(providerInput -> authorizer);
    if (ingest != null) {
      Services.initializerRegistry().setClientInitializer(ingest);
    }
  }

  @Override
  public void extensionStop(ExtensionStopInput input, ExtensionStopOutput output) {
    // HiveMQ removes the providers of a stopped extension itself.
  }
}
