package io.otedama.protocol.codec;

/**
 * Why a payload was rejected. The wire names are the {@code reason} label of {@code
 * otedama_mqtt_rejected_total}.
 */
public enum RejectReason {
  /** Over {@link MessageLimits#MAX_PAYLOAD_BYTES}; checked before any parsing. */
  TOO_LARGE("too_large"),
  /** Empty, not UTF-8 JSON, not an object, trailing garbage, nested too deep. */
  BAD_JSON("bad_json"),
  /** {@code v} is not {@value io.otedama.protocol.message.RigMessage#VERSION}. */
  BAD_VERSION("bad_version"),
  /** A required field is absent or null. */
  MISSING_FIELD("missing_field"),
  /** A number outside its range, a string or array too long, a timestamp too far ahead. */
  OUT_OF_RANGE("out_of_range"),
  /** A field of the wrong JSON type, a malformed hex string, an unknown enum value. */
  BAD_VALUE("bad_value"),
  /** The topic is not a well-formed rig topic (wrong root, invalid rig id, unknown kind). */
  BAD_TOPIC("bad_topic");

  private final String wireName;

  RejectReason(String wireName) {
    this.wireName = wireName;
  }

  /** The metric label and log value, e.g. {@code too_large}. */
  public String wireName() {
    return wireName;
  }
}
