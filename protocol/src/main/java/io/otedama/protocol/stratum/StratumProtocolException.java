package io.otedama.protocol.stratum;

import java.util.Objects;

/**
 * A Stratum line could not be turned into a message. Carries the request id when it could be read,
 * so a server can answer with {@link #toErrorResponse()} and keep the connection; whether repeated
 * failures end it is the server's policy. No stack trace is captured (bad input is data, not a
 * bug).
 */
public final class StratumProtocolException extends Exception {
  /** What went wrong. */
  public enum Kind {
    /** Longer than the line limit. */
    LINE_TOO_LONG,
    /** Not JSON, or not one JSON object. */
    BAD_JSON,
    /** JSON, but neither a request/notification (method) nor a response (result/error). */
    NOT_A_MESSAGE,
    /** A known method with params that do not fit it. */
    BAD_PARAMS,
    /** Reading a typed result out of a response that carries an error. */
    ERROR_RESPONSE
  }

  private final Kind kind;
  private final StratumId id;

  public StratumProtocolException(Kind kind, StratumId id, String message) {
    super(message, null, false, false);
    this.kind = Objects.requireNonNull(kind, "kind");
    this.id = id == null ? StratumId.NULL : id;
  }

  public Kind kind() {
    return kind;
  }

  /** The id of the offending request, {@link StratumId#NULL} when unknown. */
  public StratumId id() {
    return id;
  }

  /** The error response a server sends back: code 20 with this exception's sentence. */
  public StratumResponse toErrorResponse() {
    return StratumResponse.error(id, StratumErrorCode.OTHER, getMessage());
  }
}
