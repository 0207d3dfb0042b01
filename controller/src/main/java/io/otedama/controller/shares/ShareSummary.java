package io.otedama.controller.shares;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The body of {@code GET /api/v1/shares/summary} (CONTRACTS §4): accepted and rejected shares by
 * reason, in total and per rig, over {@code [from, to)} (whole hours).
 */
public record ShareSummary(Instant from, Instant to, Counts total, List<RigCounts> rigs) {

  /**
   * @param rejectedByReason every reason's wire name, 0 when none
   * @param acceptedDifficulty Σ credited difficulty of the accepted shares
   */
  public record Counts(
      long accepted,
      long rejected,
      Map<String, Long> rejectedByReason,
      double acceptedDifficulty) {}

  public record RigCounts(
      String rigId,
      long accepted,
      long rejected,
      Map<String, Long> rejectedByReason,
      double acceptedDifficulty) {}
}
