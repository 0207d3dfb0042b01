package io.otedama.controller.fleet;

import io.otedama.controller.api.ApiException;
import java.time.Clock;
import java.util.List;
import org.jdbi.v3.core.Jdbi;

/** Creates and lists rig groups. */
public class GroupService {
  private static final String SELECT =
      "SELECT g.id, g.name, g.kind, g.description, g.created_at,"
          + " (SELECT count(*) FROM rigs r WHERE r.group_id = g.id) AS rig_count"
          + " FROM rig_groups g";
  private final Jdbi jdbi;
  private final Clock clock;

  public GroupService(Jdbi jdbi, Clock clock) {
    this.jdbi = jdbi;
    this.clock = clock;
  }

  public List<Group> list() {
    return jdbi.withHandle(
        h -> h.createQuery(SELECT + " ORDER BY lower(g.name)").map(GroupService::map).list());
  }

  public Group create(String name, String kind, String description) {
    long id =
        jdbi.withHandle(h ->
                h.createQuery(
                        "INSERT INTO rig_groups (name, kind, description, created_at)"
                            + " VALUES (:name, :kind, :description, :now)"
                            + " ON CONFLICT (name) DO NOTHING RETURNING id")
                    .bind("name", name.strip())
                    .bind("kind", kind == null || kind.isBlank() ? "group" : kind.strip())
                    .bind("description", description)
                    .bind("now", clock.instant())
                    .mapTo(Long.class)
                    .findOne())
            .orElseThrow(() ->
                ApiException.conflict("A group named '" + name.strip() + "' already exists."));
    return jdbi.withHandle(h ->
        h.createQuery(SELECT + " WHERE g.id = :id").bind("id", id).map(GroupService::map).one());
  }

  static boolean exists(Jdbi jdbi, long groupId) {
    return jdbi.withHandle(h ->
        h.createQuery("SELECT count(*) FROM rig_groups WHERE id = :id")
                .bind("id", groupId)
                .mapTo(Long.class)
                .one()
            > 0);
  }

  private static Group map(java.sql.ResultSet rs, org.jdbi.v3.core.statement.StatementContext ctx)
      throws java.sql.SQLException {
    return new Group(
        rs.getLong("id"),
        rs.getString("name"),
        rs.getString("kind"),
        rs.getString("description"),
        rs.getLong("rig_count"),
        rs.getTimestamp("created_at").toInstant());
  }
}
