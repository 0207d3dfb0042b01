package io.otedama.controller.shares;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The body of {@code GET /api/v1/shares/summary} (CONTRACTS §4): accepted and rejected shares by
 * reason, in total, per rig, per client account and per period ({@code bucket}: an hour or a day),
 * over {@code [from, to)} (whole hours).
 */
public record ShareSummary(
    Instant from,
    Instant to,
    Counts total,
    List<RigCounts> rigs,
    List<AccountCounts> accounts,
    String bucket,
    List<PeriodCounts> periods) {

  /**
   * @param rejectedByReason every reason's wire name, 0 when none
   * @param acceptedDifficulty Σ credited difficulty of the accepted shares
   */
  public record Counts(
      long accepted,
      long rejected,
      Map<String, Long> rejectedByReason,
      double acceptedDifficulty) {}

  /**
   * @param accountId the client account the rig works for now, or null
   */
  public record RigCounts(
      String rigId,
      Long accountId,
      long accepted,
      long rejected,
      Map<String, Long> rejectedByReason,
      double acceptedDifficulty) {}

  /**
   * The shares of the rigs a client account has now (its rigs' whole history in the range: the
   * hourly counts do not record who a rig worked for at the time).
   *
   * @param name the account's name, or null for an account payouts do not know yet
   */
  public record AccountCounts(
      long accountId,
      String name,
      int rigs,
      long accepted,
      long rejected,
      Map<String, Long> rejectedByReason,
      double acceptedDifficulty) {}

  /** One hour or one day ({@code start} inclusive). */
  public record PeriodCounts(
      Instant start, long accepted, long rejected, double acceptedDifficulty) {}
}
