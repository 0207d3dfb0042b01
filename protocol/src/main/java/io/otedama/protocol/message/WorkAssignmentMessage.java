package io.otedama.protocol.message;

import java.util.Objects;

/**
 * What a rig mines now, published retained on {@code .../work}. The coinbase is {@code coinb1 ‖
 * extranonce1 ‖ extranonce2 ‖ coinb2} where extranonce2 is {@code extranonce2Size} bytes starting
 * with {@code extranonce2Prefix}; the rig rolls only the bytes after the prefix, which keeps rigs'
 * share spaces disjoint.
 *
 * @param job the job, required
 * @param extranonce1 hex, as the upstream pool assigned it (possibly empty)
 * @param extranonce2Prefix hex, the rig's fixed leading extranonce2 bytes (possibly empty), no
 *     longer than {@code extranonce2Size} bytes
 * @param extranonce2Size total extranonce2 length in bytes, 1..16
 * @param difficulty the rig's share difficulty (vardiff), > 0, fractional allowed
 * @param algorithm what difficulty 1 means and which hash to compute
 * @param versionMask 8 hex digits of the bits the rig may roll (BIP310), or null for none
 * @param source name of the work source (e.g. the pool), informational, or null
 */
public record WorkAssignmentMessage(
    int v,
    long ts,
    WorkJob job,
    String extranonce1,
    String extranonce2Prefix,
    int extranonce2Size,
    double difficulty,
    Algorithm algorithm,
    String versionMask,
    String source)
    implements RigMessage {
  public WorkAssignmentMessage {
    Objects.requireNonNull(job, "job");
    Objects.requireNonNull(extranonce1, "extranonce1");
    Objects.requireNonNull(extranonce2Prefix, "extranonce2Prefix");
    Objects.requireNonNull(algorithm, "algorithm");
  }

  /** A work assignment with the current schema version. */
  public WorkAssignmentMessage(
      long ts,
      WorkJob job,
      String extranonce1,
      String extranonce2Prefix,
      int extranonce2Size,
      double difficulty,
      Algorithm algorithm,
      String versionMask,
      String source) {
    this(
        VERSION,
        ts,
        job,
        extranonce1,
        extranonce2Prefix,
        extranonce2Size,
        difficulty,
        algorithm,
        versionMask,
        source);
  }
}
