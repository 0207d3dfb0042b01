package io.otedama.controller.payouts.ledger;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The ledger tables (V101). Writes happen only through {@link LedgerStore}. */
@RegisterRowMapper(LedgerDao.AccountBalanceMapper.class)
public interface LedgerDao {
  /** One entry row to insert. */
  record EntryRow(long transactionId, long accountId, long amountSats, String memo) {}

  @SqlUpdate(
      """
      INSERT INTO ledger_accounts (code, kind, client_account_id, normal_side)
      VALUES (:code, :kind, :clientAccountId, :normalSide)
      ON CONFLICT (code) DO NOTHING\
      """)
  void insertAccountIfAbsent(
      @Bind("code") String code,
      @Bind("kind") String kind,
      @Bind("clientAccountId") Long clientAccountId,
      @Bind("normalSide") String normalSide);

  @SqlQuery("SELECT id FROM ledger_accounts WHERE code = :code")
  Optional<Long> accountId(@Bind("code") String code);

  /** Inserts the transaction row; empty when its key was booked before. */
  @SqlQuery(
      """
      INSERT INTO ledger_transactions (idempotency_key, kind, description)
      VALUES (:key, :kind, :description)
      ON CONFLICT (idempotency_key) DO NOTHING
      RETURNING id\
      """)
  Optional<Long> insertTransactionIfAbsent(
      @Bind("key") String key, @Bind("kind") String kind, @Bind("description") String description);

  @SqlQuery("SELECT id FROM ledger_transactions WHERE idempotency_key = :key")
  Optional<Long> transactionId(@Bind("key") String key);

  @SqlBatch(
      """
      INSERT INTO ledger_entries (transaction_id, account_id, amount_sats, memo)
      VALUES (:transactionId, :accountId, :amountSats, :memo)\
      """)
  void insertEntries(@BindMethods List<EntryRow> rows);

  /** Balances from the cache table (fast; verified by {@link LedgerCheck}). */
  @SqlQuery(
      """
      SELECT a.kind, a.client_account_id,
             coalesce(b.balance_sats, 0) AS balance_sats, coalesce(b.entry_count, 0) AS entry_count
        FROM ledger_accounts a LEFT JOIN ledger_balances b ON b.account_id = a.id
       ORDER BY a.client_account_id NULLS FIRST, a.id\
      """)
  List<AccountBalance> cachedBalances();

  /** Balances summed from the entries (the truth). */
  @SqlQuery(
      """
      SELECT kind, client_account_id, balance_sats, entry_count
        FROM ledger_account_balances
       ORDER BY client_account_id NULLS FIRST, account_id\
      """)
  List<AccountBalance> derivedBalances();

  /** Maps {@code kind, client_account_id, balance_sats, entry_count}. */
  final class AccountBalanceMapper implements RowMapper<AccountBalance> {
    @Override
    public AccountBalance map(ResultSet rs, StatementContext ctx) throws SQLException {
      LedgerAccountKind kind = LedgerAccountKind.fromWireName(rs.getString("kind"));
      long client = rs.getLong("client_account_id");
      return new AccountBalance(
          new LedgerAccountRef(kind, client),
          rs.getLong("balance_sats"),
          rs.getLong("entry_count"));
    }
  }
}
