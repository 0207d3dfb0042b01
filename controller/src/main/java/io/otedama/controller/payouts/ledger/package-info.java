/**
 * The double-entry ledger: chart of accounts, balanced transactions, the append-only store
 * (PostgreSQL via Jdbi SqlObject) and the check that proves its invariants. Entries are signed
 * satoshis (debit positive, credit negative); every transaction sums to zero, which the code
 * refuses to violate and the database refuses to commit. May depend on the scheme package for
 * amounts, and on Jdbi; nothing here knows about shares or schemes.
 */
package io.otedama.controller.payouts.ledger;
