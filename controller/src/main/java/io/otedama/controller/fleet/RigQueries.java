package io.otedama.controller.fleet;

import io.otedama.controller.api.Page;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;

/** Reads rigs for the API: filtering, sorting and paging all happen in SQL. */
public class RigQueries {
  private static final String COLUMNS =
      "r.id, r.name, r.status, r.hashrate_hs, r.temperature_c, r.power_w, r.fan_rpm, r.last_seen,"
          + " r.accepted_shares, r.rejected_shares, g.name AS group_name, r.group_id, r.model,"
          + " r.agent_version, r.source, r.hardware_id, r.uptime_s, r.ip_address,"
          + " r.status_changed_at, r.created_at";
  private static final String FROM = " FROM rigs r LEFT JOIN rig_groups g ON g.id = r.group_id";
  private final Jdbi jdbi;
  private volatile RigHashrateEstimates estimates = RigHashrateEstimates.NONE;

  public RigQueries(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  /** Where the rigs' estimated hashrates come from (the shares feature, once it is wired). */
  public void useHashrateEstimates(RigHashrateEstimates estimates) {
    this.estimates = java.util.Objects.requireNonNull(estimates, "estimates");
  }

  RigHashrateEstimates estimates() {
    return estimates;
  }

  private Rig withEstimate(Rig rig) {
    return rig.withEstimate(estimates.estimatedHashrateHs(rig.id()));
  }

  public Page<Rig> list(RigListQuery q) {
    return list(q, null);
  }

  /**
   * The rigs matching {@code q}; with an {@code accountId}, only that hosting client's rigs (see
   * {@link ClientRigs}).
   */
  public Page<Rig> list(RigListQuery q, Long accountId) {
    String where = where(q, accountId);
    Long groupId = groupIdOf(q.group());
    String order =
        " ORDER BY " + q.sortColumn() + (q.descending() ? " DESC" : " ASC") + " NULLS LAST, r.id";
    return jdbi.withHandle(h -> {
      long total =
          bindFilters(h.createQuery("SELECT count(*)" + FROM + where), q, groupId, accountId)
              .mapTo(Long.class)
              .one();
      List<Rig> items =
          bindFilters(
                  h.createQuery(
                      "SELECT " + COLUMNS + FROM + where + order + " LIMIT :limit OFFSET :offset"),
                  q,
                  groupId,
                  accountId)
              .bind("limit", q.size())
              .bind("offset", (long) (q.page() - 1) * q.size())
              .map((rs, ctx) -> map(rs, false))
              .list();
      return new Page<>(items.stream().map(this::withEstimate).toList(), total);
    });
  }

  /**
   * The ids of at most {@code limit} rigs matching the rigs table's filters (status, group, text),
   * in name order: what a batch command to "every rig matching" is sent to.
   */
  public List<String> matchingIds(String status, String group, String q, int limit) {
    RigListQuery query = RigListQuery.parse(status, group, q, null, null, null);
    String where = where(query, null);
    Long groupId = groupIdOf(query.group());
    return jdbi.withHandle(h ->
        bindFilters(
                h.createQuery(
                    "SELECT r.id" + FROM + where + " ORDER BY lower(r.name), r.id LIMIT :limit"),
                query,
                groupId,
                null)
            .bind("limit", limit)
            .mapTo(String.class)
            .list());
  }

  private static String where(RigListQuery q, Long accountId) {
    StringBuilder where = new StringBuilder(" WHERE TRUE");
    if (accountId != null) {
      where.append(" AND r.id IN (SELECT rig_id FROM client_rigs WHERE account_id = :accountId)");
    }
    if (!q.statuses().isEmpty()) {
      where.append(" AND r.status IN (<statuses>)");
    }
    if (q.group() != null) {
      where.append(
          groupIdOf(q.group()) != null ? " AND r.group_id = :groupId" : " AND g.name = :groupName");
    }
    if (q.text() != null) {
      where.append(
          " AND (r.name ILIKE :text ESCAPE '!' OR r.id ILIKE :text ESCAPE '!'"
              + " OR r.hardware_id ILIKE :text ESCAPE '!' OR r.model ILIKE :text ESCAPE '!')");
    }
    return where.toString();
  }

  public Optional<Rig> find(String rigId) {
    return jdbi.withHandle(h ->
        h.createQuery(
                "SELECT "
                    + COLUMNS
                    + ", r.devices::text AS devices, r.capabilities::text AS capabilities"
                    + FROM
                    + " WHERE r.id = :id")
            .bind("id", rigId)
            .map((rs, ctx) -> map(rs, true))
            .findOne()
            .map(this::withEstimate));
  }

  public boolean exists(String rigId) {
    return exists(jdbi, rigId);
  }

  static boolean exists(Jdbi jdbi, String rigId) {
    return jdbi.withHandle(h ->
        h.createQuery("SELECT count(*) FROM rigs WHERE id = :id")
                .bind("id", rigId)
                .mapTo(Long.class)
                .one()
            > 0);
  }

  public List<RigEvent> events(String rigId, int limit) {
    return jdbi.withHandle(h ->
        h.createQuery(
                "SELECT id, at, kind, from_status, to_status, detail FROM rig_events"
                    + " WHERE rig_id = :id ORDER BY at DESC, id DESC LIMIT :limit")
            .bind("id", rigId)
            .bind("limit", limit)
            .map((rs, ctx) ->
                new RigEvent(
                    rs.getLong("id"),
                    rs.getTimestamp("at").toInstant(),
                    rs.getString("kind"),
                    rs.getString("from_status"),
                    rs.getString("to_status"),
                    rs.getString("detail")))
            .list());
  }

  public FleetSummary summary(String group) {
    Long groupId = groupIdOf(group);
    String where =
        group == null
            ? ""
            : groupId != null
                ? " WHERE r.group_id = :groupId"
                : " WHERE r.group_id = (SELECT id FROM rig_groups WHERE name = :groupName)";
    return jdbi.withHandle(h -> {
      Query query =
          h.createQuery(
              "SELECT count(*) AS total,"
                  + " count(*) FILTER (WHERE r.status = 'online') AS online,"
                  + " count(*) FILTER (WHERE r.status = 'stale') AS stale,"
                  + " count(*) FILTER (WHERE r.status = 'offline') AS offline,"
                  + " COALESCE(sum(r.hashrate_hs) FILTER (WHERE r.status <> 'offline'), 0) AS hashrate,"
                  + " COALESCE(sum(r.power_w) FILTER (WHERE r.status <> 'offline'), 0) AS power,"
                  + " COALESCE(sum(r.accepted_shares), 0) AS accepted,"
                  + " COALESCE(sum(r.rejected_shares), 0) AS rejected"
                  + " FROM rigs r"
                  + where);
      if (groupId != null) {
        query.bind("groupId", groupId);
      } else if (group != null) {
        query.bind("groupName", group);
      }
      return query
          .map((rs, ctx) ->
              new FleetSummary(
                  rs.getLong("total"),
                  rs.getLong("online"),
                  rs.getLong("stale"),
                  rs.getLong("offline"),
                  rs.getDouble("hashrate"),
                  rs.getDouble("power"),
                  rs.getLong("accepted"),
                  rs.getLong("rejected")))
          .one();
    });
  }

  private static Query bindFilters(Query query, RigListQuery q, Long groupId, Long accountId) {
    if (accountId != null) {
      query.bind("accountId", accountId);
    }
    if (!q.statuses().isEmpty()) {
      query.bindList("statuses", q.statuses());
    }
    if (q.group() != null) {
      if (groupId != null) {
        query.bind("groupId", groupId);
      } else {
        query.bind("groupName", q.group());
      }
    }
    if (q.text() != null) {
      query.bind("text", "%" + escapeLike(q.text()) + "%");
    }
    return query;
  }

  /** A group given as digits is an id, anything else a name. */
  private static Long groupIdOf(String group) {
    if (group == null || !group.chars().allMatch(Character::isDigit) || group.length() > 18) {
      return null;
    }
    return Long.parseLong(group);
  }

  private static String escapeLike(String text) {
    // '!' rather than backslash: Jdbi's statement parser treats backslashes specially
    return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
  }

  private static Rig map(ResultSet rs, boolean detail) throws SQLException {
    return new Rig(
        rs.getString("id"),
        rs.getString("name"),
        rs.getString("status"),
        rs.getDouble("hashrate_hs"),
        null,
        null,
        (Float) nullable(rs, "temperature_c", rs.getFloat("temperature_c")),
        (Float) nullable(rs, "power_w", rs.getFloat("power_w")),
        (Integer) nullable(rs, "fan_rpm", rs.getInt("fan_rpm")),
        instant(rs.getTimestamp("last_seen")),
        rs.getLong("accepted_shares"),
        rs.getLong("rejected_shares"),
        rs.getString("group_name"),
        (Long) nullable(rs, "group_id", rs.getLong("group_id")),
        rs.getString("model"),
        rs.getString("agent_version"),
        rs.getString("source"),
        rs.getString("hardware_id"),
        (Long) nullable(rs, "uptime_s", rs.getLong("uptime_s")),
        rs.getString("ip_address"),
        instant(rs.getTimestamp("status_changed_at")),
        instant(rs.getTimestamp("created_at")),
        detail ? rs.getString("devices") : null,
        detail ? rs.getString("capabilities") : null);
  }

  /** {@code value} as just read from {@code rs}, or null when that column was SQL NULL. */
  private static Object nullable(ResultSet rs, String column, Object value) throws SQLException {
    return rs.wasNull() ? null : value;
  }

  private static Instant instant(Timestamp ts) {
    return ts == null ? null : ts.toInstant();
  }
}
