package io.otedama.protocol.message;

import java.util.Objects;

/**
 * A share the rig found under its share target. Hex fields are lower case after decoding.
 *
 * @param shareId unique per share and rig, stable across replays from the offline spool, so the
 *     controller can drop a replayed duplicate; required, at most 64 characters
 * @param jobId the job id of the work assignment, required
 * @param extranonce2 the full extranonce2 (prefix included) in hex, required
 * @param ntime 8 hex digits, as in Stratum {@code mining.submit}
 * @param nonce 8 hex digits, as in Stratum {@code mining.submit}
 * @param versionBits 8 hex digits of rolled version bits, or null without version rolling
 * @param difficulty the share difficulty the rig computed (a claim the controller re-checks), > 0
 * @param deviceId the device that found it, or null
 * @param foundAt when it was found, epoch ms, or null
 */
public record Share(
    String shareId,
    String jobId,
    String extranonce2,
    String ntime,
    String nonce,
    String versionBits,
    double difficulty,
    String deviceId,
    Long foundAt) {
  public Share {
    Objects.requireNonNull(shareId, "shareId");
    Objects.requireNonNull(jobId, "jobId");
    Objects.requireNonNull(extranonce2, "extranonce2");
    Objects.requireNonNull(ntime, "ntime");
    Objects.requireNonNull(nonce, "nonce");
  }
}
