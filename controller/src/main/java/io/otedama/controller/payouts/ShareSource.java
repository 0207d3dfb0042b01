package io.otedama.controller.payouts;

import io.otedama.controller.payouts.scheme.ShareRecord;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * The share log as payouts read it: accepted shares with the client account of the rig that found
 * them ({@link ShareRecord#FARM} for rigs without one). Implemented by the shares feature over its
 * share log table; the share log must keep shares until the accounting runs that need them are done
 * (the PPLNS window reaches back {@code N·D} of difficulty before each block).
 */
public interface ShareSource {
  /** Shares with {@code from <= ts < to}, any order: a period's work (PPS, FPPS, pool earnings). */
  List<ShareRecord> sharesInPeriod(Instant fromInclusive, Instant toExclusive);

  /**
   * Shares with {@code after < ts <= until}, any order: a PROP round, from the previous block
   * (exclusive, null for the start of the log) to this block's finding share (inclusive).
   */
  List<ShareRecord> sharesInRound(Instant afterExclusive, Instant untilInclusive);

  /**
   * The newest shares with {@code ts <= until} (in share-log order: time, then id), going back
   * until their difficulty adds up to at least {@code difficulty} or the log ends: a PPLNS window.
   */
  List<ShareRecord> sharesInWindow(Instant untilInclusive, BigDecimal difficulty);
}
