package io.otedama.controller.work;

import io.otedama.protocol.message.WorkAssignmentMessage;

/**
 * Sends a work assignment to an agent rig: the MQTT edge implements it by publishing the message
 * retained with QoS 1 on {@code otedama/v1/rigs/{rigId}/work}. Must not block the caller on the
 * network (the fan-out of one job calls it once per rig).
 */
@FunctionalInterface
public interface WorkAssignmentPublisher {
  void publish(String rigId, WorkAssignmentMessage assignment);
}
