package io.otedama.protocol.message;

/** An enum with a lower-case wire name distinct from its Java constant name. */
public interface WireEnum {
  /** The name used in JSON. */
  String wireName();

  /** The constant of {@code type} whose wire name is {@code wireName}, or null. */
  static <E extends Enum<E> & WireEnum> E fromWireName(Class<E> type, String wireName) {
    for (E constant : type.getEnumConstants()) {
      if (constant.wireName().equals(wireName)) {
        return constant;
      }
    }
    return null;
  }
}
