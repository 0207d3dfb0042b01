package io.otedama.controller.shares;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;

/**
 * Reads the hourly {@code share_counts} rollup for the share summary of the API: totals and per
 * rig, rejected shares by reason, over the whole hours from the one containing {@code from} to the
 * one containing {@code to} (so "until now" includes the current hour).
 */
public final class ShareSummaryQuery {
  private final Jdbi jdbi;

  public ShareSummaryQuery(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  /**
   * @param rigId one rig only, or null for all
   */
  public ShareSummary summary(Instant from, Instant to, String rigId) {
    if (!from.isBefore(to)) {
      throw new IllegalArgumentException("'from' must be before 'to'");
    }
    Instant start = from.truncatedTo(ChronoUnit.HOURS);
    Instant end = to.truncatedTo(ChronoUnit.HOURS).plus(1, ChronoUnit.HOURS);
    Instant fromHour = start;
    Instant toHour = end;
    List<Row> rows =
        jdbi.withHandle(h ->
            h.createQuery(
                    "SELECT rig_id, result, reason, sum(shares) AS shares,"
                        + " sum(difficulty) AS difficulty FROM share_counts"
                        + " WHERE hour >= :from AND hour < :to"
                        + (rigId == null ? "" : " AND rig_id = :rig")
                        + " GROUP BY rig_id, result, reason ORDER BY rig_id")
                .bind("from", fromHour)
                .bind("to", toHour)
                .bind("rig", rigId)
                .map((rs, ctx) ->
                    new Row(
                        rs.getString("rig_id"),
                        rs.getString("result"),
                        rs.getString("reason"),
                        rs.getLong("shares"),
                        rs.getDouble("difficulty")))
                .list());
    Map<String, Acc> perRig = new LinkedHashMap<>();
    Acc total = new Acc();
    for (Row r : rows) {
      perRig.computeIfAbsent(r.rigId, k -> new Acc()).add(r);
      total.add(r);
    }
    List<ShareSummary.RigCounts> rigs = new ArrayList<>(perRig.size());
    perRig.forEach((id, a) ->
        rigs.add(
            new ShareSummary.RigCounts(
                id, a.accepted, a.rejected, a.reasons, a.acceptedDifficulty)));
    return new ShareSummary(
        fromHour,
        toHour,
        new ShareSummary.Counts(
            total.accepted, total.rejected, total.reasons, total.acceptedDifficulty),
        rigs);
  }

  private record Row(String rigId, String result, String reason, long shares, double difficulty) {}

  private static final class Acc {
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
