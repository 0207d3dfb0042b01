/**
 * Firmware: signed artifacts (upload, Ed25519 verification against the operators' public keys,
 * resumable downloads for agents) and rollout campaigns in waves after Eclipse hawkBit (targets by
 * filter, canary then percentages, success and error thresholds, pause/resume/cancel/retry,
 * maintenance windows). Campaigns reach rigs as {@code update-firmware} commands through the
 * commands feature and follow their progress from the command results. Depends on {@code commands},
 * {@code api}, {@code auth} and the protocol's {@code release} signatures; the fleet tables (rigs,
 * groups) are read in SQL.
 */
package io.otedama.controller.firmware;
