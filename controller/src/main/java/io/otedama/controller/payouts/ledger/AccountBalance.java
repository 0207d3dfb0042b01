package io.otedama.controller.payouts.ledger;

/**
 * An account's balance.
 *
 * @param balanceSats the sum of its entries (debit positive)
 * @param entryCount how many entries it has
 */
public record AccountBalance(LedgerAccountRef account, long balanceSats, long entryCount) {
  public String code() {
    return account.code();
  }

  /** The balance on the account's normal side: positive when the account holds what it should. */
  public long normalBalanceSats() {
    return account.kind().normalSide() == LedgerAccountKind.NormalSide.DEBIT
        ? balanceSats
        : -balanceSats;
  }
}
