package io.otedama.controller.embedded;

import com.hivemq.extension.sdk.api.auth.PublishAuthorizer;
import com.hivemq.extension.sdk.api.auth.SubscriptionAuthorizer;
import com.hivemq.extension.sdk.api.auth.parameter.PublishAuthorizerInput;
import com.hivemq.extension.sdk.api.auth.parameter.PublishAuthorizerOutput;
import com.hivemq.extension.sdk.api.auth.parameter.SubscriptionAuthorizerInput;
import com.hivemq.extension.sdk.api.auth.parameter.SubscriptionAuthorizerOutput;
import com.hivemq.extension.sdk.api.packets.publish.AckReasonCode;
import com.hivemq.extension.sdk.api.packets.subscribe.SubackReasonCode;
import io.otedama.protocol.topic.TopicAcl;
import java.util.Optional;

/**
 * Enforces CONTRACTS §5 on every PUBLISH (also the Last Will) and SUBSCRIBE with the protocol's
 * {@link TopicAcl}: the controller may do anything; a rig may publish only its own agent topics and
 * subscribe only under its own subtree. Pure string checks, cheap enough to run inline.
 */
final class BrokerTopicAuthorizer implements PublishAuthorizer, SubscriptionAuthorizer {

  @Override
  public void authorizePublish(PublishAuthorizerInput input, PublishAuthorizerOutput output) {
    Optional<BrokerPrincipal> principal =
        BrokerPrincipal.readFrom(input.getConnectionInformation().getConnectionAttributeStore());
    String topic = input.getPublishPacket().getTopic();
    if (principal.isPresent()
        && (principal.get().controller() || TopicAcl.mayPublish(principal.get().rigId(), topic))) {
      output.authorizeSuccessfully();
    } else {
      output.failAuthorization(
          AckReasonCode.NOT_AUTHORIZED, "a rig may publish only its own agent topics");
    }
  }

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
