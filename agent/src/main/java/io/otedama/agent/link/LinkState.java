package io.otedama.agent.link;

/** Where the link stands. */
public enum LinkState {
  /** Not started yet. */
  NEW,
  /** Connecting, subscribing, publishing the birth. */
  CONNECTING,
  /** Up: messages flow. */
  CONNECTED,
  /** Down, waiting out the backoff before the next attempt. */
  WAITING,
  /** Closed for good. */
  CLOSED
}
