package io.otedama.protocol.stratum;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * A JSON-RPC request id, echoed back exactly as the client sent it: miners use numbers, strings or
 * null. Two ids are equal only when their JSON type and value are equal ({@code 1} is not {@code
 * "1"}).
 *
 * @param value null, a {@link Long}, {@link BigInteger}, {@link BigDecimal} or {@link String}
 */
public record StratumId(Object value) {
  /** The JSON {@code null} id of notifications and of errors about unreadable requests. */
  public static final StratumId NULL = new StratumId(null);

  public StratumId {
    if (value != null
        && !(value instanceof Long
            || value instanceof String
            || value instanceof BigInteger
            || value instanceof BigDecimal)) {
      throw new IllegalArgumentException(
          "a Stratum id is null, a Long, BigInteger, BigDecimal or String, not "
              + value.getClass().getSimpleName());
    }
  }

  public static StratumId of(long number) {
    return new StratumId(number);
  }

  public static StratumId of(String text) {
    return new StratumId(text);
  }

  public boolean isNull() {
    return value == null;
  }

  @Override
  public String toString() {
    return value instanceof String s ? '"' + s + '"' : String.valueOf(value);
  }
}
