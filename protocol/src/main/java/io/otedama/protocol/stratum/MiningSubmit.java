package io.otedama.protocol.stratum;

import java.util.Objects;

/**
 * {@code mining.submit}: params {@code [worker, jobId, extranonce2, ntime, nonce, versionBits?]}.
 * Hex fields are lower case after decoding, so one share has one spelling for duplicate checks.
 *
 * @param worker the authorized username
 * @param jobId the job id from {@code mining.notify}
 * @param extranonce2 hex, whole bytes (the server checks the length against the session's size)
 * @param ntime 8 hex digits
 * @param nonce 8 hex digits
 * @param versionBits 8 hex digits (shorter input is left-padded with zeros), or null without
 *     version rolling
 */
public record MiningSubmit(
    StratumId id,
    String worker,
    String jobId,
    String extranonce2,
    String ntime,
    String nonce,
    String versionBits)
    implements ClientMessage {
  public static final String METHOD = "mining.submit";

  public MiningSubmit {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(worker, "worker");
    Objects.requireNonNull(jobId, "jobId");
    Objects.requireNonNull(extranonce2, "extranonce2");
    Objects.requireNonNull(ntime, "ntime");
    Objects.requireNonNull(nonce, "nonce");
  }
}
