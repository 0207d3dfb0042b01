package io.otedama.controller.embedded;

import com.hivemq.extension.sdk.api.auth.SubscriptionAuthorizer;
import com.hivemq.extension.sdk.api.auth.parameter.SubscriptionAuthorizerInput;
import com.hivemq.extension.sdk.api.auth.parameter.SubscriptionAuthorizerOutput;
import com.hivemq.extension.sdk.api.packets.subscribe.SubackReasonCode;
import io.otedama.protocol.topic.TopicAcl;
import java.util.Optional;

/**
 * Decides every SUBSCRIBE with the protocol's {@link TopicAcl}: the controller may subscribe to
 * anything, a rig only to filters that can match nothing outside its own subtree (no wildcard at or
 * above its id level, no shared subscriptions). Publishing is governed by the default permissions
 * the authenticator sets ({@link RigPublishPermissions}).
 */
final class BrokerSubscriptionAuthorizer implements SubscriptionAuthorizer {

  @Override
  public void authorizeSubscribe(
      SubscriptionAuthorizerInput input, SubscriptionAuthorizerOutput output) {
    Optional<BrokerPrincipal> principal =
        BrokerPrincipal.readFrom(input.getConnectionInformation().getConnectionAttributeStore());
    String filter = input.getSubscription().getTopicFilter();
    if (principal.isPresent()
        && (principal.get().controller()
            || TopicAcl.maySubscribe(principal.get().rigId(), filter))) {
      output.authorizeSuccessfully();
    } else {
      output.failAuthorization(
          SubackReasonCode.NOT_AUTHORIZED, "a rig may subscribe only under its own topic subtree");
    }
  }
}
