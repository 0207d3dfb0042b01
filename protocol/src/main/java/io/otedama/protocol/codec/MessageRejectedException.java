package io.otedama.protocol.codec;

import java.util.Objects;

/**
 * A payload failed validation. Carries a machine-readable {@link #reason()}, the offending {@link
 * #field()} when there is one, and a sentence for humans as the message.
 *
 * <p>Checked on purpose: an exception escaping a Paho callback drops the MQTT connection, so
 * callers must decide what a rejection means (count, log, carry on). No stack trace is captured: a
 * flood of bad payloads should cost parsing, not stack walking, and the trace says nothing about
 * the data.
 */
public final class MessageRejectedException extends Exception {
  private final RejectReason reason;
  private final String field;

  public MessageRejectedException(RejectReason reason, String field, String message) {
    super(message, null, false, false);
    this.reason = Objects.requireNonNull(reason, "reason");
    this.field = field;
  }

  public RejectReason reason() {
    return reason;
  }

  /** The JSON path of the offending field, e.g. {@code devices[2].temperatureC}, or null. */
  public String field() {
    return field;
  }
}
