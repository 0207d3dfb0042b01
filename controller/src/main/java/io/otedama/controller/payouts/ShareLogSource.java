package io.otedama.controller.payouts;

import io.otedama.controller.payouts.scheme.ShareRecord;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * {@link ShareSource} over the shares feature's log ({@code shares}, V121). A share belongs to the
 * client account its rig works for ({@code rigs.account_id}), else to the client account named as
 * the Stratum {@code <account>} of the miner, else to the farm. The log has no numeric id: the
 * share's id for ordering equal timestamps is a stable 60-bit hash of (rig, share id).
 */
public final class ShareLogSource implements ShareSource {
  private static final String SELECT =
      """
      SELECT ('x' || substr(md5(s.rig_id || '/' || s.share_id), 1, 15))::bit(60)::bigint AS id,
             coalesce(r.account_id, ca.id, 0) AS account_id,
             s.rig_id, s.difficulty, s.ts
        FROM shares s
        LEFT JOIN rigs r ON r.id = s.rig_id
        LEFT JOIN client_accounts ca ON ca.name = s.account
      """;

  /** Rows fetched per round trip while walking a PPLNS window back in time. */
  static final int WINDOW_FETCH = 5_000;

  private final Jdbi jdbi;

  public ShareLogSource(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  @Override
  public List<ShareRecord> sharesInPeriod(Instant fromInclusive, Instant toExclusive) {
    return jdbi.withHandle(h ->
        h.createQuery(SELECT + " WHERE s.ts >= :from AND s.ts < :to AND s.difficulty > 0")
            .bind("from", fromInclusive)
            .bind("to", toExclusive)
            .map(ShareLogSource::share)
            .list());
  }

  @Override
  public List<ShareRecord> sharesInRound(Instant afterExclusive, Instant untilInclusive) {
    return jdbi.withHandle(h ->
        h.createQuery(
                SELECT
                    + " WHERE (CAST(:after AS timestamptz) IS NULL OR s.ts > :after)"
                    + " AND s.ts <= :until AND s.difficulty > 0")
            .bind("after", afterExclusive)
            .bind("until", untilInclusive)
            .map(ShareLogSource::share)
            .list());
  }

  @Override
  public List<ShareRecord> sharesInWindow(Instant untilInclusive, BigDecimal difficulty) {
    // a cursor (fetch size inside a transaction) so only the window's rows are read, not the log
    return jdbi.inTransaction(h -> {
      List<ShareRecord> window = new ArrayList<>();
      try (Stream<ShareRecord> newestFirst =
          h
              .createQuery(
                  SELECT + " WHERE s.ts <= :until AND s.difficulty > 0 ORDER BY s.ts DESC, id DESC")
              .bind("until", untilInclusive)
              .setFetchSize(WINDOW_FETCH)
              .map(ShareLogSource::share)
              .stream()) {
        BigDecimal sum = BigDecimal.ZERO;
        var it = newestFirst.iterator();
        while (sum.compareTo(difficulty) < 0 && it.hasNext()) {
          ShareRecord share = it.next();
          window.add(share);
          sum = sum.add(share.difficulty());
        }
      }
      return window;
    });
  }

  private static ShareRecord share(ResultSet rs, StatementContext ctx) throws SQLException {
    return new ShareRecord(
        rs.getLong("id"),
        rs.getLong("account_id"),
        rs.getString("rig_id"),
        BigDecimal.valueOf(rs.getDouble("difficulty")),
        rs.getTimestamp("ts").toInstant());
  }
}
