package io.otedama.controller.shares;

import io.otedama.protocol.stratum.StratumErrorCode;

/**
 * Why a share was rejected. {@link #wireName()} is the {@code reason} label of {@code
 * otedama_shares_total}, the share summary's key and the share rejection table's value; {@link
 * #stratumError()} is what a Stratum miner is answered (CONTRACTS §6).
 */
public enum RejectReason {
  /** The same header was accepted before (same job, extranonce2, ntime, nonce and version). */
  DUPLICATE("duplicate", StratumErrorCode.DUPLICATE_SHARE),
  /** The job was replaced by a clean job or a new session more than the grace time ago. */
  STALE("stale", StratumErrorCode.JOB_NOT_FOUND),
  /** The hash does not meet the rig's share target. */
  LOW_DIFFICULTY("low_difficulty", StratumErrorCode.LOW_DIFFICULTY_SHARE),
  /**
   * The fields cannot make a valid header: bad hex or sizes, extranonce2 outside the rig's prefix,
   * version bits outside the rig's mask, ntime out of range.
   */
  MALFORMED("malformed", StratumErrorCode.OTHER),
  /** The rig (or Stratum worker) is not authorized or has no work assigned. */
  UNAUTHORIZED("unauthorized", StratumErrorCode.UNAUTHORIZED_WORKER),
  /** The job id is unknown to the rig's feed (never issued, or long forgotten). */
  JOB_NOT_FOUND("job_not_found", StratumErrorCode.JOB_NOT_FOUND);

  private final String wireName;
  private final StratumErrorCode stratumError;

  RejectReason(String wireName, StratumErrorCode stratumError) {
    this.wireName = wireName;
    this.stratumError = stratumError;
  }

  public String wireName() {
    return wireName;
  }

  public StratumErrorCode stratumError() {
    return stratumError;
  }

  /** The reason with this wire name. */
  public static RejectReason fromWireName(String name) {
    for (RejectReason r : values()) {
      if (r.wireName.equals(name)) {
        return r;
      }
    }
    throw new IllegalArgumentException("unknown reject reason '" + name + "'");
  }
}
