/**
 * Payouts: turns the farm's earnings (blocks found by the local source, upstream pool earnings)
 * into credits per client account under each account's scheme, books them in the double-entry
 * ledger, and pays them out in batches created exactly once per period. {@link
 * io.otedama.controller.payouts.PayoutService} is the entry point for the scheduler and the REST
 * resources; {@link io.otedama.controller.payouts.ClientAccounts} manages the accounts.
 *
 * <p>Subpackages: {@code scheme} (pure scheme arithmetic), {@code ledger} (the ledger store and its
 * check), {@code address} (payout address validation). Depends on Jdbi and PostgreSQL, on the
 * shared {@code rigs} and {@code telemetry} tables (V1), and on the share log only through {@link
 * io.otedama.controller.payouts.ShareSource}. Rules and a worked example: docs/payouts.md.
 */
package io.otedama.controller.payouts;
