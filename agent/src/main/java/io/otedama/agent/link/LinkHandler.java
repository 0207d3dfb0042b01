package io.otedama.agent.link;

import io.otedama.protocol.message.BirthMessage;
import io.otedama.protocol.topic.TopicKind;

/** What the link asks of the agent, and tells it. */
public interface LinkHandler {
  /** The birth to publish for the session numbered {@code seq}. */
  BirthMessage birth(long seq);

  /**
   * Connected, subscribed, born: called on the link's own thread, so it may block briefly (e.g.
   * start the spool replay).
   */
  void onConnected(boolean sessionPresent);

  /** The connection was lost or refused; the link is already retrying. */
  void onDisconnected(String reason);

  /**
   * A message on the rig's {@code work} or {@code cmd} topic. Called on Paho's callback thread:
   * hand it off, never block here.
   *
   * @param correlationData the MQTT 5 correlation data, or null
   */
  void onMessage(TopicKind kind, byte[] payload, byte[] correlationData, boolean retained);
}
