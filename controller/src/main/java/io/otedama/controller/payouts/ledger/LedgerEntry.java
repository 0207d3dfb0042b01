package io.otedama.controller.payouts.ledger;

import java.util.Objects;

/** One leg of a transaction: a signed amount (debit positive, credit negative) on an account. */
public record LedgerEntry(LedgerAccountRef account, long amountSats, String memo) {
  public LedgerEntry {
    Objects.requireNonNull(account, "account");
    if (amountSats == 0) {
      throw new IllegalArgumentException(
          "a ledger entry of 0 sats on " + account + " says nothing");
    }
  }
}
