package io.otedama.controller.shares;

import io.otedama.controller.work.IssuedJob;

/**
 * What validation concluded about one share.
 *
 * @param reason null when accepted
 * @param message a sentence for the rig or miner when rejected, null when accepted
 * @param job the job the share was for, null when it was not found
 * @param shareDifficulty the difficulty of the share's hash (0 when it was not hashed)
 * @param creditedDifficulty the rig's assigned difficulty the share met: what it is credited with
 * @param meetsUpstream the hash meets the upstream's target: the share goes upstream
 * @param meetsNetwork the hash meets the block target
 * @param hash the 32-byte hash (internal byte order) when it meets the upstream target, else null
 * @param upstreamVersionBits the version bits for the upstream submit (8 hex), or null
 */
public record ShareVerdict(
    RejectReason reason,
    String message,
    IssuedJob job,
    double shareDifficulty,
    double creditedDifficulty,
    boolean meetsUpstream,
    boolean meetsNetwork,
    byte[] hash,
    String upstreamVersionBits) {

  public boolean accepted() {
    return reason == null;
  }

  static ShareVerdict rejected(RejectReason reason, String message, IssuedJob job, double diff) {
    return new ShareVerdict(reason, message, job, diff, 0, false, false, null, null);
  }
}
