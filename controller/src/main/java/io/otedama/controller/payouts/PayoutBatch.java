package io.otedama.controller.payouts;

import io.otedama.controller.payouts.address.BitcoinNetwork;
import java.time.Instant;
import java.util.List;

/**
 * A payout batch: what to send to whom for a period.
 *
 * @param items one payment per account over its threshold with a valid address
 * @param skips accounts over their threshold that could not be paid, and why
 * @param txid the paying transaction, once recorded
 * @param networkFeeSats the network fee that transaction paid (booked to the farm), once recorded
 */
public record PayoutBatch(
    long id,
    AccountingPeriod period,
    BatchStatus status,
    BitcoinNetwork network,
    long totalSats,
    Instant createdAt,
    String txid,
    Long networkFeeSats,
    Instant paidAt,
    List<Item> items,
    List<Skip> skips) {
  public PayoutBatch {
    items = List.copyOf(items);
    skips = List.copyOf(skips);
  }

  /** One payment. */
  public record Item(long accountId, String address, long amountSats) {}

  /** An account that was owed at least its threshold but could not be paid. */
  public record Skip(long accountId, long payableSats, String reason) {}
}
