package io.otedama.protocol.message;

/** A payload on one of a rig's MQTT topics. */
public sealed interface RigMessage
    permits BirthMessage,
        StatusMessage,
        TelemetryMessage,
        ShareBatchMessage,
        WorkAssignmentMessage,
        CommandMessage,
        CommandResultMessage {

  /** The schema version this module writes and accepts. */
  int VERSION = 1;

  /** Schema version, {@value #VERSION} for everything this module writes. */
  int v();

  /** When the sender published it, epoch milliseconds. */
  long ts();
}
