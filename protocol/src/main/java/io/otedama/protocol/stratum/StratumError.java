package io.otedama.protocol.stratum;

import java.util.Objects;
import java.util.Optional;

/**
 * The error of a response; on the wire {@code [code, message, null]}. When decoding, the object
 * form {@code {"code": 21, "message": "..."}} and a bare string (code 20) some pools send are
 * accepted too.
 */
public record StratumError(int code, String message) {
  public StratumError {
    Objects.requireNonNull(message, "message");
  }

  /** The error for a known code with its customary message. */
  public static StratumError of(StratumErrorCode code) {
    return new StratumError(code.code(), code.defaultMessage());
  }

  /** The error for a known code with a specific message. */
  public static StratumError of(StratumErrorCode code, String message) {
    return new StratumError(code.code(), message);
  }

  /** The code as a known enum constant, if it is one. */
  public Optional<StratumErrorCode> knownCode() {
    return StratumErrorCode.fromCode(code);
  }
}
