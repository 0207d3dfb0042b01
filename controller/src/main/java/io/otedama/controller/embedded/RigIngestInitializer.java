package io.otedama.controller.embedded;

import com.hivemq.extension.sdk.api.client.ClientContext;
import com.hivemq.extension.sdk.api.client.parameter.InitializerInput;
import com.hivemq.extension.sdk.api.services.intializer.ClientInitializer;

/**
 * Gives every rig's connection the {@link RigPublishIngest} interceptor. The controller's own
 * connection gets none: an interceptor moves each PUBLISH through HiveMQ's extension executor, and
 * the controller publishes a work assignment per rig at every job.
 */
final class RigIngestInitializer implements ClientInitializer {

  private final RigPublishIngest ingest;
  private final String controllerClientId;

  RigIngestInitializer(RigPublishIngest ingest, String controllerClientId) {
    this.ingest = ingest;
    this.controllerClientId = controllerClientId;
  }

  @Override
  public void initialize(InitializerInput input, ClientContext context) {
    if (!controllerClientId.equals(input.getClientInformation().getClientId())) {
      context.addPublishInboundInterceptor(ingest);
    }
  }
}
