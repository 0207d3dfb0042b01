package io.otedama.controller.mqtt;

import io.otedama.controller.commands.CommandPublisher;
import io.otedama.protocol.message.CommandMessage;
import io.otedama.protocol.topic.TopicKind;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;

/**
 * Sends a stored command on the rig's {@code cmd} topic at QoS 1, with the command id as MQTT 5
 * correlation data and a message expiry so a broker does not hand a stale command to a rig that
 * comes back after it expired. Returns as soon as Paho has the message; the agent's answer comes
 * back on {@code cmd/result}.
 */
public final class MqttCommandPublisher implements CommandPublisher {

  private final RigMessagePublisher publisher;
  private final Clock clock;

  public MqttCommandPublisher(RigMessagePublisher publisher, Clock clock) {
    this.publisher = publisher;
    this.clock = clock;
  }

  @Override
  public void publish(
      String rigId,
      String commandId,
      String type,
      Map<String, Object> args,
      Instant issuedAt,
      Instant expiresAt) {
    Instant now = clock.instant();
    CommandMessage command =
        new CommandMessage(
            now.toEpochMilli(),
            commandId,
            type,
            args == null ? Map.of() : args,
            issuedAt.toEpochMilli(),
            expiresAt.toEpochMilli());
    MqttProperties properties = new MqttProperties();
    properties.setCorrelationData(commandId.getBytes(StandardCharsets.UTF_8));
    long expirySeconds = Math.max(1, Duration.between(now, expiresAt).toSeconds());
    properties.setMessageExpiryInterval(expirySeconds);
    try {
      publisher.publish(rigId, TopicKind.CMD, command, properties);
    } catch (MqttException e) {
      throw new IllegalStateException(
          "command " + commandId + " for rig " + rigId + " not sent: " + e.getMessage(), e);
    }
  }
}
