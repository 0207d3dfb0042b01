package io.otedama.controller.mqtt;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.otedama.controller.work.WorkAssignmentPublisher;
import io.otedama.protocol.message.WorkAssignmentMessage;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Work assignments out through the edge's client: retained, QoS 1, on the rig's {@code work} topic.
 * A publish Paho refuses (not connected, too many in flight) is counted and logged; the next job or
 * retarget sends the rig fresh work anyway.
 */
public final class MqttWorkPublisher implements WorkAssignmentPublisher {
  private static final Logger LOG = LoggerFactory.getLogger(MqttWorkPublisher.class);

  private final RigMessagePublisher rigMessages;
  private final Counter failed;

  public MqttWorkPublisher(RigMessagePublisher rigMessages, MeterRegistry registry) {
    this.rigMessages = rigMessages;
    this.failed =
        Counter.builder("otedama_work_publish_failed_total")
            .description("Work assignments the MQTT client refused to publish")
            .register(registry);
  }

  @Override
  public void publish(String rigId, WorkAssignmentMessage assignment) {
    try {
      rigMessages.publishWork(rigId, assignment);
    } catch (MqttException | RuntimeException e) {
      failed.increment();
      LOG.warn("Work for rig {} not published: {}", rigId, e.toString());
    }
  }
}
