package io.otedama.controller.firmware;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;

/** SQL for campaigns, their waves and rigs. */
final class CampaignStore {
  private static final String SELECT =
      "SELECT c.*, a.name AS artifact_name, a.version AS artifact_version"
          + " FROM firmware_campaigns c JOIN firmware_artifacts a ON a.id = c.artifact_id";

  private final Jdbi jdbi;

  CampaignStore(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  Jdbi jdbi() {
    return jdbi;
  }

  /** A rig a new campaign would target. */
  record Target(String rigId, String agentVersion) {}

  List<Target> targets(Artifact artifact, Campaign.Filter filter) {
    StringBuilder sql =
        new StringBuilder("SELECT id, agent_version FROM rigs r WHERE r.source = 'agent'");
    boolean agentRelease = artifact.kind().equals("agent");
    if (agentRelease) {
      // rigs already running this agent release have nothing to do
      sql.append(" AND r.agent_version IS DISTINCT FROM :artifactVersion");
    }
    if (filter.groupId() != null) {
      sql.append(" AND r.group_id = :groupId");
    }
    if (filter.model() != null) {
      sql.append(" AND r.model = :model");
    }
    if (filter.version() != null) {
      sql.append(" AND r.agent_version = :version");
    }
    if (!artifact.models().isEmpty()) {
      sql.append(" AND r.model = ANY(:models)");
    }
    sql.append(" ORDER BY r.id");
    return jdbi.withHandle(h -> {
      var q = h.createQuery(sql.toString());
      if (agentRelease) {
        q.bind("artifactVersion", artifact.version());
      }
      if (filter.groupId() != null) {
        q.bind("groupId", filter.groupId());
      }
      if (filter.model() != null) {
        q.bind("model", filter.model());
      }
      if (filter.version() != null) {
        q.bind("version", filter.version());
      }
      if (!artifact.models().isEmpty()) {
        q.bindArray("models", String.class, artifact.models());
      }
      return q.map((rs, ctx) -> new Target(rs.getString("id"), rs.getString("agent_version")))
          .list();
    });
  }

  /** A wave to create: its rigs and rules. */
  record NewWave(int successThreshold, int errorThreshold, String onSuccess, List<Target> rigs) {}

  long insert(
      String name,
      long artifactId,
      Campaign.Filter filter,
      String token,
      String createdBy,
      Instant now,
      List<NewWave> waves) {
    return jdbi.inTransaction(h -> {
      long id =
          h.createQuery(
                  "INSERT INTO firmware_campaigns (name, artifact_id, state, filter_group_id,"
                      + " filter_model, filter_version, download_token, created_by, created_at)"
                      + " VALUES (:name, :artifact, 'ready', :groupId, :model, :version, :token,"
                      + " :by, :now) RETURNING id")
              .bind("name", name)
              .bind("artifact", artifactId)
              .bind("groupId", filter.groupId())
              .bind("model", filter.model())
              .bind("version", filter.version())
              .bind("token", token)
              .bind("by", createdBy)
              .bind("now", now)
              .mapTo(Long.class)
              .one();
      for (int i = 0; i < waves.size(); i++) {
        NewWave w = waves.get(i);
        h.createUpdate(
                "INSERT INTO firmware_campaign_waves (campaign_id, wave_no, success_threshold,"
                    + " error_threshold, on_success) VALUES (:c, :n, :s, :e, :o)")
            .bind("c", id)
            .bind("n", i + 1)
            .bind("s", w.successThreshold())
            .bind("e", w.errorThreshold())
            .bind("o", w.onSuccess())
            .execute();
        var batch =
            h.prepareBatch(
                "INSERT INTO firmware_campaign_rigs (campaign_id, rig_id, wave_no, from_version,"
                    + " updated_at) VALUES (:c, :rig, :n, :from, :now)");
        for (Target t : w.rigs()) {
          batch
              .bind("c", id)
              .bind("rig", t.rigId())
              .bind("n", i + 1)
              .bind("from", t.agentVersion())
              .bind("now", now)
              .add();
        }
        batch.execute();
      }
      return id;
    });
  }

  Optional<Campaign> find(long id) {
    return jdbi.withHandle(h -> find(h, id));
  }

  Optional<Campaign> find(Handle h, long id) {
    Optional<Campaign> bare =
        h.createQuery(SELECT + " WHERE c.id = :id").bind("id", id).map(this::mapBare).findOne();
    return bare.map(c -> withWaves(h, c));
  }

  Optional<Campaign> byToken(String token) {
    return jdbi.withHandle(h ->
        h.createQuery(SELECT + " WHERE c.download_token = :t")
            .bind("t", token)
            .map(this::mapBare)
            .findOne());
  }

  List<Campaign> list(int limit) {
    return jdbi.withHandle(h -> {
      List<Campaign> bare =
          h.createQuery(SELECT + " ORDER BY c.id DESC LIMIT :limit")
              .bind("limit", limit)
              .map(this::mapBare)
              .list();
      List<Campaign> out = new ArrayList<>();
      for (Campaign c : bare) {
        out.add(withWaves(h, c));
      }
      return out;
    });
  }

  List<Long> idsInState(String state) {
    return jdbi.withHandle(h ->
        h.createQuery("SELECT id FROM firmware_campaigns WHERE state = :s ORDER BY id")
            .bind("s", state)
            .mapTo(Long.class)
            .list());
  }

  List<CampaignRig> rigs(long campaignId, Integer wave) {
    return jdbi.withHandle(h -> {
      var q =
          h.createQuery(
                  "SELECT cr.*, r.name AS rig_name FROM firmware_campaign_rigs cr"
                      + " JOIN rigs r ON r.id = cr.rig_id WHERE cr.campaign_id = :c"
                      + (wave == null ? "" : " AND cr.wave_no = :w")
                      + " ORDER BY cr.wave_no, cr.rig_id")
              .bind("c", campaignId);
      if (wave != null) {
        q.bind("w", wave);
      }
      return q.map(CampaignStore::mapRig).list();
    });
  }

  /** Campaign counts by state, and rig counts by state over campaigns that are running. */
  Map<String, Long> campaignStates() {
    return jdbi.withHandle(h -> {
      Map<String, Long> m = new HashMap<>();
      h.createQuery("SELECT state, count(*) AS n FROM firmware_campaigns GROUP BY state")
          .map((rs, ctx) -> Map.entry(rs.getString("state"), rs.getLong("n")))
          .forEach(e -> m.put(e.getKey(), e.getValue()));
      return m;
    });
  }

  Map<String, Long> activeRigStates() {
    return jdbi.withHandle(h -> {
      Map<String, Long> m = new HashMap<>();
      h.createQuery(
              "SELECT cr.state, count(*) AS n FROM firmware_campaign_rigs cr"
                  + " JOIN firmware_campaigns c ON c.id = cr.campaign_id"
                  + " WHERE c.state IN ('running', 'paused') GROUP BY cr.state")
          .map((rs, ctx) -> Map.entry(rs.getString("state"), rs.getLong("n")))
          .forEach(e -> m.put(e.getKey(), e.getValue()));
      return m;
    });
  }

  private Campaign withWaves(Handle h, Campaign c) {
    Map<Integer, Campaign.Progress> byWave = new HashMap<>();
    h.createQuery(
            "SELECT wave_no, state, count(*) AS n FROM firmware_campaign_rigs"
                + " WHERE campaign_id = :c GROUP BY wave_no, state")
        .bind("c", c.id())
        .map(
            (rs, ctx) -> new Object[] {rs.getInt("wave_no"), rs.getString("state"), rs.getInt("n")})
        .forEach(row ->
            byWave.merge(
                (Integer) row[0],
                Campaign.Progress.EMPTY.with((String) row[1], (Integer) row[2]),
                Campaign.Progress::plus));
    List<Campaign.Wave> waves =
        h.createQuery(
                "SELECT * FROM firmware_campaign_waves WHERE campaign_id = :c ORDER BY wave_no")
            .bind("c", c.id())
            .map((rs, ctx) -> {
              int n = rs.getInt("wave_no");
              return new Campaign.Wave(
                  n,
                  rs.getInt("success_threshold"),
                  rs.getInt("error_threshold"),
                  rs.getString("on_success"),
                  rs.getString("state"),
                  instant(rs, "started_at"),
                  instant(rs, "finished_at"),
                  byWave.getOrDefault(n, Campaign.Progress.EMPTY));
            })
            .list();
    Campaign.Progress total = Campaign.Progress.EMPTY;
    for (Campaign.Wave w : waves) {
      total = total.plus(w.progress());
    }
    return new Campaign(
        c.id(),
        c.name(),
        c.artifactId(),
        c.artifactName(),
        c.artifactVersion(),
        c.state(),
        c.stateReason(),
        c.filter(),
        c.createdBy(),
        c.createdAt(),
        c.startedAt(),
        c.finishedAt(),
        c.downloadToken(),
        c.downloadBaseUrl(),
        waves,
        total);
  }

  private Campaign mapBare(ResultSet rs, StatementContext ctx) throws SQLException {
    long group = rs.getLong("filter_group_id");
    Long groupId = rs.wasNull() ? null : group;
    return new Campaign(
        rs.getLong("id"),
        rs.getString("name"),
        rs.getLong("artifact_id"),
        rs.getString("artifact_name"),
        rs.getString("artifact_version"),
        rs.getString("state"),
        rs.getString("state_reason"),
        new Campaign.Filter(groupId, rs.getString("filter_model"), rs.getString("filter_version")),
        rs.getString("created_by"),
        instant(rs, "created_at"),
        instant(rs, "started_at"),
        instant(rs, "finished_at"),
        rs.getString("download_token"),
        rs.getString("download_base_url"),
        List.of(),
        Campaign.Progress.EMPTY);
  }

  static CampaignRig mapRig(ResultSet rs, StatementContext ctx) throws SQLException {
    return new CampaignRig(
        rs.getString("rig_id"),
        rs.getString("rig_name"),
        rs.getInt("wave_no"),
        rs.getString("state"),
        rs.getString("reason"),
        rs.getString("command_id"),
        rs.getInt("attempts"),
        rs.getString("from_version"),
        instant(rs, "updated_at"));
  }

  static Instant instant(ResultSet rs, String column) throws SQLException {
    Timestamp t = rs.getTimestamp(column);
    return t == null ? null : t.toInstant();
  }
}
