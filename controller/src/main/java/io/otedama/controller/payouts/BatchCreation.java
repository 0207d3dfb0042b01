package io.otedama.controller.payouts;

/**
 * The outcome of creating a period's payout batch.
 *
 * @param createdNow false if the period's batch existed already (it is returned unchanged)
 */
public record BatchCreation(PayoutBatch batch, boolean createdNow) {}
