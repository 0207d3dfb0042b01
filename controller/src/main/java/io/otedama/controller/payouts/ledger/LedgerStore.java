package io.otedama.controller.payouts.ledger;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jdbi.v3.core.Handle;

/**
 * Posts transactions to the ledger within the caller's database transaction (so a ledger booking
 * and the rows it accounts for commit or roll back together). Creates ledger accounts on first use.
 */
public final class LedgerStore {
  private final Handle handle;
  private final LedgerDao dao;
  private final Map<String, Long> accountIds = new HashMap<>();

  public LedgerStore(Handle handle) {
    this.handle = handle;
    this.dao = handle.attach(LedgerDao.class);
  }

  /**
   * Books {@code transaction} unless its key was booked before.
   *
   * @return the new transaction's id, or empty if the key already exists (nothing was written)
   */
  public Optional<Long> post(LedgerTransaction transaction) {
    if (!handle.isInTransaction()) {
      throw new IllegalStateException("ledger postings must run inside a database transaction");
    }
    Optional<Long> id =
        dao.insertTransactionIfAbsent(
            transaction.key(), transaction.kind(), transaction.description());
    if (id.isEmpty()) {
      return id;
    }
    List<LedgerDao.EntryRow> rows = new ArrayList<>(transaction.entries().size());
    for (LedgerEntry entry : transaction.entries()) {
      rows.add(
          new LedgerDao.EntryRow(
              id.get(), accountId(entry.account()), entry.amountSats(), entry.memo()));
    }
    dao.insertEntries(rows);
    return id;
  }

  /** The id of the transaction booked under {@code key}, if any. */
  public Optional<Long> transactionId(String key) {
    return dao.transactionId(key);
  }

  /** The id of a ledger account, creating the account if needed. */
  public long accountId(LedgerAccountRef account) {
    String code = account.code();
    Long cached = accountIds.get(code);
    if (cached != null) {
      return cached;
    }
    dao.insertAccountIfAbsent(
        code,
        account.kind().wireName(),
        account.kind().perClient() ? account.clientAccountId() : null,
        account.kind().normalSide().wireName());
    long id =
        dao.accountId(code)
            .orElseThrow(() -> new IllegalStateException("ledger account " + code + " vanished"));
    accountIds.put(code, id);
    return id;
  }

  /**
   * Every client's position summed from the entries (not the cache): what payout batches are built
   * from.
   */
  public Map<Long, ClientBalance> clientBalances() {
    Map<Long, Map<LedgerAccountKind, Long>> sums = new TreeMap<>();
    for (AccountBalance balance : dao.derivedBalances()) {
      if (balance.account().kind().perClient()) {
        sums.computeIfAbsent(
                balance.account().clientAccountId(), id -> new EnumMap<>(LedgerAccountKind.class))
            .put(balance.account().kind(), balance.balanceSats());
      }
    }
    Map<Long, ClientBalance> balances = new TreeMap<>();
    sums.forEach((client, byKind) -> balances.put(client, ClientBalance.fromSums(client, byKind)));
    return balances;
  }
}
