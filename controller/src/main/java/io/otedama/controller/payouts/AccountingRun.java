package io.otedama.controller.payouts;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * An accounting run: what it distributed and credited for its period.
 *
 * @param createdNow true if this call ran it; false if the period had been run before (the figures
 *     are then those of that run)
 * @param earningsDistributedSats blocks and pool earnings distributed, in total
 * @param creditedGrossSats gross credits to client accounts (from earnings and PPS/FPPS)
 * @param feesSats pool and hosting fees charged
 * @param electricitySats electricity charged
 * @param dustSats rounding remainders booked to dust
 */
public record AccountingRun(
    long id,
    AccountingPeriod period,
    NetworkConditions network,
    BigDecimal pplnsWindowFactor,
    Instant ranAt,
    boolean createdNow,
    int blocksDistributed,
    int poolEarningsDistributed,
    long earningsDistributedSats,
    long creditedGrossSats,
    long feesSats,
    long electricitySats,
    long dustSats,
    List<CreditLine> credits) {
  public AccountingRun {
    credits = List.copyOf(credits);
  }
}
