package io.otedama.controller.mqtt;

/**
 * Where inbound rig messages enter the controller: the dispatch queues of {@link
 * ControllerMqttClient}, fed by its subscription and by the embedded broker's in-process ingest.
 */
public interface InboundQueue {

  /** Queues the message without waiting; false when its queue is full. */
  boolean offer(InboundMessage message);

  /** Queues the message, waiting for room. */
  void put(InboundMessage message) throws InterruptedException;
}
