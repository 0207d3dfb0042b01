package io.otedama.protocol.topic;

/** Which side of the link publishes on a topic kind. */
public enum Publisher {
  /** The rig agent publishes; the controller subscribes. */
  AGENT,
  /** The controller publishes; the rig agent subscribes. */
  CONTROLLER
}
