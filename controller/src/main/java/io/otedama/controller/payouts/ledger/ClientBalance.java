package io.otedama.controller.payouts.ledger;

import java.util.Map;

/**
 * A client account's position in the ledger, each figure on its account's normal side.
 *
 * @param earningsSats gross credits
 * @param feesSats pool and hosting fees charged
 * @param electricitySats electricity charged
 * @param payoutsSats put in payout batches
 * @param payableSats what the farm owes the client now: earnings - fees - electricity - payouts
 *     (negative when electricity outran earnings: the client owes the farm)
 */
public record ClientBalance(
    long clientAccountId,
    long earningsSats,
    long feesSats,
    long electricitySats,
    long payoutsSats,
    long payableSats) {

  /** From the debit-positive sums of the client's ledger accounts. */
  public static ClientBalance fromSums(long clientAccountId, Map<LedgerAccountKind, Long> sums) {
    long earnings = -sums.getOrDefault(LedgerAccountKind.CLIENT_EARNINGS, 0L);
    long fees = sums.getOrDefault(LedgerAccountKind.CLIENT_FEES, 0L);
    long electricity = sums.getOrDefault(LedgerAccountKind.CLIENT_ELECTRICITY, 0L);
    long payouts = sums.getOrDefault(LedgerAccountKind.CLIENT_PAYOUTS, 0L);
    long payable =
        Math.subtractExact(
            Math.subtractExact(Math.subtractExact(earnings, fees), electricity), payouts);
    return new ClientBalance(clientAccountId, earnings, fees, electricity, payouts, payable);
  }
}
