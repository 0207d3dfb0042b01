package io.otedama.controller.payouts;

import io.otedama.controller.payouts.address.BitcoinNetwork;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
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

/** Payout batches, their items and skips (V103). */
@RegisterRowMapper(PayoutBatchDao.BatchMapper.class)
@RegisterRowMapper(PayoutBatchDao.ItemMapper.class)
@RegisterRowMapper(PayoutBatchDao.SkipMapper.class)
public interface PayoutBatchDao {
  String COLUMNS =
      "id, period_start, period_end, status, network, total_sats, created_at, txid,"
          + " network_fee_sats, paid_at";

  /** Inserts the period's batch row; empty when the period has one already. */
  @SqlQuery(
      """
      INSERT INTO payout_batches (period_start, period_end, network)
      VALUES (:start, :end, :network)
      ON CONFLICT (period_start, period_end) DO NOTHING
      RETURNING id\
      """)
  Optional<Long> insertIfAbsent(
      @Bind("start") Instant start, @Bind("end") Instant end, @Bind("network") String network);

  @SqlQuery(
      "SELECT "
          + COLUMNS
          + " FROM payout_batches WHERE period_start = :start AND period_end = :end")
  Optional<PayoutBatch> findByPeriod(@Bind("start") Instant start, @Bind("end") Instant end);

  @SqlQuery("SELECT " + COLUMNS + " FROM payout_batches WHERE id = :id")
  Optional<PayoutBatch> find(@Bind("id") long id);

  @SqlQuery("SELECT " + COLUMNS + " FROM payout_batches WHERE id = :id FOR UPDATE")
  Optional<PayoutBatch> findForUpdate(@Bind("id") long id);

  @SqlQuery("SELECT " + COLUMNS + " FROM payout_batches WHERE txid = :txid")
  Optional<PayoutBatch> findByTxid(@Bind("txid") String txid);

  @SqlQuery("SELECT " + COLUMNS + " FROM payout_batches ORDER BY period_start DESC, id DESC")
  List<PayoutBatch> list();

  @SqlBatch(
      """
      INSERT INTO payout_batch_items (batch_id, client_account_id, address, amount_sats)
      VALUES (:batchId, :accountId, :address, :amountSats)\
      """)
  void insertItems(@Bind("batchId") long batchId, @BindMethods List<PayoutBatch.Item> items);

  @SqlBatch(
      """
      INSERT INTO payout_batch_skips (batch_id, client_account_id, payable_sats, reason)
      VALUES (:batchId, :accountId, :payableSats, :reason)\
      """)
  void insertSkips(@Bind("batchId") long batchId, @BindMethods List<PayoutBatch.Skip> skips);

  @SqlQuery(
      """
      SELECT client_account_id, address, amount_sats FROM payout_batch_items
       WHERE batch_id = :batchId ORDER BY client_account_id\
      """)
  List<PayoutBatch.Item> items(@Bind("batchId") long batchId);

  @SqlQuery(
      """
      SELECT client_account_id, payable_sats, reason FROM payout_batch_skips
       WHERE batch_id = :batchId ORDER BY client_account_id\
      """)
  List<PayoutBatch.Skip> skips(@Bind("batchId") long batchId);

  @SqlUpdate(
      "UPDATE payout_batches SET total_sats = :total, ledger_transaction_id = :ledgerTx"
          + " WHERE id = :id")
  void recordBooking(
      @Bind("id") long id, @Bind("total") long totalSats, @Bind("ledgerTx") Long ledgerTxId);

  @SqlUpdate(
      """
      UPDATE payout_batches
         SET status = 'paid', txid = :txid, network_fee_sats = :fee, paid_at = :paidAt,
             paid_ledger_transaction_id = :ledgerTx
       WHERE id = :id AND status = 'pending'\
      """)
  int markPaid(
      @Bind("id") long id,
      @Bind("txid") String txid,
      @Bind("fee") long networkFeeSats,
      @Bind("paidAt") Instant paidAt,
      @Bind("ledgerTx") long ledgerTxId);

  /** Maps the batch row; items and skips are loaded separately. */
  final class BatchMapper implements RowMapper<PayoutBatch> {
    @Override
    public PayoutBatch map(ResultSet rs, StatementContext ctx) throws SQLException {
      long fee = rs.getLong("network_fee_sats");
      Long networkFee = rs.wasNull() ? null : fee;
      Timestamp paidAt = rs.getTimestamp("paid_at");
      return new PayoutBatch(
          rs.getLong("id"),
          new AccountingPeriod(
              rs.getTimestamp("period_start").toInstant(),
              rs.getTimestamp("period_end").toInstant()),
          BatchStatus.fromWireName(rs.getString("status")),
          BitcoinNetwork.fromWireName(rs.getString("network")),
          rs.getLong("total_sats"),
          rs.getTimestamp("created_at").toInstant(),
          rs.getString("txid"),
          networkFee,
          paidAt == null ? null : paidAt.toInstant(),
          List.of(),
          List.of());
    }
  }

  final class ItemMapper implements RowMapper<PayoutBatch.Item> {
    @Override
    public PayoutBatch.Item map(ResultSet rs, StatementContext ctx) throws SQLException {
      return new PayoutBatch.Item(
          rs.getLong("client_account_id"), rs.getString("address"), rs.getLong("amount_sats"));
    }
  }

  final class SkipMapper implements RowMapper<PayoutBatch.Skip> {
    @Override
    public PayoutBatch.Skip map(ResultSet rs, StatementContext ctx) throws SQLException {
      return new PayoutBatch.Skip(
          rs.getLong("client_account_id"), rs.getLong("payable_sats"), rs.getString("reason"));
    }
  }
}
