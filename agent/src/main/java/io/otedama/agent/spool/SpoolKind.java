package io.otedama.agent.spool;

import io.otedama.protocol.topic.TopicKind;

/**
 * What a spooled message is. Telemetry is the only kind the spool may drop when full: a missing
 * telemetry point costs a gap in a chart, a missing share costs money, a missing command result
 * leaves an operator guessing.
 */
public enum SpoolKind {
  TELEMETRY(1, TopicKind.TELEMETRY, true),
  SHARES(2, TopicKind.SHARES, false),
  COMMAND_RESULT(3, TopicKind.CMD_RESULT, false);

  private final byte code;
  private final TopicKind topicKind;
  private final boolean droppable;

  SpoolKind(int code, TopicKind topicKind, boolean droppable) {
    this.code = (byte) code;
    this.topicKind = topicKind;
    this.droppable = droppable;
  }

  /** The byte stored on disk; stable across versions. */
  public byte code() {
    return code;
  }

  /** The topic the message is published on. */
  public TopicKind topicKind() {
    return topicKind;
  }

  /** Whether the spool may drop it (oldest first) to stay under its size limit. */
  public boolean droppable() {
    return droppable;
  }

  /** The kind stored as {@code code}, or null for an unknown code. */
  public static SpoolKind ofCode(byte code) {
    for (SpoolKind kind : values()) {
      if (kind.code == code) {
        return kind;
      }
    }
    return null;
  }
}
