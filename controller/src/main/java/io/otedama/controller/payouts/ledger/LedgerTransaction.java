package io.otedama.controller.payouts.ledger;

import io.otedama.controller.payouts.scheme.Sats;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A balanced set of entries booked together. Construction refuses a transaction whose entries do
 * not sum to zero or that has fewer than two entries; the database refuses it again at commit.
 *
 * @param key what this transaction books, unique in the ledger: posting the same key twice books it
 *     once
 * @param kind a short category ({@code block}, {@code distribution}, {@code pps}, ...)
 */
public record LedgerTransaction(
    String key, String kind, String description, List<LedgerEntry> entries) {
  public LedgerTransaction {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(description, "description");
    entries = List.copyOf(entries);
    if (entries.size() < 2) {
      throw new IllegalArgumentException(
          "ledger transaction " + key + " needs at least two entries, has " + entries.size());
    }
    long sum = 0;
    for (LedgerEntry entry : entries) {
      sum = Math.addExact(sum, entry.amountSats());
    }
    if (sum != 0) {
      throw new IllegalArgumentException(
          "ledger transaction " + key + " does not balance: its entries sum to " + sum + " sats");
    }
  }

  public static Builder builder(String key, String kind, String description) {
    return new Builder(key, kind, description);
  }

  /** Collects debits and credits; zero amounts are skipped, so callers need not test for them. */
  public static final class Builder {
    private final String key;
    private final String kind;
    private final String description;
    private final List<LedgerEntry> entries = new ArrayList<>();

    private Builder(String key, String kind, String description) {
      this.key = key;
      this.kind = kind;
      this.description = description;
    }

    public Builder debit(LedgerAccountRef account, long sats, String memo) {
      Sats.requireAmount(sats, "debit on " + account);
      if (sats != 0) {
        entries.add(new LedgerEntry(account, sats, memo));
      }
      return this;
    }

    public Builder credit(LedgerAccountRef account, long sats, String memo) {
      Sats.requireAmount(sats, "credit on " + account);
      if (sats != 0) {
        entries.add(new LedgerEntry(account, -sats, memo));
      }
      return this;
    }

    /** Credits a positive amount, debits the absolute value of a negative one. */
    public Builder creditSigned(LedgerAccountRef account, long sats, String memo) {
      return sats >= 0 ? credit(account, sats, memo) : debit(account, -sats, memo);
    }

    public boolean isEmpty() {
      return entries.isEmpty();
    }

    public LedgerTransaction build() {
      return new LedgerTransaction(key, kind, description, entries);
    }
  }
}
