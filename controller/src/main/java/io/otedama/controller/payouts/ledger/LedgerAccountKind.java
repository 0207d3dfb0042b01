package io.otedama.controller.payouts.ledger;

import java.util.Locale;

/**
 * The chart of accounts. Farm accounts exist once; client accounts exist once per client account
 * and together are the farm's liability to that client ({@code payable = earnings - fees -
 * electricity - payouts}).
 */
public enum LedgerAccountKind {
  /** Asset: bitcoin the farm holds, from blocks and pool payouts, less what it paid out. */
  WALLET(false, NormalSide.DEBIT, "wallet"),
  /** Mining income booked but not yet distributed by an accounting run (zero after each run). */
  POOL_INCOME(false, NormalSide.CREDIT, "pool_income"),
  /** The farm's own result: its shares, fees, electricity charged, less PPS/FPPS it paid. */
  REVENUE(false, NormalSide.CREDIT, "revenue"),
  /** Rounding remainders of proportional splits: never lost, never anybody's. */
  DUST(false, NormalSide.CREDIT, "dust"),
  /** Payouts in a batch that is not yet paid on chain. */
  PAYOUTS_CLEARING(false, NormalSide.CREDIT, "payouts_clearing"),
  /** Gross credits under the client's scheme. */
  CLIENT_EARNINGS(true, NormalSide.CREDIT, "earnings"),
  /** Pool and hosting fees charged to the client. */
  CLIENT_FEES(true, NormalSide.DEBIT, "fees"),
  /** Electricity charged to the client. */
  CLIENT_ELECTRICITY(true, NormalSide.DEBIT, "electricity"),
  /** What was put in payout batches for the client. */
  CLIENT_PAYOUTS(true, NormalSide.DEBIT, "payouts");

  /** Which sign an account's balance normally has. */
  public enum NormalSide {
    DEBIT,
    CREDIT;

    public String wireName() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  private final boolean perClient;
  private final NormalSide normalSide;
  private final String suffix;

  LedgerAccountKind(boolean perClient, NormalSide normalSide, String suffix) {
    this.perClient = perClient;
    this.normalSide = normalSide;
    this.suffix = suffix;
  }

  public boolean perClient() {
    return perClient;
  }

  public NormalSide normalSide() {
    return normalSide;
  }

  /** The last part of the account code: {@code farm:<suffix>} or {@code client:<id>:<suffix>}. */
  public String suffix() {
    return suffix;
  }

  /** The value of {@code ledger_accounts.kind}. */
  public String wireName() {
    return perClient ? "client_" + suffix : suffix;
  }

  public static LedgerAccountKind fromWireName(String text) {
    for (LedgerAccountKind kind : values()) {
      if (kind.wireName().equals(text)) {
        return kind;
      }
    }
    throw new IllegalArgumentException("unknown ledger account kind '" + text + "'");
  }
}
