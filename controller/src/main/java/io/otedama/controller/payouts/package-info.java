/**
 * Payouts: turns the farm's earnings (blocks found by the local source, upstream pool earnings)
 * into credits per client account under each account's scheme, books them in the double-entry
 * ledger, and pays them out in batches created exactly once per period. {@link
 * io.otedama.controller.payouts.PayoutService} is the entry point for the scheduler and the REST
 * resources; {@link io.otedama.controller.payouts.ClientAccounts} manages the accounts. {@link
 * io.otedama.controller.payouts.PayoutsFeature} wires them into the app: the share log source,
 * blocks from the work feature's hook ({@link io.otedama.controller.payouts.BlockBooker}), the REST
 * resources and the accounting, payout and share-log-pruning jobs ({@link
 * io.otedama.controller.payouts.PayoutRunner} computes the due periods).
 *
 * <p>Subpackages: {@code scheme} (pure scheme arithmetic), {@code ledger} (the ledger store and its
 * check), {@code address} (payout address validation). Depends on Jdbi and PostgreSQL, on the
 * scheduling package's task type, on the work feature's block hook, on auth's roles, on the shared
 * {@code rigs} and {@code telemetry} tables (V1), and on the shares feature's log table ({@code
 * shares}, V121), read through {@link io.otedama.controller.payouts.ShareSource} ({@link
 * io.otedama.controller.payouts.ShareLogSource}) and pruned by {@link
 * io.otedama.controller.payouts.ShareLogPruning}. Rules and a worked example: docs/payouts.md.
 */
package io.otedama.controller.payouts;
