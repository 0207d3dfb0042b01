package io.otedama.controller.payouts;

import io.otedama.controller.payouts.scheme.PayoutScheme;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Blocks, pool earnings, accounting runs and credit lines (V102). */
@RegisterRowMapper(EarningsDao.BlockMapper.class)
@RegisterRowMapper(EarningsDao.PoolEarningMapper.class)
@RegisterRowMapper(EarningsDao.RunMapper.class)
@RegisterRowMapper(EarningsDao.CreditLineMapper.class)
public interface EarningsDao {
  /** A booked block and whether a run distributed it. */
  record StoredBlock(BlockFound block, Long distributedRunId) {}

  /** A booked pool earning and whether a run distributed it. */
  record StoredPoolEarning(long id, PoolEarning earning, Long distributedRunId) {}

  String BLOCK_COLUMNS =
      "hash, height, subsidy_sats, fees_sats, network_difficulty, found_at, distributed_run_id";

  @SqlQuery(
      """
      INSERT INTO payout_blocks
             (hash, height, subsidy_sats, fees_sats, network_difficulty, found_at)
      VALUES (:hash, :height, :subsidy, :fees, :difficulty, :foundAt)
      ON CONFLICT (hash) DO NOTHING
      RETURNING hash\
      """)
  Optional<String> insertBlockIfAbsent(
      @Bind("hash") String hash,
      @Bind("height") long height,
      @Bind("subsidy") long subsidySats,
      @Bind("fees") long feesSats,
      @Bind("difficulty") BigDecimal networkDifficulty,
      @Bind("foundAt") Instant foundAt);

  @SqlQuery("SELECT " + BLOCK_COLUMNS + " FROM payout_blocks WHERE hash = :hash")
  Optional<StoredBlock> findBlock(@Bind("hash") String hash);

  /** A distributed block found after {@code foundAt}: booking an older one now would be late. */
  @SqlQuery(
      "SELECT "
          + BLOCK_COLUMNS
          + " FROM payout_blocks WHERE distributed_run_id IS NOT NULL"
          + " AND (found_at, height) > (:foundAt, :height) ORDER BY found_at, height LIMIT 1")
  Optional<StoredBlock> distributedBlockAfter(
      @Bind("foundAt") Instant foundAt, @Bind("height") long height);

  @SqlQuery(
      "SELECT "
          + BLOCK_COLUMNS
          + " FROM payout_blocks WHERE distributed_run_id IS NULL AND found_at < :end"
          + " ORDER BY found_at, height")
  List<StoredBlock> undistributedBlocksBefore(@Bind("end") Instant end);

  /** When the block before this one was found: the start (exclusive) of this block's round. */
  @SqlQuery(
      "SELECT found_at FROM payout_blocks WHERE (found_at, height) < (:foundAt, :height)"
          + " ORDER BY found_at DESC, height DESC LIMIT 1")
  Optional<Instant> previousBlockFoundAt(
      @Bind("foundAt") Instant foundAt, @Bind("height") long height);

  @SqlUpdate("UPDATE payout_blocks SET distributed_run_id = :runId WHERE hash = :hash")
  void markBlockDistributed(@Bind("hash") String hash, @Bind("runId") long runId);

  @SqlQuery(
      """
      INSERT INTO pool_earnings (pool, period_start, period_end, amount_sats)
      VALUES (:pool, :start, :end, :amount)
      ON CONFLICT (pool, period_start, period_end) DO NOTHING
      RETURNING id\
      """)
  Optional<Long> insertPoolEarningIfAbsent(
      @Bind("pool") String pool,
      @Bind("start") Instant start,
      @Bind("end") Instant end,
      @Bind("amount") long amountSats);

  @SqlQuery(
      """
      SELECT id, pool, period_start, period_end, amount_sats, distributed_run_id
        FROM pool_earnings WHERE pool = :pool AND period_start = :start AND period_end = :end\
      """)
  Optional<StoredPoolEarning> findPoolEarning(
      @Bind("pool") String pool, @Bind("start") Instant start, @Bind("end") Instant end);

