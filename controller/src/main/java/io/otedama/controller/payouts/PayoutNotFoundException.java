package io.otedama.controller.payouts;

/** Something a payout request names does not exist (HTTP 404). */
public final class PayoutNotFoundException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public PayoutNotFoundException(String message) {
    super(message);
  }
}
