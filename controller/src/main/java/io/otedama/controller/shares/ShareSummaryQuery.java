package io.otedama.controller.shares;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Reads the hourly {@code share_counts} rollup for the share summary of the API: totals, per rig,
 * per client account and per hour or day, rejected shares by reason, over the whole hours from the
 * one containing {@code from} to the one containing {@code to} (so "until now" includes the current
 * hour).
 *
 * <p>A rig's account is the one it works for now: {@code rigs.account_id} (the payout attribution),
 * else its visibility link in {@code client_rigs} (an account payouts do not know yet).
 */
public final class ShareSummaryQuery {
  /** Hourly periods up to this range, daily beyond it (a week of hours is 168 rows). */
  public static final Duration HOURLY_UP_TO = Duration.ofHours(48);

  private static final String ACCOUNT_OF_RIG =
      "COALESCE(r.account_id, (SELECT min(cr.account_id) FROM client_rigs cr"
          + " WHERE cr.rig_id = c.rig_id))";

  private final Jdbi jdbi;

  public ShareSummaryQuery(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  /** How the summary is narrowed: one rig, one account's rigs, or both; null fields: all. */
  public record Scope(String rigId, Long accountId) {
    public static final Scope ALL = new Scope(null, null);
  }

  /**
   * @param rigId one rig only, or null for all
   */
  public ShareSummary summary(Instant from, Instant to, String rigId) {
    return summary(from, to, new Scope(rigId, null), null);
  }

  /**
   * @param bucket {@code hour} or {@code day}; null picks hours up to {@link #HOURLY_UP_TO}, days
   *     beyond
   */
  public ShareSummary summary(Instant from, Instant to, Scope scope, String bucket) {
    if (!from.isBefore(to)) {
      throw new IllegalArgumentException("'from' must be before 'to'");
    }
    Instant start = from.truncatedTo(ChronoUnit.HOURS);
    Instant end = to.truncatedTo(ChronoUnit.HOURS).plus(1, ChronoUnit.HOURS);
    String unit =
        bucket == null
            ? (Duration.between(start, end).compareTo(HOURLY_UP_TO) <= 0 ? "hour" : "day")
            : bucket.strip().toLowerCase(Locale.ROOT);
    if (!unit.equals("hour") && !unit.equals("day")) {
      throw new IllegalArgumentException("'bucket' must be hour or day");
    }
    StringBuilder where = new StringBuilder(" WHERE c.hour >= :from AND c.hour < :to");
    if (scope.rigId() != null) {
      where.append(" AND c.rig_id = :rig");
    }
    if (scope.accountId() != null) {
      // the IN narrows by index to the account's few rigs before the per-row account test
      where
          .append(" AND c.rig_id IN (SELECT id FROM rigs WHERE account_id = :account")
          .append(" UNION SELECT rig_id FROM client_rigs WHERE account_id = :account)")
          .append(" AND ")
          .append(ACCOUNT_OF_RIG)
          .append(" = :account");
    }
    String fromRollup = " FROM share_counts c LEFT JOIN rigs r ON r.id = c.rig_id" + where;
    return jdbi.withHandle(h -> {
      List<Row> rows =
          bind(
                  h.createQuery(
                      "SELECT c.rig_id, "
                          + ACCOUNT_OF_RIG
                          + " AS account_id, c.result, c.reason, sum(c.shares) AS shares,"
                          + " sum(c.difficulty) AS difficulty"
                          + fromRollup
                          + " GROUP BY c.rig_id, 2, c.result, c.reason ORDER BY c.rig_id"),
                  start,
                  end,
                  scope)
              .map((rs, ctx) ->
                  new Row(
                      rs.getString("rig_id"),
                      rs.getObject("account_id") == null ? null : rs.getLong("account_id"),
                      rs.getString("result"),
                      rs.getString("reason"),
                      rs.getLong("shares"),
                      rs.getDouble("difficulty")))
              .list();
      List<ShareSummary.PeriodCounts> periods =
          bind(
                  h.createQuery(
                      "SELECT date_trunc('"
                          + unit
                          + "', c.hour, 'UTC') AS start,"
                          + " sum(c.shares) FILTER (WHERE c.result = 'accepted') AS accepted,"
                          + " sum(c.shares) FILTER (WHERE c.result = 'rejected') AS rejected,"
                          + " sum(c.difficulty) FILTER (WHERE c.result = 'accepted') AS difficulty"
                          + fromRollup
                          + " GROUP BY 1 ORDER BY 1"),
                  start,
                  end,
                  scope)
              .map((rs, ctx) ->
                  new ShareSummary.PeriodCounts(
                      rs.getTimestamp("start").toInstant(),
                      rs.getLong("accepted"),
                      rs.getLong("rejected"),
                      rs.getDouble("difficulty")))
              .list();
      Map<String, Acc> perRig = new LinkedHashMap<>();
      Map<Long, Acc> perAccount = new TreeMap<>();
      Map<Long, Integer> accountRigs = new HashMap<>();
      Acc total = new Acc();
      for (Row r : rows) {
        Acc rig = perRig.get(r.rigId);
        if (rig == null) {
          rig = new Acc();
          rig.accountId = r.accountId;
          perRig.put(r.rigId, rig);
          if (r.accountId != null) {
            accountRigs.merge(r.accountId, 1, Integer::sum);
          }
        }
        rig.add(r);
        if (r.accountId != null) {
          perAccount.computeIfAbsent(r.accountId, k -> new Acc()).add(r);
        }
        total.add(r);
      }
      Map<Long, String> names = names(h, perAccount.keySet());
      List<ShareSummary.RigCounts> rigs = new ArrayList<>(perRig.size());
      perRig.forEach((id, a) ->
          rigs.add(
              new ShareSummary.RigCounts(
                  id, a.accountId, a.accepted, a.rejected, a.reasons, a.acceptedDifficulty)));
      List<ShareSummary.AccountCounts> accounts = new ArrayList<>(perAccount.size());
      perAccount.forEach((id, a) ->
          accounts.add(
              new ShareSummary.AccountCounts(
                  id,
                  names.get(id),
                  accountRigs.getOrDefault(id, 0),
                  a.accepted,
                  a.rejected,
                  a.reasons,
                  a.acceptedDifficulty)));
      return new ShareSummary(
          start,
          end,
          new ShareSummary.Counts(
              total.accepted, total.rejected, total.reasons, total.acceptedDifficulty),
          rigs,
          accounts,
          unit,
          periods);
    });
  }

  private static org.jdbi.v3.core.statement.Query bind(
      org.jdbi.v3.core.statement.Query q, Instant from, Instant to, Scope scope) {
    q.bind("from", from).bind("to", to);
    if (scope.rigId() != null) {
      q.bind("rig", scope.rigId());
    }
    if (scope.accountId() != null) {
      q.bind("account", scope.accountId());
    }
    return q;
  }

  private static Map<Long, String> names(Handle h, java.util.Set<Long> ids) {
    if (ids.isEmpty()) {
      return Map.of();
    }
    Map<Long, String> names = new HashMap<>();
    h.createQuery("SELECT id, name FROM client_accounts WHERE id IN (<ids>)")
        .bindList("ids", List.copyOf(ids))
        .map((rs, ctx) -> Map.entry(rs.getLong("id"), rs.getString("name")))
        .forEach(e -> names.put(e.getKey(), e.getValue()));
    return names;
  }

  private record Row(
      String rigId, Long accountId, String result, String reason, long shares, double difficulty) {}

  private static final class Acc {
    Long accountId;
    long accepted;
    long rejected;
    double acceptedDifficulty;
    final Map<String, Long> reasons = new LinkedHashMap<>();

    Acc() {
      for (RejectReason r : RejectReason.values()) {
        reasons.put(r.wireName(), 0L);
      }
    }

    void add(Row r) {
      if ("accepted".equals(r.result)) {
        accepted += r.shares;
        acceptedDifficulty += r.difficulty;
      } else {
        rejected += r.shares;
        reasons.merge(r.reason, r.shares, Long::sum);
      }
    }
  }
}
