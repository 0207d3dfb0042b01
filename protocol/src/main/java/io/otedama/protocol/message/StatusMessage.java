package io.otedama.protocol.message;

import java.util.Objects;

/**
 * The rig's retained liveness on {@code .../status}; the same payload with {@code offline} is the
 * MQTT Last Will.
 *
 * @param state online or offline, required
 * @param reason why, for humans (e.g. {@code shutdown}, {@code connection lost}), or null
 * @param seq the {@link BirthMessage#seq()} of the session this status belongs to, or null
 */
public record StatusMessage(int v, long ts, RigState state, String reason, Long seq)
    implements RigMessage {
  public StatusMessage {
    Objects.requireNonNull(state, "state");
  }

  /** A status with the current schema version. */
  public StatusMessage(long ts, RigState state, String reason, Long seq) {
    this(VERSION, ts, state, reason, seq);
  }
}