  /** Another earning of the same pool whose period overlaps (but is not) this one. */
  @SqlQuery(
      """
      SELECT id, pool, period_start, period_end, amount_sats, distributed_run_id
        FROM pool_earnings
       WHERE pool = :pool AND period_start < :end AND period_end > :start
         AND NOT (period_start = :start AND period_end = :end)
       ORDER BY period_start LIMIT 1\
      """)
  Optional<StoredPoolEarning> overlappingPoolEarning(
      @Bind("pool") String pool, @Bind("start") Instant start, @Bind("end") Instant end);

  @SqlQuery(
      """
      SELECT id, pool, period_start, period_end, amount_sats, distributed_run_id
        FROM pool_earnings WHERE distributed_run_id IS NULL AND period_end <= :end
       ORDER BY period_end, id\
      """)
  List<StoredPoolEarning> undistributedPoolEarningsUpTo(@Bind("end") Instant end);

  @SqlUpdate("UPDATE pool_earnings SET distributed_run_id = :runId WHERE id = :id")
  void markPoolEarningDistributed(@Bind("id") long id, @Bind("runId") long runId);

  String RUN_COLUMNS =
      """
      id, period_start, period_end, block_subsidy_sats, expected_fees_per_block_sats,
      network_difficulty, pplns_window_factor, ran_at, blocks_distributed,
      pool_earnings_distributed, earnings_distributed_sats, credited_gross_sats, fees_sats,
      electricity_sats, dust_sats\
      """;

  @SqlQuery(
      """
      INSERT INTO accounting_runs
             (period_start, period_end, block_subsidy_sats, expected_fees_per_block_sats,
              network_difficulty, pplns_window_factor)
      VALUES (:start, :end, :subsidy, :fees, :difficulty, :windowFactor)
      ON CONFLICT (period_start, period_end) DO NOTHING
      RETURNING id\
      """)
  Optional<Long> insertRunIfAbsent(
      @Bind("start") Instant start,
      @Bind("end") Instant end,
      @Bind("subsidy") long subsidySats,
      @Bind("fees") long expectedFeesSats,
      @Bind("difficulty") BigDecimal networkDifficulty,
      @Bind("windowFactor") BigDecimal windowFactor);

  @SqlQuery(
      "SELECT "
          + RUN_COLUMNS
          + " FROM accounting_runs WHERE period_start = :start AND period_end = :end")
  Optional<AccountingRun> findRun(@Bind("start") Instant start, @Bind("end") Instant end);

  @SqlQuery(
      "SELECT "
          + RUN_COLUMNS
          + " FROM accounting_runs WHERE period_start < :end AND period_end > :start"
          + " ORDER BY period_start LIMIT 1")
  Optional<AccountingRun> overlappingRun(@Bind("start") Instant start, @Bind("end") Instant end);

  @SqlQuery("SELECT " + RUN_COLUMNS + " FROM accounting_runs ORDER BY period_start")
  List<AccountingRun> runs();

  @SqlUpdate(
      """
      UPDATE accounting_runs
         SET blocks_distributed = :blocks, pool_earnings_distributed = :poolEarnings,
             earnings_distributed_sats = :earnings, credited_gross_sats = :credited,
             fees_sats = :fees, electricity_sats = :electricity, dust_sats = :dust
       WHERE id = :id\
      """)
  void recordRunTotals(
      @Bind("id") long id,
      @Bind("blocks") int blocks,
      @Bind("poolEarnings") int poolEarnings,
      @Bind("earnings") long earningsSats,
      @Bind("credited") long creditedSats,
      @Bind("fees") long feesSats,
      @Bind("electricity") long electricitySats,
      @Bind("dust") long dustSats);

  @SqlUpdate(
      """
      INSERT INTO payout_credits
             (run_id, client_account_id, source, source_ref, scheme, gross_sats, pool_fee_sats,
              hosting_fee_sats, electricity_sats, net_sats, energy_ws, ledger_transaction_id)
      VALUES (:runId, :accountId, :source, :sourceRef, :scheme, :gross, :poolFee, :hostingFee,
              :electricity, :net, :energyWs, :ledgerTx)\
      """)
  void insertCredit(
      @Bind("runId") long runId,
      @Bind("accountId") long accountId,
      @Bind("source") String source,
      @Bind("sourceRef") String sourceRef,
      @Bind("scheme") String scheme,
      @Bind("gross") long grossSats,
      @Bind("poolFee") long poolFeeSats,
      @Bind("hostingFee") long hostingFeeSats,
      @Bind("electricity") long electricitySats,
      @Bind("net") long netSats,
      @Bind("energyWs") BigDecimal energyWs,
      @Bind("ledgerTx") long ledgerTransactionId);

