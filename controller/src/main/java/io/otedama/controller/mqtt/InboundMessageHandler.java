package io.otedama.controller.mqtt;

/**
 * Handles one inbound message on a dispatch thread (never Paho's callback thread), so it may block
 * briefly, publish, or wait on a full queue. Messages of one rig reach it in arrival order.
 */
@FunctionalInterface
public interface InboundMessageHandler {

  void handle(InboundMessage message) throws InterruptedException;
}
