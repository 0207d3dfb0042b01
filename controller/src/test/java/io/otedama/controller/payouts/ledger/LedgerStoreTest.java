package io.otedama.controller.payouts.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.otedama.controller.payouts.testing.PayoutTestDatabase;
import io.otedama.controller.payouts.testing.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The ledger on real PostgreSQL: the database itself refuses unbalanced, empty or edited
 * transactions, and the check catches what gets past it (a tampered balance cache, entries written
 * with triggers switched off). Tests run in order: the tampering ones come last.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LedgerStoreTest {
  private static final LedgerAccountRef WALLET = LedgerAccountRef.farm(LedgerAccountKind.WALLET);
  private static final LedgerAccountRef INCOME =
      LedgerAccountRef.farm(LedgerAccountKind.POOL_INCOME);
  private static final LedgerAccountRef REVENUE = LedgerAccountRef.farm(LedgerAccountKind.REVENUE);

  private static TestDatabase db;
  private static Jdbi jdbi;
  private static LedgerCheck check;

  @BeforeAll
  static void database() {
    db = PayoutTestDatabase.create();
    jdbi = db.jdbi();
    check = new LedgerCheck(jdbi, Clock.systemUTC());
  }

  private static Optional<Long> post(LedgerTransaction tx) {
    return jdbi.inTransaction(h -> new LedgerStore(h).post(tx));
  }

  private static LedgerTransaction earning(String key, long sats) {
    return LedgerTransaction.builder(key, "earning", "test earning")
        .debit(WALLET, sats, "in")
        .credit(INCOME, sats, "to distribute")
        .build();
  }

  @Test
  @Order(1)
  void anEmptyLedgerIsBalanced() {
    LedgerCheckReport report = check.run();
    assertThat(report.balanced()).isTrue();
    assertThat(report.transactions()).isZero();
    assertThat(report.reconciliations()).allMatch(LedgerCheckReport.Reconciliation::ok);
  }

  @Test
  @Order(2)
  void postsOnceAndKeepsBalancesThatMatchTheEntries() {
    assertThat(post(earning("e1", 1_000))).isPresent();
    assertThat(post(earning("e1", 1_000))).as("same key again").isEmpty();
    assertThat(post(earning("e2", 500))).isPresent();

    assertThat(db.queryLong("SELECT count(*) FROM ledger_transactions")).isEqualTo(2);
    assertThat(db.queryLong("SELECT count(*) FROM ledger_entries")).isEqualTo(4);
    LedgerDao dao = jdbi.onDemand(LedgerDao.class);
    assertThat(dao.cachedBalances()).isEqualTo(dao.derivedBalances());
    assertThat(dao.cachedBalances())
        .extracting(AccountBalance::code, AccountBalance::normalBalanceSats)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("farm:wallet", 1_500L),
            org.assertj.core.groups.Tuple.tuple("farm:pool_income", 1_500L));

    // balanced entries, but money no booked earning explains: the reconciliations catch it
    LedgerCheckReport unexplained = check.run();
    assertThat(unexplained.balanced()).isFalse();
    assertThat(unexplained.unbalancedTransactions()).isEmpty();
    assertThat(unexplained.reconciliations())
        .filteredOn(r -> !r.ok())
        .extracting(LedgerCheckReport.Reconciliation::name)
        .containsExactly("undistributed_earnings", "wallet");
    db.sql(
        "INSERT INTO pool_earnings (pool, period_start, period_end, amount_sats) VALUES"
            + " ('test', '2025-01-01Z', '2025-01-02Z', 1000),"
            + " ('test', '2025-01-02Z', '2025-01-03Z', 500)");
    assertThat(check.run().balanced()).isTrue();
  }

  @Test
  @Order(3)
  void postingOutsideATransactionIsRefused() {
    assertThatThrownBy(() -> jdbi.useHandle(h -> new LedgerStore(h).post(earning("e3", 1))))
        .hasMessageContaining("inside a database transaction");
  }

  @Test
  @Order(4)
  void theDatabaseRefusesAnUnbalancedTransactionAtCommit() throws SQLException {
    long accountId = jdbi.withHandle(h -> new LedgerStore(h).accountId(WALLET));
    try (Connection c = db.dataSource().getConnection();
        Statement s = c.createStatement()) {
      c.setAutoCommit(false);
      s.execute(
          "INSERT INTO ledger_transactions (id, idempotency_key, kind, description)"
              + " VALUES (9001, 'forged', 'forged', 'one-legged')");
      s.execute(
          "INSERT INTO ledger_entries (transaction_id, account_id, amount_sats)"
              + " VALUES (9001, "
              + accountId
              + ", 100)");
      // the deferred constraint trigger fires at commit
      assertThatThrownBy(c::commit)
          .isInstanceOf(SQLException.class)
          .hasMessageContaining(
              "ledger transaction 9001 does not balance: 1 entries summing to 100");
    }
    assertThat(db.queryLong("SELECT count(*) FROM ledger_transactions WHERE id = 9001")).isZero();
  }

  @Test
  @Order(5)
  void theDatabaseRefusesATransactionWithoutEntries() throws SQLException {
    try (Connection c = db.dataSource().getConnection();
        Statement s = c.createStatement()) {
      c.setAutoCommit(false);
      s.execute(
          "INSERT INTO ledger_transactions (idempotency_key, kind, description)"
              + " VALUES ('empty', 'forged', 'no entries')");
      assertThatThrownBy(c::commit).hasMessageContaining("has no entries");
    }
  }

  @Test
  @Order(6)
  void theDatabaseRefusesUnbalancedEntriesAddedToAnOldTransaction() {
    long walletId = jdbi.withHandle(h -> new LedgerStore(h).accountId(WALLET));
    long tx = db.queryLong("SELECT id FROM ledger_transactions WHERE idempotency_key = 'e1'");
    assertThatThrownBy(() ->
            db.sql(
                "INSERT INTO ledger_entries (transaction_id, account_id, amount_sats) VALUES ("
                    + tx
                    + ", "
                    + walletId
                    + ", 1)"))
        .hasMessageContaining("does not balance: 3 entries summing to 1");
  }

  @Test
  @Order(7)
  void entriesAndTransactionsCannotBeEditedOrDeleted() {
    assertThatThrownBy(() -> db.sql("UPDATE ledger_entries SET amount_sats = amount_sats * 2"))
        .hasMessageContaining("append-only: UPDATE on ledger_entries is refused");
    assertThatThrownBy(() -> db.sql("DELETE FROM ledger_entries"))
        .hasMessageContaining("append-only: DELETE on ledger_entries is refused");
    assertThatThrownBy(() -> db.sql("TRUNCATE ledger_entries CASCADE"))
        .hasMessageContaining("append-only");
    assertThatThrownBy(() -> db.sql("UPDATE ledger_transactions SET kind = 'x'"))
        .hasMessageContaining("append-only: UPDATE on ledger_transactions is refused");
    assertThat(check.run().balanced()).isTrue();
  }

  @Test
  @Order(8)
  void theCheckAnswersTheContractsJson() throws Exception {
    ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule());
    JsonNode body = json.readTree(json.writeValueAsString(check.run()));
    assertThat(body.get("balanced").asBoolean()).isTrue();
    assertThat(body.get("transactions").asLong()).isEqualTo(2);
    assertThat(body.get("reconciliations").isArray()).isTrue();
  }

  @Test
  @Order(9)
  void theCheckDetectsATamperedBalanceCache() {
    long walletId = jdbi.withHandle(h -> new LedgerStore(h).accountId(WALLET));
    // the cache is a plain table: someone "fixes" the wallet balance by hand
    db.sql(
        "UPDATE ledger_balances SET balance_sats = balance_sats + 1 WHERE account_id = "
            + walletId);
    LedgerCheckReport report = check.run();
    assertThat(report.balanced()).isFalse();
    assertThat(report.unbalancedTransactions()).isEmpty();
    assertThat(report.balanceMismatches())
        .containsExactly(new LedgerCheckReport.BalanceMismatch("farm:wallet", 1_500, 1_501, 2, 2));
    db.sql(
        "UPDATE ledger_balances SET balance_sats = balance_sats - 1 WHERE account_id = "
            + walletId);
    assertThat(check.run().balanced()).isTrue();
  }

  @Test
  @Order(10)
  void theCheckDetectsAnUnbalancedEntryWrittenWithTriggersSwitchedOff() {
    long revenueId = jdbi.withHandle(h -> new LedgerStore(h).accountId(REVENUE));
    long tx = db.queryLong("SELECT id FROM ledger_transactions WHERE idempotency_key = 'e2'");
    // a superuser (or a restore with triggers disabled) bypasses every trigger, the constraint
    // trigger included: the row lands, and only the check can notice
    db.sql(
        "SET session_replication_role = replica",
        "INSERT INTO ledger_entries (transaction_id, account_id, amount_sats, memo) VALUES ("
            + tx
            + ", "
            + revenueId
            + ", 7, 'forged')",
        "SET session_replication_role = origin");
    LedgerCheckReport report = check.run();
    assertThat(report.balanced()).isFalse();
    assertThat(report.entriesTotalSats()).isEqualTo(7);
    assertThat(report.unbalancedTransactionCount()).isEqualTo(1);
    assertThat(report.unbalancedTransactions())
        .containsExactly(new LedgerCheckReport.UnbalancedTransaction(tx, "e2", 7, 3));
    // the cache trigger did not run either, so the revenue cache disagrees with the entries too
    assertThat(report.balanceMismatches())
        .extracting(LedgerCheckReport.BalanceMismatch::account)
        .containsExactly("farm:revenue");
  }
}
