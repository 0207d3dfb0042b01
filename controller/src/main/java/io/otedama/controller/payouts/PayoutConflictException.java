package io.otedama.controller.payouts;

/**
 * A payout request contradicts what is already booked (HTTP 409): a batch paid by another txid, an
 * accounting period overlapping another, a block booked out of order.
 */
public final class PayoutConflictException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public PayoutConflictException(String message) {
    super(message);
  }
}