  String CREDIT_COLUMNS =
      """
      run_id, client_account_id, source, source_ref, scheme, gross_sats, pool_fee_sats,
      hosting_fee_sats, electricity_sats, net_sats, energy_ws\
      """;

  @SqlQuery("SELECT " + CREDIT_COLUMNS + " FROM payout_credits WHERE run_id = :runId ORDER BY id")
  List<CreditLine> creditsOfRun(@Bind("runId") long runId);

  @SqlQuery(
      "SELECT "
          + CREDIT_COLUMNS
          + " FROM payout_credits WHERE client_account_id = :accountId ORDER BY id")
  List<CreditLine> creditsOfAccount(@Bind("accountId") long accountId);

  final class BlockMapper implements RowMapper<StoredBlock> {
    @Override
    public StoredBlock map(ResultSet rs, StatementContext ctx) throws SQLException {
      long run = rs.getLong("distributed_run_id");
      return new StoredBlock(
          new BlockFound(
              rs.getLong("height"),
              rs.getString("hash"),
              rs.getLong("subsidy_sats"),
              rs.getLong("fees_sats"),
              rs.getBigDecimal("network_difficulty"),
              rs.getTimestamp("found_at").toInstant()),
          rs.wasNull() ? null : run);
    }
  }

  final class PoolEarningMapper implements RowMapper<StoredPoolEarning> {
    @Override
    public StoredPoolEarning map(ResultSet rs, StatementContext ctx) throws SQLException {
      long run = rs.getLong("distributed_run_id");
      Long distributed = rs.wasNull() ? null : run;
      return new StoredPoolEarning(
          rs.getLong("id"),
          new PoolEarning(
              rs.getString("pool"),
              new AccountingPeriod(
                  rs.getTimestamp("period_start").toInstant(),
                  rs.getTimestamp("period_end").toInstant()),
              rs.getLong("amount_sats")),
          distributed);
    }
  }

  final class RunMapper implements RowMapper<AccountingRun> {
    @Override
    public AccountingRun map(ResultSet rs, StatementContext ctx) throws SQLException {
      return new AccountingRun(
          rs.getLong("id"),
          new AccountingPeriod(
              rs.getTimestamp("period_start").toInstant(),
              rs.getTimestamp("period_end").toInstant()),
          new NetworkConditions(
              rs.getLong("block_subsidy_sats"),
              rs.getLong("expected_fees_per_block_sats"),
              rs.getBigDecimal("network_difficulty")),
          rs.getBigDecimal("pplns_window_factor"),
          rs.getTimestamp("ran_at").toInstant(),
          false,
          rs.getInt("blocks_distributed"),
          rs.getInt("pool_earnings_distributed"),
          rs.getLong("earnings_distributed_sats"),
          rs.getLong("credited_gross_sats"),
          rs.getLong("fees_sats"),
          rs.getLong("electricity_sats"),
          rs.getLong("dust_sats"),
          List.of());
    }
  }

  final class CreditLineMapper implements RowMapper<CreditLine> {
    @Override
    public CreditLine map(ResultSet rs, StatementContext ctx) throws SQLException {
      return new CreditLine(
          rs.getLong("run_id"),
          rs.getLong("client_account_id"),
          rs.getString("source"),
          rs.getString("source_ref"),
          PayoutScheme.fromWireName(rs.getString("scheme")),
          rs.getLong("gross_sats"),
          rs.getLong("pool_fee_sats"),
          rs.getLong("hosting_fee_sats"),
          rs.getLong("electricity_sats"),
          rs.getLong("net_sats"),
          rs.getBigDecimal("energy_ws"));
    }
  }
}
