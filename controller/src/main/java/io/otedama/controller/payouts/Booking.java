package io.otedama.controller.payouts;

/**
 * The outcome of booking an earning.
 *
 * @param bookedNow false if it had been booked before (nothing was written)
 * @param key the ledger transaction key of the booking
 */
public record Booking(boolean bookedNow, String key, long ledgerTransactionId) {}
