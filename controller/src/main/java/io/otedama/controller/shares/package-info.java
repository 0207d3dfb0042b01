/**
 * Shares: validation by rebuilding and rehashing the header ({@link
 * io.otedama.controller.shares.ShareValidator}, reasons in {@link
 * io.otedama.controller.shares.RejectReason}), the path every share takes ({@link
 * io.otedama.controller.shares.ShareProcessor}: count, vardiff, log, forward upstream), the share
 * log in PostgreSQL ({@link io.otedama.controller.shares.ShareLogWriter}: one array insert per
 * batch on its own connection, idempotent on the agent's share id, upstream answers, hourly
 * counts), the summary the API serves ({@link io.otedama.controller.shares.ShareSummaryQuery}) and
 * the share metrics ({@link io.otedama.controller.shares.ShareMetrics}, with the per-rig hashrate
 * estimate).
 *
 * <p>Entry points: {@link io.otedama.controller.shares.ShareProcessor#ingest} for the MQTT edge's
 * share batches, {@link io.otedama.controller.shares.ShareProcessor#process} for the Stratum
 * server. Depends on {@code work}, {@code hashing}, {@code protocol}, {@code api} and {@code auth}
 * (the summary's roles: a client user sees its own account), Jdbi, the PostgreSQL driver and
 * Micrometer.
 */
package io.otedama.controller.shares;
