package io.otedama.protocol.stratum;

import java.util.Objects;

/**
 * A response: {@code {"id": ..., "result": ..., "error": null | [code, message, null]}}. The result
 * is a plain Java value (null, Boolean, Long, Double, String, List, Map); use {@link
 * SubscribeResult} and {@link ConfigureResult} for the structured ones.
 *
 * @param rejectReason the non-standard {@code reject-reason} some pools add to a rejected submit,
 *     or null; never written
 */
public record StratumResponse(StratumId id, Object result, StratumError error, String rejectReason)
    implements ClientMessage, ServerMessage {
  public StratumResponse {
    Objects.requireNonNull(id, "id");
  }

  /** A successful response. */
  public static StratumResponse ok(StratumId id, Object result) {
    return new StratumResponse(id, result, null, null);
  }

  /** {@code true}: share accepted, worker authorized, extranonce subscription noted. */
  public static StratumResponse accepted(StratumId id) {
    return ok(id, Boolean.TRUE);
  }

  /** An error response with the customary message of {@code code}. */
  public static StratumResponse error(StratumId id, StratumErrorCode code) {
    return new StratumResponse(id, null, StratumError.of(code), null);
  }

  /** An error response with a specific message. */
  public static StratumResponse error(StratumId id, StratumErrorCode code, String message) {
    return new StratumResponse(id, null, StratumError.of(code, message), null);
  }

  /** Whether this answers yes: no error and a result of {@code true}. */
  public boolean isTrue() {
    return error == null && Boolean.TRUE.equals(result);
  }
}
