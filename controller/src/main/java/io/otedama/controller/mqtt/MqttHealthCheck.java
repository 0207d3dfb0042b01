package io.otedama.controller.mqtt;

import com.codahale.metrics.health.HealthCheck;

/** Healthy while the controller's MQTT client is connected and its subscriptions are in place. */
public final class MqttHealthCheck extends HealthCheck {

  private final ControllerMqttClient client;

  public MqttHealthCheck(ControllerMqttClient client) {
    this.client = client;
  }

  @Override
  protected Result check() {
    if (client.isConnected()) {
      return Result.healthy(
          "connected to %s since %s", client.serverUrl(), client.connectedSince());
    }
    String problem = client.lastProblem();
    return Result.unhealthy(
        "not connected to %s: %s", client.serverUrl(), problem == null ? "subscribing" : problem);
  }
}
