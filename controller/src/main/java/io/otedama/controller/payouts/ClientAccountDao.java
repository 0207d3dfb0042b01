package io.otedama.controller.payouts;

import io.otedama.controller.payouts.scheme.FeeSchedule;
import io.otedama.controller.payouts.scheme.PayoutScheme;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Client accounts, sites, and the rigs-to-accounts mapping (V100). */
@RegisterRowMapper(ClientAccountDao.ClientAccountMapper.class)
@RegisterRowMapper(ClientAccountDao.SiteMapper.class)
public interface ClientAccountDao {
  String COLUMNS =
      "id, name, scheme, pool_fee_bps, hosting_fee_bps, payout_threshold_sats, wallet_address,"
          + " site, created_at";

  @SqlQuery(
      """
      INSERT INTO client_accounts
             (name, scheme, pool_fee_bps, hosting_fee_bps, payout_threshold_sats,
              wallet_address, site)
      VALUES (:name, :scheme, :poolFeeBps, :hostingFeeBps, :threshold, :address, :site)
      """
          + "RETURNING "
          + COLUMNS)
  ClientAccount insert(
      @Bind("name") String name,
      @Bind("scheme") String scheme,
      @Bind("poolFeeBps") int poolFeeBps,
      @Bind("hostingFeeBps") int hostingFeeBps,
      @Bind("threshold") long thresholdSats,
      @Bind("address") String walletAddress,
      @Bind("site") String site);

  @SqlQuery("SELECT " + COLUMNS + " FROM client_accounts WHERE id = :id")
  Optional<ClientAccount> find(@Bind("id") long id);

  @SqlQuery("SELECT " + COLUMNS + " FROM client_accounts WHERE name = :name")
  Optional<ClientAccount> findByName(@Bind("name") String name);

  @SqlQuery("SELECT " + COLUMNS + " FROM client_accounts ORDER BY id")
  List<ClientAccount> list();

  @SqlQuery(
      """
      UPDATE client_accounts
         SET scheme = :scheme, pool_fee_bps = :poolFeeBps, hosting_fee_bps = :hostingFeeBps,
             payout_threshold_sats = :threshold
       WHERE id = :id
      """
          + "RETURNING "
          + COLUMNS)
  Optional<ClientAccount> updateTerms(
      @Bind("id") long id,
      @Bind("scheme") String scheme,
      @Bind("poolFeeBps") int poolFeeBps,
      @Bind("hostingFeeBps") int hostingFeeBps,
      @Bind("threshold") long thresholdSats);

  @SqlQuery(
      "UPDATE client_accounts SET wallet_address = :address WHERE id = :id RETURNING " + COLUMNS)
  Optional<ClientAccount> updateWalletAddress(
      @Bind("id") long id, @Bind("address") String walletAddress);

  @SqlQuery("UPDATE client_accounts SET site = :site WHERE id = :id RETURNING " + COLUMNS)
  Optional<ClientAccount> updateSite(@Bind("id") long id, @Bind("site") String site);

  @SqlUpdate(
      """
      INSERT INTO payout_sites (name, electricity_msat_per_kwh) VALUES (:name, :price)
      ON CONFLICT (name) DO UPDATE
         SET electricity_msat_per_kwh = EXCLUDED.electricity_msat_per_kwh, updated_at = now()\
      """)
  void upsertSite(@Bind("name") String name, @Bind("price") long msatPerKwh);

  @SqlQuery("SELECT name, electricity_msat_per_kwh FROM payout_sites WHERE name = :name")
  Optional<Site> findSite(@Bind("name") String name);

  @SqlQuery("SELECT name, electricity_msat_per_kwh FROM payout_sites ORDER BY name")
  List<Site> sites();

  /** Assigns a rig to an account (null: the farm's own); returns the rows changed (0: no rig). */
  @SqlUpdate("UPDATE rigs SET account_id = :accountId WHERE id = :rigId")
  int assignRig(@Bind("rigId") String rigId, @Bind("accountId") Long accountId);

  @SqlQuery("SELECT id FROM rigs WHERE account_id = :accountId ORDER BY id")
  List<String> rigsOf(@Bind("accountId") long accountId);

  final class ClientAccountMapper implements RowMapper<ClientAccount> {
    @Override
    public ClientAccount map(ResultSet rs, StatementContext ctx) throws SQLException {
      return new ClientAccount(
          rs.getLong("id"),
          rs.getString("name"),
          PayoutScheme.fromWireName(rs.getString("scheme")),
          new FeeSchedule(rs.getInt("pool_fee_bps"), rs.getInt("hosting_fee_bps")),
          rs.getLong("payout_threshold_sats"),
          rs.getString("wallet_address"),
          rs.getString("site"),
          rs.getTimestamp("created_at").toInstant());
    }
  }

  final class SiteMapper implements RowMapper<Site> {
    @Override
    public Site map(ResultSet rs, StatementContext ctx) throws SQLException {
      return new Site(rs.getString("name"), rs.getLong("electricity_msat_per_kwh"));
    }
  }
}
