package io.otedama.controller.work;

import java.util.Objects;

/**
 * A share to submit upstream: the job it was found on and the {@code mining.submit} fields in the
 * upstream's terms (the full extranonce2 including the rig's prefix, the version bits relative to
 * the upstream's job version).
 *
 * @param worker who found it (a rig id): the local source records it with a block, a pool client
 *     submits under the pool's configured user instead
 * @param versionBits 8 hex digits, or null without version rolling
 */
public record UpstreamShare(
    SourceJob job,
    String worker,
    String extranonce2,
    String ntime,
    String nonce,
    String versionBits) {
  public UpstreamShare {
    Objects.requireNonNull(job, "job");
    Objects.requireNonNull(extranonce2, "extranonce2");
    Objects.requireNonNull(ntime, "ntime");
    Objects.requireNonNull(nonce, "nonce");
  }
}
