package io.otedama.controller.embedded;

import com.hivemq.extension.sdk.api.ExtensionMain;
import com.hivemq.extension.sdk.api.parameter.ExtensionStartInput;
import com.hivemq.extension.sdk.api.parameter.ExtensionStartOutput;
import com.hivemq.extension.sdk.api.parameter.ExtensionStopInput;
import com.hivemq.extension.sdk.api.parameter.ExtensionStopOutput;
import com.hivemq.extension.sdk.api.services.Services;

/** The embedded extension that makes the broker check every client and every topic. */
final class BrokerSecurityExtension implements ExtensionMain {

  private final BrokerClientAuthenticator authenticator;
  private final BrokerSubscriptionAuthorizer authorizer = new BrokerSubscriptionAuthorizer();

  BrokerSecurityExtension(BrokerClientAuthenticator authenticator) {
    this.authenticator = authenticator;
  }

  @Override
  public void extensionStart(ExtensionStartInput input, ExtensionStartOutput output) {
    Services.securityRegistry().setAuthenticatorProvider(providerInput -> authenticator);
    Services.securityRegistry().setAuthorizerProvider(providerInput -> authorizer);
  }

  @Override
  public void extensionStop(ExtensionStopInput input, ExtensionStopOutput output) {
    // HiveMQ removes the providers of a stopped extension itself.
  }
}
