package io.otedama.controller.payouts.ledger;

import java.util.Objects;

/** Names one ledger account: a farm account, or one of a client account's four. */
public record LedgerAccountRef(LedgerAccountKind kind, long clientAccountId) {
  public LedgerAccountRef {
    Objects.requireNonNull(kind, "kind");
    if (kind.perClient() != (clientAccountId > 0)) {
      throw new IllegalArgumentException(
          kind.perClient()
              ? kind + " needs a client account id, got " + clientAccountId
              : kind + " is a farm account, it has no client account id");
    }
  }

  public static LedgerAccountRef farm(LedgerAccountKind kind) {
    return new LedgerAccountRef(kind, 0);
  }

  public static LedgerAccountRef client(long clientAccountId, LedgerAccountKind kind) {
    return new LedgerAccountRef(kind, clientAccountId);
  }

  /** {@code farm:wallet}, {@code client:42:earnings}, ... */
  public String code() {
    return kind.perClient()
        ? "client:" + clientAccountId + ":" + kind.suffix()
        : "farm:" + kind.suffix();
  }

  @Override
  public String toString() {
    return code();
  }
}
