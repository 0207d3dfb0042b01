/**
 * Test support for payouts: the embedded PostgreSQL with a fresh migrated database per test class,
 * and an in-memory {@link io.otedama.controller.payouts.ShareSource} until the share log exists.
 */
package io.otedama.controller.payouts.testing;
